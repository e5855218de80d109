/**
 * The WebAssembly SIMD engine in Chromium: the network against the float64 reference for all 54
 * options (forward within 1e-4 (1 + |ref|), winners exact, deltas and gradients within 1e-4 of each
 * tensor's largest magnitude, one SGD step; one image's backward pass through the backend is checked
 * with the other engines in tests/worker/backward.browser.test.ts), max-pooling ties, and the real engine worker: `auto` picks it on a software renderer and says why,
 * `wasm` forces it, it infers as the reference does and trains on MNIST.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { frameFromPass, frameValues } from '../../../src/engine/activationFrame';
import { deltaValues } from '../../../src/engine/backwardFrame';
import type { TrainingSettings } from '../../../src/engine/batchPlan';
import { fetchMnist } from '../../../src/engine/data/mnistFetch';
import { mnistSubset } from '../../../src/engine/data/mnistInput';
import { allArchitectures, DEFAULT_ARCHITECTURE, lenet5Layers } from '../../../src/engine/model/lenet5';
import { initialParameters } from '../../../src/engine/model/initialize';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { EngineClient } from '../../../src/worker/engineClient';
import type { EngineEvent } from '../../../src/worker/protocol';
import { WasmBackend } from '../../../src/worker/wasmBackend';
import { testParameters } from '../gpu/gpuVsReference';
import { expectWasmMatchesReference } from './wasmVsReference';

const network = new WasmNetwork();
const backend = new WasmBackend();

describe.each(allArchitectures().map((o) => [Object.values(o).join(' / '), o] as const))('%s', (_, options) => {
  it('equals the float64 reference: a batch of 5 forward and backward, and one SGD step', () => {
    // One image's backward pass through the backend is checked beside the other engines in tests/worker/backward.browser.test.ts.
    expectWasmMatchesReference(network, options, 5);
  });
});

describe('max-pooling ties', () => {
  it('go to the first cell of the window in row-major order, forward and backward', () => {
    const options = allArchitectures()[0];
    expect(options).toMatchObject({ activation: 'relu', pooling: 'max' });
    backend.load(options, Float32Array.from(testParameters(options)), null);
    // A blank input makes every c1 map constant (relu of its bias): every 2x2 window of s2 is a tie.
    const { frame, backward } = backend.backward(new Float32Array(1024), 4);
    expect(Array.from(new Set(frameValues(frame, 's2', 'argmax')))).toEqual([0]);
    const c1 = deltaValues(backward, 'c1', 'out')!;
    const s2 = deltaValues(backward, 's2', 'out')!;
    expect(s2.some((v) => v !== 0)).toBe(true);
    c1.forEach((v, i) => {
      const c = Math.floor(i / 784),
        y = Math.floor(i / 28) % 28,
        x = i % 28;
      expect(v, `c1 delta ${i}`).toBe(y % 2 === 0 && x % 2 === 0 ? s2[c * 196 + (y >> 1) * 14 + (x >> 1)] : 0);
    });
  });
});

describe('the engine worker on the WebAssembly engine', () => {
  const workers: Worker[] = [];
  afterAll(() => workers.forEach((w) => w.terminate()));
  const connect = () => {
    const worker = new Worker(new URL('../../../src/worker/engine.worker.ts', import.meta.url), { type: 'module' });
    workers.push(worker);
    const client = new EngineClient(worker);
    const events: EngineEvent[] = [];
    client.subscribe((e) => events.push(e));
    return { client, events };
  };
  const layers = lenet5Layers(DEFAULT_ARCHITECTURE);
  const params = initialParameters(layers, 1) as Float32Array;

  it('is what auto picks on a software renderer, with the reason', async () => {
    const { client } = connect();
    const started = await client.start('auto');
    expect(started.backend).toBe('wasm');
    expect(started.reason).toMatchObject({ code: 'softwareRenderer', renderer: expect.stringMatching(/SwiftShader/i) });
  });

  it('starts when asked for, infers every layer as the reference does, and trains on MNIST', async () => {
    const { client, events } = connect();
    const started = await client.start('wasm');
    expect(started.backend).toBe('wasm');
    await client.loadWeights(DEFAULT_ARCHITECTURE, params);
    const input = Float32Array.from({ length: 1024 }, (_, i) => ((i * 37) % 101) / 100);
    const frame = await client.infer(input);
    const expected = frameFromPass(
      layers,
      new ReferenceNetwork(layers, 'softmax-cross-entropy', Float32Array.from(params)).forward(input, 1),
    );
    for (const { id, pre, argmax } of expected.layers) {
      const parts: ('out' | 'pre' | 'argmax')[] = [
        'out',
        ...(pre ? ['pre' as const] : []),
        ...(argmax ? ['argmax' as const] : []),
      ];
      for (const part of parts) {
        const got = frameValues(frame, id, part);
        frameValues(expected, id, part).forEach((r, i) =>
          expect(Math.abs(got[i] - r), `${id}.${part}[${i}]`).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(r))),
        );
      }
    }
    const { train, test } = await fetchMnist('/data');
    await client.setDataset(mnistSubset(train, 512, true), mnistSubset(test, 500, true));
    const settings: TrainingSettings = {
      seed: 3,
      batchSize: 64,
      learningRate: 0.05,
      schedule: 'constant',
      epochs: 3,
      momentum: 0.9,
      weightDecay: 0,
      augment: true,
    };
    client.train(settings, 0, 3, 500);
    const deadline = Date.now() + 120_000;
    const saved = () => events.filter((e) => e.type === 'checkpointSaved');
    while (!saved().some((e) => e.type === 'checkpointSaved' && e.epoch === 3)) {
      const failure = events.find((e) => e.type === 'failed');
      if (failure?.type === 'failed') throw new Error(failure.message);
      if (Date.now() > deadline) throw new Error(`timed out: ${events.map((e) => e.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const checkpoints = saved().flatMap((e) => (e.type === 'checkpointSaved' ? [e] : []));
    const last = checkpoints.find((e) => e.epoch === 3)!;
    expect(last.step).toBe(24);
    expect(last.params.every(Number.isFinite)).toBe(true);
    console.log(`wasm worker checkpoints: ${checkpoints.map((e) => `epoch ${e.epoch}: ${e.testAccuracy}`).join(', ')}`);
    // Chance is 0.1; 24 steps on 512 images reach well above it.
    expect(last.testAccuracy!).toBeGreaterThan(0.5);
  });
});
