/**
 * `window.lenet.alpha()` and `selectRun(id)` over a stand-in connection; the α penalty a run records (chosen here
 * or read from a manifest's `training`).
 */
import { describe, expect, it } from 'vitest';
import { initialParameters } from '../../../src/engine/model/initialize';
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../../../src/engine/model/parameters';
import type { EngineConnection } from '../../../src/store/connectEngine';
import { penaltyOf, type RunRecord } from '../../../src/store/runRecord';
import { withChosenPenalty } from '../../../src/store/trainedRuns';
import { combinationsAutomation } from '../../../src/ui/automation/combinationsAutomation';

const options = (c3: ArchitectureOptions['c3Connectivity']): ArchitectureOptions => ({
  activation: 'relu',
  pooling: 'max',
  c3Connectivity: c3,
  loss: 'softmax-cross-entropy',
});

function record(name: string, c3: ArchitectureOptions['c3Connectivity'], logit = 0): RunRecord {
  const layers = lenet5Layers(options(c3));
  const params = initialParameters(layers, 1) as Float32Array;
  const checkpoints = [0, 1].map((epoch) => ({ epoch, testAccuracy: null, params: params.slice() }));
  if (c3 === 'learned') {
    // At epoch 1 every c3 map puts logit `logit` on input map 2.
    const spec = tensorSpec(parameterLayout(layers), 'c3.alphaLogits');
    for (let j = 0; j < 16; j++) checkpoints[1].params[spec.offset + j * 6 + 2] = logit;
  }
  return { name, architecture: { ...options(c3), layers }, testImages: 1000, ranges: null, checkpoints };
}

/** A connection holding `runs`, showing `shown` at `index`; `showRun` switches it. */
function connection(runs: RunRecord[], shown: string, index: number) {
  const held = new Map(runs.map((r) => [r.name, r]));
  const state = { run: held.get(shown)!, index };
  const fake = {
    runs: held,
    selectedRun: () => state.run,
    selectedIndex: () => state.index,
    showRun: async (run: RunRecord, at = run.checkpoints.length - 1) => {
      state.run = run;
      state.index = at;
    },
  } as unknown as EngineConnection;
  return { fake, state };
}

describe('window.lenet.alpha()', () => {
  it('gives 16 rows of 6 softmax values at the selected checkpoint, null for other runs', () => {
    const learned = record('lenet5-learned', 'learned', Math.log(11)); // α = 11/16 on map 2, 1/16 elsewhere
    const { fake, state } = connection([learned, record('lenet5-default', 'full')], 'lenet5-learned', 0);
    const api = combinationsAutomation(() => fake);
    const first = api.alpha()!;
    expect(first.length).toBe(16);
    for (const row of first) row.forEach((a) => expect(a).toBeCloseTo(1 / 6, 6));
    state.index = 1;
    for (const row of api.alpha()!) row.forEach((a, i) => expect(a).toBeCloseTo(i === 2 ? 11 / 16 : 1 / 16, 6));
    state.run = fake.runs.get('lenet5-default')!;
    expect(api.alpha()).toBeNull();
  });

  it('selectRun(id) shows that run at its last checkpoint, and refuses an id the page does not hold', async () => {
    const { fake, state } = connection(
      [record('lenet5-default', 'full'), record('lenet5-learned', 'learned')],
      'lenet5-default',
      1,
    );
    const api = combinationsAutomation(() => fake);
    await api.selectRun('lenet5-learned');
    expect(state.run.name).toBe('lenet5-learned');
    expect(state.index).toBe(1);
    await expect(api.selectRun('lenet5-nothing')).rejects.toThrow(
      /no run lenet5-nothing; runs: lenet5-default, lenet5-learned/,
    );
  });
});

describe('the α penalty a run records', () => {
  it('is the choice for a run with learned combinations, none for others', () => {
    const chosen = { alphaPenalty: 'entropy' as const, alphaLambda: 0.02 };
    expect(withChosenPenalty(record('my-run', 'learned'), chosen).alphaPenalty).toEqual({
      kind: 'entropy',
      lambda: 0.02,
    });
    expect(
      withChosenPenalty({ ...record('my-run', 'full'), alphaPenalty: { kind: 'l1', lambda: 1 } }, chosen),
    ).not.toHaveProperty('alphaPenalty');
  });

  it('is read from a manifest’s training settings when they name a known penalty', () => {
    expect(penaltyOf({ alphaPenalty: 'l1', alphaLambda: 0.5 })).toEqual({ kind: 'l1', lambda: 0.5 });
    expect(penaltyOf({ alphaPenalty: 'entropy' })).toEqual({ kind: 'entropy', lambda: 0 });
    expect(penaltyOf({ alphaPenalty: 'l2', alphaLambda: 1 })).toBeUndefined();
    expect(penaltyOf(undefined)).toBeUndefined();
    expect(penaltyOf('l1')).toBeUndefined();
  });
});
