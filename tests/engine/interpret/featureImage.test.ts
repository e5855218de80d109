/**
 * Feature images (activation maximization): the backward pass seeded at one node's pre-activation
 * against central finite differences (float64 reference) and on the WebAssembly engine against the
 * reference; every layer's feature image within [0, 1] with its value recomputed by a plain forward pass; the
 * worker's version, which awaits a turn of the event loop every few steps, giving the same image bit for bit.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEATURE_SETTINGS,
  FEATURE_TURN_STEPS,
  synthesizeFeature,
  synthesizeFeatureYielding,
} from '../../../src/engine/interpret/featureImage';
import type { NodeEngine } from '../../../src/engine/interpret/attributionEngine';
import { nodeIndex, type NodeRef } from '../../../src/engine/model/nodeRef';
import { SeededRandom } from '../../../src/engine/model/random';
import { referenceEngine } from '../../../src/engine/reference/referenceAttribution';
import type { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { wasmEngine } from '../../../src/engine/wasm/wasmAttribution';
import { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { NODE_PER_LAYER, shippedCheckpoint, unevenDigit } from './shippedFixtures';

const runs = { modern: shippedCheckpoint('lenet5-default'), classic: shippedCheckpoint('lenet5-classic') };

/** One node of every layer but the input. */
const NODES = NODE_PER_LAYER.filter((node) => node.layer !== 'input');

/** The node's value (after the activation; the probability for the output) by a plain float64 forward pass. */
function plainValue(reference: ReferenceNetwork, image: ArrayLike<number>, node: NodeRef): number {
  const l = reference.layers.findIndex((s) => s.id === node.layer);
  return reference.forward(image, 1).layers[l].out[nodeIndex(reference.layers[l], node)];
}

