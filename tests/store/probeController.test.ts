/**
 * The probe's controller against a real engine host over a MessageChannel: the transform it sets is what
 * the network reads, sweeps list the selected checkpoint and the other shipped runs (kept until the input
 * or weights change), and equivariance is measured through the view's engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { frameValues } from '../../src/engine/activationFrame';
import { transformInput } from '../../src/engine/data/inputTransform';
import { loadRun } from '../../src/engine/model/runLoader';
import { useAppStore } from '../../src/store/appStore';
import { networkInput, probedInput } from '../../src/store/networkInput';
import { createProbeController } from '../../src/store/probeController';
import { heldParams, recordFromLoadedRun, type RunRecord } from '../../src/store/runRecord';
import { EngineClient } from '../../src/worker/engineClient';
import { serveEngine } from '../../src/worker/engineHost';
import { testDigit } from '../../scripts/shippedNetworks';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function shippedRecord(name: string): Promise<RunRecord> {
  const dir = join(import.meta.dirname, '..', '..', 'public', 'models', name);
  return recordFromLoadedRun(name, await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir));
}

const runs = new Map<string, RunRecord>();
beforeAll(async () => {
  for (const name of ['lenet5-default', 'lenet5-classic']) runs.set(name, await shippedRecord(name));
});

/** A controller over a fresh engine showing checkpoint `index` of the modern run; `read` lists the inputs the network read. */
async function setUp(index: number) {
  const channel = new MessageChannel();
  stops.push(serveEngine(channel.port2 as never));
  const client = new EngineClient(channel.port1 as never);
  stops.push(() => {
    client.dispose();
    channel.port1.close();
    channel.port2.close();
  });
  await client.start('cpu');
  const run = runs.get('lenet5-default')!;
  await client.loadWeights(run.architecture, heldParams(run, index));
  const input = testDigit(0);
  useAppStore.getState().set({
    input,
    probe: null,
    sweeps: {},
    run: run.name,
    checkpointIndex: index,
    layers: run.architecture.layers,
    teaching: null,
  });
  const read: (Float32Array | null)[] = [];
  const probe = createProbeController({
    client,
    runs,
    selected: () => ({ run, index }),
    params: () => heldParams(run, index),
    infer: async (raw) => {
      read.push(probedInput(raw, useAppStore.getState().probe));
    },
  });
  return { client, probe, read, input, run };
}

describe('the probe controller', () => {
  it('sets the transform the network reads, and clears it', async () => {
    const { probe, read, input } = await setUp(3);
    await probe.setProbe({ dx: 2, dy: -1 });
    expect(useAppStore.getState().probe).toEqual({ dx: 2, dy: -1, rotate: 0, scale: 1 });
    const shifted = transformInput(input, { dx: 2, dy: -1, rotate: 0, scale: 1 });
    expect(read.at(-1)).toEqual(shifted);
    expect(networkInput()).toEqual(shifted);
    expect(useAppStore.getState().input).toBe(input); // the preprocessed input itself is kept
    await expect(probe.setProbe({ scale: -1 })).rejects.toThrow(/scale must be above 0/);
    await probe.setProbe(null);
    expect(read.at(-1)).toBe(input);
    expect(networkInput()).toBe(input);
  });

  it('sweeps the selected checkpoint beside both shipped runs, keeps the result until the input changes', async () => {
    const { client, probe, input, run } = await setUp(3);
    await probe.setProbe({ dx: 3, dy: 3 }); // sweeps read the untransformed input
    const sweep = await probe.sweep('rotate');
    expect(sweep.runs.map((r) => [r.run, r.epoch, r.selected])).toEqual([
      ['lenet5-default', run.checkpoints[3].epoch, true],
      ['lenet5-default', run.checkpoints.at(-1)!.epoch, false],
      ['lenet5-classic', runs.get('lenet5-classic')!.checkpoints.at(-1)!.epoch, false],
    ]);
    expect(sweep.values).toHaveLength(25);
    // At 0° each network reads the untransformed input as the engine does (WebAssembly scratch vs CPU view).
    await probe.setProbe(null);
    const view = Array.from(frameValues(await client.infer(input), 'output'));
    sweep.runs[0].probabilities[12].forEach((p, k) => expect(Math.abs(p - view[k])).toBeLessThan(2e-5));
    expect(sweep.runs[1].probabilities[12]).not.toEqual(sweep.runs[0].probabilities[12]);
    expect(useAppStore.getState().sweeps.rotate).toBe(sweep);
    expect(await probe.sweep('rotate')).toBe(sweep); // cached
    useAppStore.getState().set({ input: testDigit(1) });
    expect(useAppStore.getState().sweeps).toEqual({});
  });

  it('leaves out the shipped run the view shows at its last checkpoint', async () => {
    const run = runs.get('lenet5-default')!;
    const { probe } = await setUp(run.checkpoints.length - 1);
    const sweep = await probe.sweep('scale');
    expect(sweep.runs.map((r) => [r.run, r.selected])).toEqual([
      ['lenet5-default', true],
      ['lenet5-classic', false],
    ]);
    expect((await probe.sweep('shift', false)).runs).toHaveLength(1);
  });

  it("measures equivariance with the view's engine for the probe's shift", async () => {
    const { probe } = await setUp(3);
    await probe.setProbe({ dx: -2, dy: 3 });
    const c1 = await probe.equivariance('c1');
    expect(c1.shift).toEqual({ dx: -2, dy: 3 });
    expect(c1.maxInside).toBe(0);
    expect((await probe.equivariance('s2', { dx: 1, dy: 0 })).maxInside).toBeGreaterThan(0.01);
    await expect(probe.equivariance('c5')).rejects.toThrow(/not on c5/);
    await expect(probe.equivariance('c1', { dx: 0.5, dy: 0 })).rejects.toThrow(/whole-pixel shifts/);
  });
});
