/**
 * The probe's invariance sweeps over a MessageChannel, against one forward pass per value on the reference
 * engine (the transform applied here, the order rebuilt from the reported values): exactly on the
 * reference scratch engine, within float32 rounding on the WebAssembly one; the view's weights stay.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { frameValues } from '../../src/engine/activationFrame';
import { transformInput } from '../../src/engine/data/inputTransform';
import type { ArchitectureOptions } from '../../src/engine/model/layerSpec';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import { sweepValues, type SweepKind } from '../../src/engine/probe/invarianceSweep';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import { DEFAULT_FACTORIES, type BackendFactories } from '../../src/worker/backendFactories';
import { CpuBackend } from '../../src/worker/cpuBackend';
import { shippedNetwork, testDigit } from '../../scripts/shippedNetworks';
import { inProcessEngine } from './inProcessEngine';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function connect(factories: BackendFactories) {
  const client = inProcessEngine(stops, factories);
  await client.start('cpu');
  return client;
}

/** The transform of value v, rebuilt from the values the API reports (shift: dy outer, dx inner). */
function transformAt(kind: SweepKind, v: number) {
  const values = sweepValues(kind);
  if (!Array.isArray(values))
    return {
      dx: values.dx[v % values.dx.length],
      dy: values.dy[Math.floor(v / values.dx.length)],
      rotate: 0,
      scale: 1,
    };
  return { dx: 0, dy: 0, rotate: kind === 'rotate' ? values[v] : 0, scale: kind === 'scale' ? values[v] : 1 };
}

/** Per value, the reference engine's probabilities of the transformed input. */
function referenceSweep(
  network: { architecture: ArchitectureOptions; params: Float32Array },
  input: Float32Array,
  kind: SweepKind,
) {
  const reference = new ReferenceNetwork(
    lenet5Layers(network.architecture),
    network.architecture.loss,
    Float32Array.from(network.params),
  );
  const values = sweepValues(kind);
  const count = Array.isArray(values) ? values.length : values.dx.length * values.dy.length;
  return Array.from({ length: count }, (_, v) =>
    Array.from(reference.forward(transformInput(input, transformAt(kind, v)), 1).layers[7].out),
  );
}

const rows = (flat: Float32Array) =>
  Array.from({ length: flat.length / 10 }, (_, v) => Array.from(flat.subarray(v * 10, v * 10 + 10)));

describe('invariance sweeps in the worker', () => {
  it("reports the contract's values: 17 x 17 shifts, 25 angles, 21 scales", () => {
    const shift = sweepValues('shift');
    expect(shift).toEqual({
      dx: [-8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8],
      dy: [-8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8],
    });
    const rotate = sweepValues('rotate') as number[];
    expect(rotate).toHaveLength(25);
    expect([rotate[0], rotate[1], rotate[12], rotate[24]]).toEqual([-60, -55, 0, 60]);
    const scale = sweepValues('scale') as number[];
    expect(scale).toHaveLength(21);
    expect([scale[0], scale[1], scale[10], scale[20]]).toEqual([0.5, 0.55, 1, 1.5]);
  });

  it.each(['shift', 'rotate', 'scale'] as const)(
    'equals per-value forward passes on the reference engine for both shipped runs (%s, reference scratch engine)',
    async (kind) => {
      const client = await connect({ gpu: DEFAULT_FACTORIES.gpu, cpu: () => new CpuBackend() });
      const networks = [await shippedNetwork('lenet5-default'), await shippedNetwork('lenet5-classic')];
      await client.loadWeights(networks[0].architecture, networks[0].params);
      const input = testDigit(0);
      const before = frameValues(await client.infer(input), 'output');
      const swept = await client.sweepInvariance(input, kind, networks);
      expect(swept).toHaveLength(2);
      networks.forEach((network, n) =>
        expect(rows(swept[n])).toEqual(
          referenceSweep(network, input, kind).map((r) => Array.from(Float32Array.from(r))),
        ),
      );
      // The untransformed value reads as the view does; the view's weights are still loaded.
      const centre = kind === 'shift' ? 8 * 17 + 8 : kind === 'rotate' ? 12 : 10;
      expect(rows(swept[0])[centre]).toEqual(Array.from(before));
      expect(frameValues(await client.infer(input), 'output')).toEqual(before);
    },
  );

  it('matches the reference engine within float32 rounding on the WebAssembly scratch engine (rotate, scale, shift)', async () => {
    // The scratch engine falls back to the reference engine when the WebAssembly one cannot start: count its starts.
    let wasmStarted = 0;
    const client = await connect({
      ...DEFAULT_FACTORIES,
      wasm: (threads) => {
        const backend = DEFAULT_FACTORIES.wasm!(threads);
        wasmStarted++;
        return backend;
      },
    });
    const networks = [await shippedNetwork('lenet5-classic'), await shippedNetwork('lenet5-default')];
    const input = testDigit(1);
    for (const kind of ['rotate', 'scale', 'shift'] as const) {
      const swept = await client.sweepInvariance(input, kind, networks);
      networks.forEach((network, n) => {
        const want = referenceSweep(network, input, kind);
        rows(swept[n]).forEach((row, v) =>
          row.forEach((p, k) => expect(Math.abs(p - want[v][k]), `${kind} ${v} ${k}`).toBeLessThan(2e-5)),
        );
      });
    }
    expect(wasmStarted, 'the sweeps ran on the WebAssembly engine').toBe(1);
  });

  it('refuses an unknown sweep, a malformed input and no networks', async () => {
    const client = await connect(DEFAULT_FACTORIES);
    const network = await shippedNetwork('lenet5-default');
    await expect(client.sweepInvariance(testDigit(0), 'skew' as never, [network])).rejects.toThrow(
      /a sweep is 'shift', 'rotate' or 'scale', got skew/,
    );
    await expect(client.sweepInvariance(new Float32Array(10), 'shift', [network])).rejects.toThrow(
      /an input must be 1024 values/,
    );
    await expect(client.sweepInvariance(testDigit(0), 'shift', [])).rejects.toThrow(/at least one network/);
  });
});