describe.each(['modern', 'classic'] as const)('on the shipped %s run', (name) => {
  it('a backward pass seeded at one node is its finite-difference gradient (float64), and the same on WebAssembly', async () => {
    const { architecture, params, reference } = await runs[name];
    const input = Float64Array.from(Float32Array.from(unevenDigit(8))); // the same float32 input on both engines
    const exact = referenceEngine(reference);
    const network = new WasmNetwork();
    network.load(architecture, params, null);
    const fast = wasmEngine(network);
    const random = new SeededRandom(3);
    for (const node of NODES) {
      const l = reference.layers.findIndex((s) => s.id === node.layer);
      if (!reference.forward(input, 1).layers[l].pre) continue; // max pooling: seeded in the conv layer below
      const index = nodeIndex(reference.layers[l], node);
      const seed = new Float64Array(reference.layers[l].shape.reduce((a, b) => a * b, 1));
      seed[index] = 1;
      exact.forward(input, 1);
      exact.backwardFromPre(l, seed);
      const gradient = Float64Array.from(exact.gradient(0));
      fast.forward(Float32Array.from(input), 1);
      fast.backwardFromPre(l, Float32Array.from(seed));
      const onWasm = fast.gradient(0);
      const scale = gradient.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(scale, `${node.layer} gradient is not all zero`).toBeGreaterThan(0);
      gradient.forEach((v, i) =>
        expect(Math.abs(onWasm[i] - v), `${node.layer} pixel ${i}`).toBeLessThanOrEqual(1e-4 * scale),
      );
      const pre = (image: Float64Array) => reference.forward(image, 1).layers[l].pre![index];
      let checked = 0;
      for (let n = 0; n < 40 && checked < 12; n++) {
        const i = random.int(1024);
        const at = (delta: number) => {
          const moved = input.slice();
          moved[i] += delta;
          return pre(moved);
        };
        const right = (at(1e-6) - at(0)) / 1e-6,
          left = (at(0) - at(-1e-6)) / 1e-6;
        if (Math.abs(right - left) > 1e-4 * (1 + Math.abs(right))) continue; // a ReLU or max-pooling switch within ε
        expect(Math.abs(gradient[i] - (right + left) / 2), `${node.layer} pixel ${i}`).toBeLessThanOrEqual(
          1e-6 * (1 + scale),
        );
        checked++;
      }
      expect(checked, node.layer).toBe(12);
    }
  });

  it("every layer's feature image lies in [0, 1] and its value is the node's on it (float64 reference, 60 steps)", async () => {
    const { reference } = await runs[name];
    const engine = referenceEngine(reference);
    const settings = { ...DEFAULT_FEATURE_SETTINGS, steps: 60, polish: 15 };
    for (const node of NODES) {
      const feature = synthesizeFeature(engine, node, settings);
      expect(feature.steps).toBe(60);
      expect(feature.image).toHaveLength(1024);
      expect(
        feature.image.every((v) => v >= 0 && v <= 1),
        node.layer,
      ).toBe(true);
      expect(Math.max(...feature.image), `${node.layer} has ink`).toBeGreaterThan(0.2);
      expect(feature.value).toBeCloseTo(plainValue(reference, feature.image, node), 12);
      // The ascent raised the node above its value on the faint noise it starts from.
      expect(feature.value, node.layer).toBeGreaterThan(plainValue(reference, new Float64Array(1024), node));
    }
  });

  it('on the WebAssembly engine (200 steps): in [0, 1], the value within 1e-5 of float64, deterministic', async () => {
    const { architecture, params, reference } = await runs[name];
    const network = new WasmNetwork();
    network.load(architecture, params, null);
    const engine = wasmEngine(network);
    for (const node of NODES) {
      const feature = synthesizeFeature(engine, node);
      expect(feature.steps).toBe(200);
      expect(
        feature.image.every((v) => v >= 0 && v <= 1),
        node.layer,
      ).toBe(true);
      const exact = plainValue(reference, feature.image, node);
      expect(Math.abs(feature.value - exact), node.layer).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(exact)));
      expect(Array.from(synthesizeFeature(engine, node).image)).toEqual(Array.from(feature.image));
    }
    const pixel = synthesizeFeature(engine, { layer: 'input', c: 0, y: 3, x: 30 });
    expect(pixel).toMatchObject({ value: 1, steps: 0 });
    expect(pixel.image.reduce((a, b) => a + b, 0)).toBe(1);
    expect(pixel.image[3 * 32 + 30]).toBe(1);
  });

  it('awaits a turn every few steps, between steps, and gives the same image bit for bit', async () => {
    const { architecture, params, reference } = await runs[name];
    const network = new WasmNetwork();
    network.load(architecture, params, null);
    const settings = { ...DEFAULT_FEATURE_SETTINGS, steps: 60, polish: 15 };
    for (const [engine, every, options] of [
      [wasmEngine(network), FEATURE_TURN_STEPS, DEFAULT_FEATURE_SETTINGS],
      [referenceEngine(reference), 7, settings],
    ] as const) {
      // Forward passes counted when each turn is awaited: the steps done so far (one forward pass each).
      let forwards = 0;
      const counted: NodeEngine = Object.create(engine) as NodeEngine;
      counted.forward = (inputs, count) => {
        forwards++;
        engine.forward(inputs, count);
      };
      for (const node of [NODES[2], NODES[6]]) {
        const expected = synthesizeFeature(engine, node, options);
        forwards = 0;
        const turns: number[] = [];
        const feature = await synthesizeFeatureYielding(
          counted,
          node,
          async () => void turns.push(forwards),
          every,
          options,
        );
        const steps = options.steps;
        expect(turns, `${node.layer} every ${every}`).toEqual(
          Array.from({ length: Math.floor(steps / every) }, (_, i) => (i + 1) * every),
        );
        expect(forwards).toBe(steps + 1); // and the last one measures the value
        expect(Array.from(feature.image)).toEqual(Array.from(expected.image));
        expect(feature).toMatchObject({ value: expected.value, steps });
      }
    }
    let pixelTurns = 0;
    const pixel = await synthesizeFeatureYielding(
      wasmEngine(network),
      { layer: 'input', c: 0, y: 3, x: 30 },
      async () => void pixelTurns++,
    );
    expect([pixel.steps, pixelTurns]).toEqual([0, 0]);
    await expect(synthesizeFeatureYielding(wasmEngine(network), NODES[1], async () => {}, 0)).rejects.toThrow(
      /whole number of steps/,
    );
  });
});
