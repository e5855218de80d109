/**
 * Translation equivariance on the shipped networks: c1's map of a shifted input equals the shifted map
 * exactly inside the borders (reference and WebAssembly engines); after pooling only shifts by whole
 * strides do, on both engines; the receptive fields and the inside-the-borders mask against hand values.
 */
import { describe, expect, it } from 'vitest';
import { frameValues, type ActivationFrame, frameFromPass } from '../../../src/engine/activationFrame';
import { transformInput } from '../../../src/engine/data/inputTransform';
import type { ArchitectureOptions } from '../../../src/engine/model/layerSpec';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { equivarianceMaps, insideBorders, mapGeometry } from '../../../src/engine/probe/equivariance';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { inferFrame } from '../../../src/engine/wasm/wasmReadout';
import { shippedNetwork, testDigit } from '../../../scripts/shippedNetworks';

type Engine = (input: Float32Array) => ActivationFrame;

function engines(network: { architecture: ArchitectureOptions; params: Float32Array }): [string, Engine][] {
  const layers = lenet5Layers(network.architecture);
  const reference = new ReferenceNetwork(layers, network.architecture.loss, Float32Array.from(network.params));
  const wasm = new WasmNetwork();
  wasm.load(network.architecture, network.params, null);
  return [
    ['reference', (input) => frameFromPass(layers, reference.forward(input, 1))],
    ['wasm', (input) => inferFrame(wasm, input)],
  ];
}

describe('equivariance geometry', () => {
  it('composes strides and receptive fields from the layer specs', () => {
    const layers = lenet5Layers();
    expect(['input', 'c1', 's2', 'c3', 's4'].map((id) => mapGeometry(layers, id))).toEqual([
      { stride: 1, receptiveField: 1, inputSize: 32 },
      { stride: 1, receptiveField: 5, inputSize: 32 },
      { stride: 2, receptiveField: 6, inputSize: 32 },
      { stride: 2, receptiveField: 14, inputSize: 32 },
      { stride: 4, receptiveField: 16, inputSize: 32 },
    ]);
    expect(() => mapGeometry(layers, 'c5')).toThrow(/not on c5/);
  });

  it('marks inside the borders the cells whose field stays in the image before and after the shift', () => {
    const layers = lenet5Layers();
    // c1, dx = 3, dy = −2: columns 3..27 (x − 3 ≥ 0, x + 4 − 3 ≤ 31), rows 0..25 (y + 2 ≥ 0, y + 4 + 2 ≤ 31).
    const c1 = insideBorders(mapGeometry(layers, 'c1'), 28, 28, 3, -2);
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++) expect(c1[y * 28 + x], `(${y}, ${x})`).toBe(x >= 3 && x <= 27 && y <= 25 ? 1 : 0);
    // s4, dx = 4: field [4x − 4, 4x + 11] inside for x = 1..4, the source cell x − 1 in the map for x = 1..4.
    const s4 = insideBorders(mapGeometry(layers, 's4'), 5, 5, 4, 0);
    expect(Array.from(s4.subarray(0, 5))).toEqual([0, 1, 1, 1, 1]);
    // s2, dx = −1: the map shift rounds half away from zero to −1 cell.
    expect(equivarianceMaps(layers, 's2', new Float32Array(1176), new Float32Array(1176), -1, 0).mapShift).toEqual({
      mx: -1,
      my: 0,
    });
  });
});

describe.each(['lenet5-default', 'lenet5-classic'])('equivariance of the shipped run %s', (name) => {
  const loaded = shippedNetwork(name);

  it('c1: the map of the shifted input is the shifted map exactly inside the borders', async () => {
    const network = await loaded;
    const layers = lenet5Layers(network.architecture);
    for (const [engine, infer] of engines(network)) {
      for (const index of [0, 4]) {
        const input = testDigit(index);
        const original = frameValues(infer(input), 'c1');
        for (const [dx, dy] of [
          [1, 0],
          [-3, 2],
          [5, -7],
          [0, 0],
        ]) {
          const shifted = frameValues(infer(transformInput(input, { dx, dy, rotate: 0, scale: 1 })), 'c1');
          const maps = equivarianceMaps(layers, 'c1', original, shifted, dx, dy);
          expect(maps.wholeCells).toBe(true);
          expect(maps.maxInside, `${engine} digit ${index} shift (${dx}, ${dy})`).toBe(0);
          // The comparison covers the ink: the inside cells hold strong activations.
          let strongest = 0;
          maps.ofShiftedInput.forEach((v, i) => {
            if (maps.inside[i % 784]) strongest = Math.max(strongest, Math.abs(v));
          });
          expect(strongest).toBeGreaterThan(0.5);
          expect(maps.maxEverywhere).toBeGreaterThanOrEqual(maps.maxInside);
        }
      }
    }
  });

  it('after pooling only shifts by whole strides are exact inside the borders (reference and WebAssembly)', async () => {
    const network = await loaded;
    const layers = lenet5Layers(network.architecture);
    for (const [engine, infer] of engines(network)) {
      const input = testDigit(2);
      const frame = infer(input);
      const measure = (layer: string, dx: number, dy: number) =>
        equivarianceMaps(
          layers,
          layer,
          frameValues(frame, layer),
          frameValues(infer(transformInput(input, { dx, dy, rotate: 0, scale: 1 })), layer),
          dx,
          dy,
        );
      expect(measure('s2', 2, -2).maxInside, `${engine} s2 (2, -2)`).toBe(0);
      expect(measure('c3', -2, 4).maxInside, `${engine} c3 (-2, 4)`).toBe(0);
      expect(measure('s4', 4, -4).maxInside, `${engine} s4 (4, -4)`).toBe(0);
      for (const [layer, dx, dy] of [
        ['s2', 1, 0],
        ['c3', 0, 1],
        ['s4', 2, 2],
      ] as const) {
        const maps = measure(layer, dx, dy);
        expect(maps.wholeCells).toBe(false);
        expect(maps.maxInside, `${engine} ${layer} (${dx}, ${dy})`).toBeGreaterThan(0.05);
      }
    }
  });
});
