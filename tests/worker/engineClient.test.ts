/** The engine protocol end to end over a MessageChannel, with the worker code running in this process. */
import { mnistSubset } from '../../src/engine/data/mnistInput';
import { afterEach, describe, expect, it } from 'vitest';
import { frameFromPass, frameValues } from '../../src/engine/activationFrame';
import type { TrainingSettings } from '../../src/engine/batchPlan';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import { initialParameters } from '../../src/engine/model/initialize';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import { CpuBackend } from '../../src/worker/cpuBackend';
import { WasmBackend } from '../../src/worker/wasmBackend';
import { EngineClient } from '../../src/worker/engineClient';
import { serveEngine, type BackendFactories } from '../../src/worker/engineHost';
import type { EngineEvent } from '../../src/worker/protocol';
import { loadMnistSplit } from '../../scripts/mnistFiles';

const layers = lenet5Layers(DEFAULT_ARCHITECTURE);
const params = initialParameters(layers, 1) as Float32Array;
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function connect(factories?: BackendFactories) {
  const channel = new MessageChannel();
  stops.push(serveEngine(channel.port2 as never, factories));
  const client = new EngineClient(channel.port1 as never);
  const events: EngineEvent[] = [];
  client.subscribe((e) => events.push(e));
  stops.push(() => {
    client.dispose();
    channel.port1.close();
    channel.port2.close();
  });
  return { client, events };
}

