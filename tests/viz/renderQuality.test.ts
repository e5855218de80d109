import { describe, expect, it } from 'vitest';
import {
  FAST_MS,
  FLOOR,
  SAMPLES,
  SLOW_MS,
  STEP,
  ceilingRatio,
  initialQuality,
  median,
  observeFrame,
  type Quality,
} from '../../src/viz/renderQuality';

/** The state after `count` frames of `ms` each. */
const run = (quality: Quality, ms: number, count: number, device = 2) => {
  let q = quality;
  for (let i = 0; i < count; i++) q = observeFrame(q, ms, device);
  return q;
};

describe('renderQuality', () => {
  it('starts at the device pixel ratio, 2 at most, never below the floor', () => {
    expect(initialQuality(1).ratio).toBe(1);
    expect(initialQuality(1.5).ratio).toBe(1.5);
    expect(initialQuality(3).ratio).toBe(2);
    expect(ceilingRatio(0.5)).toBe(FLOOR);
    expect(ceilingRatio(NaN)).toBe(1);
  });

  it('leaves a GPU that keeps up at full sharpness', () => {
    const q = run(initialQuality(2), 16.7, 10 * SAMPLES);
    expect(q.ratio).toBe(2);
  });

  it('decides only once SAMPLES frames are in, on their median (one slow frame changes nothing)', () => {
    let q = run(initialQuality(2), 30, SAMPLES - 1);
    expect(q.ratio).toBe(2);
    q = observeFrame(q, 500, 2);
    expect(q.ratio).toBe(2);
    expect(q.samples).toHaveLength(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('steps down while frames are slow and keeps each step that makes them faster', () => {
    let q = run(initialQuality(2), 80, SAMPLES);
    expect(q.ratio).toBe(2 - STEP);
    expect(q.trial).toEqual({ from: 2, ms: 80 });
    q = run(q, 60, SAMPLES); // 25% faster: kept, and still slow, so down again
    expect(q.ratio).toBe(2 - 2 * STEP);
    q = run(q, 30, SAMPLES); // fast enough: stays
    expect(q.ratio).toBe(2 - 2 * STEP);
    expect(q.trial).toBeNull();
  });

  it('steps back and stays when a lower ratio does not make frames faster (the time goes elsewhere)', () => {
    let q = run(initialQuality(1), 90, SAMPLES);
    expect(q.ratio).toBe(1 - STEP);
    q = run(q, 85, SAMPLES, 1);
    expect(q.ratio).toBe(1);
    expect(q.floor).toBe(1);
    q = run(q, 90, 5 * SAMPLES, 1);
    expect(q.ratio).toBe(1);
  });

  it('never drops below the floor', () => {
    let q = initialQuality(2);
    for (let ms = 400; ms > 100; ms *= 0.8) q = run(q, ms, SAMPLES);
    expect(q.ratio).toBeGreaterThanOrEqual(FLOOR);
  });

  it('climbs back toward the device ratio when frames get fast again', () => {
    let q = run(initialQuality(2), 100, SAMPLES);
    q = run(q, 50, SAMPLES);
    expect(q.ratio).toBe(2 - 2 * STEP);
    q = run(q, FAST_MS - 5, 3 * SAMPLES);
    expect(q.ratio).toBe(2);
  });

  it('holds between FAST_MS and SLOW_MS, and ignores frame times that are not numbers', () => {
    const q = run(initialQuality(2), (FAST_MS + SLOW_MS) / 2, 4 * SAMPLES);
    expect(q.ratio).toBe(2);
    expect(observeFrame(q, NaN, 2)).toBe(q);
    expect(observeFrame(q, -1, 2)).toBe(q);
  });
});