async function until(events: EngineEvent[], test: (e: EngineEvent) => boolean, ms = 60_000): Promise<EngineEvent> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = events.find(test);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out; events: ${events.map((e) => e.type).join(', ')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function smallData(count: number) {
  const train = loadMnistSplit('train');
  const test = loadMnistSplit('test');
  return {
    train: mnistSubset(train, count, true),
    test: mnistSubset(test, 500, true),
  };
}

const settings: TrainingSettings = {
  seed: 2,
  batchSize: 32,
  learningRate: 0.05,
  schedule: 'constant',
  epochs: 2,
  momentum: 0.9,
  weightDecay: 0,
  augment: false,
};

describe('engine client and worker host over a MessageChannel', () => {
  it('falls back to the CPU with a reason when WebGL2 is unavailable, and infers every layer', async () => {
    const { client } = connect();
    const started = await client.start('webgl2');
    expect(started.backend).toBe('cpu');
    expect(started.reason).toEqual({
      code: 'webgl2Failed',
      detail: expect.stringMatching(/OffscreenCanvas is not available/),
    });
    await client.loadWeights(DEFAULT_ARCHITECTURE, params);
    const input = Float32Array.from({ length: 1024 }, (_, i) => (i % 7) / 7);
    const frame = await client.infer(input);
    const expected = frameFromPass(
      layers,
      new ReferenceNetwork(layers, 'softmax-cross-entropy', Float32Array.from(params)).forward(input, 1),
    );
    for (const id of ['input', 'c1', 's2', 'c3', 's4', 'c5', 'f6', 'output']) {
      expect(frameValues(frame, id)).toEqual(frameValues(expected, id));
    }
    expect(frameValues(frame, 's2', 'argmax')).toEqual(frameValues(expected, 's2', 'argmax'));
  });

  it('in auto mode takes the CPU when WebGL2 is a software renderer, and says why', async () => {
    const { client } = connect({
      gpu: () => Object.assign(new CpuBackend(), { renderer: 'ANGLE (SwiftShader Device)' }),
      cpu: () => new CpuBackend(),
    });
    const started = await client.start('auto');
    expect(started.backend).toBe('cpu');
    expect(started.reason).toEqual({ code: 'softwareRenderer', renderer: 'ANGLE (SwiftShader Device)' });
  });

  it('answers a bad request with an error for that request only', async () => {
    const { client } = connect();
    await client.start('cpu');
    await expect(client.infer(new Float32Array(1024))).rejects.toThrow(/no weights are loaded/);
    await client.loadWeights(DEFAULT_ARCHITECTURE, params);
    await expect(client.infer(new Float32Array(784))).rejects.toThrow(
      /an input must be 1024 values \(32x32\), got 784/,
    );
    await expect(client.infer(new Float32Array(1024).fill(NaN))).rejects.toThrow(/input value 0 is NaN/);
    await expect(client.request({ type: 'evaluate', limit: null }, 'evaluated')).rejects.toThrow(/no dataset/);
  });

  it('trains, reports progress, streams the drawing, saves early checkpoints, pauses and steps', async () => {
    const { client, events } = connect();
    await client.start('cpu');
    await client.loadWeights(DEFAULT_ARCHITECTURE, params);
    const data = smallData(640);
    await client.setDataset(data.train, data.test);
    client.setDrawing(new Float32Array(1024).fill(0.5));
    client.train(settings, 0, 1);
    const done = await until(
      events,
      (e) => e.type === 'progressReported' && e.progress.status === 'paused' && e.progress.epoch >= 1,
    );
    expect(done.type === 'progressReported' && done.progress.loss).toBeLessThan(2.3);
    const checkpoints = events
      .filter((e) => e.type === 'checkpointSaved')
      .map((e) => e.type === 'checkpointSaved' && e.epoch);
    expect(checkpoints).toEqual([1 / 16, 1 / 8, 1 / 4, 1 / 2, 1].map((f) => expect.closeTo(f, 1)));
    expect(events.some((e) => e.type === 'activationsStreamed')).toBe(true);
    const stepped = await client.request({ type: 'step', batches: 3 }, 'stepped');
    expect(stepped.progress.step).toBe(23);
    const evaluation = await client.request({ type: 'evaluate', limit: 500 }, 'evaluated');
    expect(evaluation.images).toBe(500);
    expect(evaluation.accuracy).toBeGreaterThan(0.5);
  });

  it('pauses a diverging run and returns to the last good weights', async () => {
    const { client, events } = connect();
    await client.start('cpu');
    await client.loadWeights(DEFAULT_ARCHITECTURE, params);
    const data = smallData(640);
    await client.setDataset(data.train, data.test);
    client.train({ ...settings, learningRate: 10 }, 0, 5);
    const diverged = await until(events, (e) => e.type === 'trainingDiverged' || e.type === 'failed');
    expect(diverged.type).toBe('trainingDiverged');
    const saved = await client.request({ type: 'saveCheckpoint' }, 'checkpointSaved');
    expect(saved.params.every(Number.isFinite)).toBe(true);
  });

  it.each([
    { engines: 'with the WebAssembly engine', wasm: true, expected: 'wasm' },
    { engines: 'without it', wasm: false, expected: 'cpu' },
  ])(
    'continues a run on a CPU engine when the GPU context is lost ($engines: $expected)',
    async ({ wasm, expected }) => {
      let lose = () => {};
      class LosableBackend extends CpuBackend {
        override readonly kind = 'cpu' as const;
        lost = false;
        override isLost() {
          return this.lost;
        }
      }
      const factories: BackendFactories = {
        gpu: (onLost) => {
          const backend = new LosableBackend();
          Object.defineProperty(backend, 'kind', { value: 'webgl2' });
          lose = () => {
            backend.lost = true;
            onLost();
          };
          return backend;
        },
        ...(wasm ? { wasm: () => new WasmBackend(1) } : {}),
        cpu: () => new CpuBackend(),
      };
      const { client, events } = connect(factories);
      expect((await client.start('webgl2')).backend).toBe('webgl2');
      await client.loadWeights(DEFAULT_ARCHITECTURE, params);
      const data = smallData(640);
      await client.setDataset(data.train, data.test);
      client.train(settings, 0, 2);
      await until(events, (e) => e.type === 'checkpointSaved' && e.epoch >= 0.25);
      lose();
      const changed = await until(events, (e) => e.type === 'backendChanged');
      expect(changed.type === 'backendChanged' && changed.backend).toBe(expected);
      expect(changed.type === 'backendChanged' && changed.reason).toEqual({ code: 'contextLost' });
      const finished = await until(events, (e) => e.type === 'checkpointSaved' && e.epoch >= 2);
      expect(finished.type === 'checkpointSaved' && finished.params.every(Number.isFinite)).toBe(true);
    },
  );
});
