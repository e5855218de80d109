/**
 * The close-up arithmetic against the engines' own activations: every conv node's windows, kernels,
 * products, sums, z and value (c1, and c3 with full connectivity, with LeCun's table and with learned combinations,
 * whose kernels are the effective α_ij k_ij), pooling cells
 * (max with its winner, LeCun's coefficient × sum + bias, mean) and dense units (largest w·x and the rest).
 * z and the value equal the engine's float32 pre-activation and activation within 2e-6 of their scale.
 */
import { describe, expect, it } from 'vitest';
import { frameFromPass, frameValues, type ActivationFrame } from '../../../src/engine/activationFrame';
import type { ArchitectureOptions, ConvLayerSpec } from '../../../src/engine/model/layerSpec';
import { initialParameters } from '../../../src/engine/model/initialize';
import { DEFAULT_ARCHITECTURE, LENET5_C3_TABLE, lenet5Layers } from '../../../src/engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../../../src/engine/model/parameters';
import { ReferenceNetwork } from '../../../src/engine/reference/referenceNetwork';
import { WasmNetwork } from '../../../src/engine/wasm/wasmNetwork';
import { inferFrame } from '../../../src/engine/wasm/wasmReadout';
import { convolutionDetail } from '../../../src/viz/closeup/convolutionDetail';
import { denseDetail } from '../../../src/viz/closeup/denseDetail';
import { poolingDetail } from '../../../src/viz/closeup/poolingDetail';
import { shippedNetwork, testDigit, type ShippedNetwork } from '../../../scripts/shippedNetworks';

/** The frames of one input on the reference engine (float32) and the WebAssembly engine. */
function frames(network: ShippedNetwork, input: Float32Array): [string, ActivationFrame][] {
  const layers = lenet5Layers(network.architecture);
  const reference = new ReferenceNetwork(layers, network.architecture.loss, Float32Array.from(network.params));
  const wasm = new WasmNetwork();
  wasm.load(network.architecture, network.params, null);
  return [
    ['reference', frameFromPass(layers, reference.forward(input, 1))],
    ['wasm', inferFrame(wasm, input)],
  ];
}

/** |got − want| within 2e-6 of the scale of the terms summed. */
const close = (got: number, want: number, scale: number, label: string) =>
  expect(Math.abs(got - want), `${label}: ${got} vs ${want}`).toBeLessThanOrEqual(2e-6 * Math.max(1, scale));

describe.each(['lenet5-default', 'lenet5-classic'])('close-ups on the shipped run %s', (name) => {
  const loaded = shippedNetwork(name);

  it('conv nodes: windows, kernels, products and sums add up to the engine z and value', async () => {
    const network = await loaded;
    const layers = lenet5Layers(network.architecture);
    const layout = parameterLayout(layers);
    for (const [engine, frame] of frames(network, testDigit(0))) {
      for (const id of ['c1', 'c3']) {
        const spec = layers.find((l) => l.id === id) as ConvLayerSpec;
        const [C, H, W] = spec.shape;
        const [, IH, IW] = spec.inShape;
        const below = frameValues(frame, id === 'c1' ? 'input' : 's2');
        const pre = frameValues(frame, id, 'pre');
        const out = frameValues(frame, id);
        const weights = tensorSpec(layout, `${id}.weight`);
        for (let c = 0; c < C; c++) {
          for (const [y, x] of [
            [0, 0],
            [Math.floor(H / 2), Math.floor(W / 2) - 1],
            [H - 1, W - 1],
            [3, W - 2],
          ]) {
            const node = { layer: id, c, y, x };
            const detail = convolutionDetail(layers, frame, network.params, node);
            const maps =
              id === 'c1'
                ? [0]
                : network.architecture.c3Connectivity === 'lenet5'
                  ? LENET5_C3_TABLE[c]
                  : [0, 1, 2, 3, 4, 5];
            expect(detail.maps).toEqual([...maps]);
            let scale = Math.abs(detail.bias);
            detail.maps.forEach((ic, j) => {
              // The window: rows y..y+4 of input map ic, columns x..x+4, as the view holds them.
              const window = [0, 1, 2, 3, 4].flatMap((ky) =>
                Array.from(below.subarray((ic * IH + y + ky) * IW + x, (ic * IH + y + ky) * IW + x + 5)),
              );
              expect(detail.windows[j]).toEqual(window);
              const kernelStart = weights.offset + (c * spec.inShape[0] + ic) * 25;
              expect(detail.kernels[j]).toEqual(Array.from(network.params.subarray(kernelStart, kernelStart + 25)));
              expect(detail.products[j]).toEqual(window.map((a, t) => a * detail.kernels[j][t]));
              close(
                detail.sums[j],
                detail.products[j].reduce((s, p) => s + p, 0),
                0,
                'sum',
              );
              scale += detail.products[j].reduce((s, p) => s + Math.abs(p), 0);
            });
            expect(detail.bias).toBe(network.params[tensorSpec(layout, `${id}.bias`).offset + c]);
            const i = (c * H + y) * W + x;
            close(detail.z, pre[i], scale, `${engine} ${id} ${c},${y},${x} z`);
            close(detail.value, out[i], scale, `${engine} ${id} ${c},${y},${x} value`);
          }
        }
      }
      expect(() => convolutionDetail(layers, frame, network.params, { layer: 's2', c: 0, y: 0, x: 0 })).toThrow(
        /s2 is not a convolution layer/,
      );
      expect(() => convolutionDetail(layers, frame, network.params, { layer: 'c1', c: 6, y: 0, x: 0 })).toThrow(
        /outside c1/,
      );
    }
  });

  it("pooling cells: the 2x2 window, the winner or LeCun's coefficient × sum + bias, equal to the engine", async () => {
    const network = await loaded;
    const layers = lenet5Layers(network.architecture);
    const layout = parameterLayout(layers);
    const [, frame] = frames(network, testDigit(1))[1];
    for (const [id, belowId] of [
      ['s2', 'c1'],
      ['s4', 'c3'],
    ]) {
      const [C, H, W] = layers.find((l) => l.id === id)!.shape;
      const below = frameValues(frame, belowId);
      const out = frameValues(frame, id);
      for (let i = 0; i < C * H * W; i += 7) {
        const node = { layer: id, c: Math.floor(i / (H * W)), y: Math.floor(i / W) % H, x: i % W };
        const detail = poolingDetail(layers, frame, network.params, node);
        const at = (dy: number, dx: number) => below[(node.c * 2 * H + 2 * node.y + dy) * 2 * W + 2 * node.x + dx];
        expect(detail.cells.map((cell) => cell.value)).toEqual([at(0, 0), at(0, 1), at(1, 0), at(1, 1)]);
        expect(detail.cells.map((cell) => [cell.y, cell.x])).toEqual([
          [2 * node.y, 2 * node.x],
          [2 * node.y, 2 * node.x + 1],
          [2 * node.y + 1, 2 * node.x],
          [2 * node.y + 1, 2 * node.x + 1],
        ]);
        if (network.architecture.pooling === 'max') {
          expect(detail.winner).toBe(frameValues(frame, id, 'argmax')[i]);
          expect(detail.value).toBe(out[i]);
        } else {
          expect(detail.coefficient).toBe(network.params[tensorSpec(layout, `${id}.coeff`).offset + node.c]);
          expect(detail.bias).toBe(network.params[tensorSpec(layout, `${id}.bias`).offset + node.c]);
          close(detail.z!, frameValues(frame, id, 'pre')[i], Math.abs(detail.coefficient! * detail.sum), 'z');
          close(detail.value, out[i], 1, 'value');
        }
      }
    }
  });

  it('dense units: the largest contributions w·x and the rest add up to the engine z and value', async () => {
    const network = await loaded;
    const layers = lenet5Layers(network.architecture);
    for (const [engine, frame] of frames(network, testDigit(2))) {
      for (const [id, units] of [
        ['c5', [0, 60, 119]],
        ['f6', [5, 83]],
        ['output', [0, 3, 9]],
      ] as const) {
        for (const c of units) {
          const detail = denseDetail(layers, frame, network.params, { layer: id, c, y: 0, x: 0 });
          const inputs = frame.layers[layers.findIndex((l) => l.id === id) - 1].out[1];
          expect(detail.top).toHaveLength(8);
          expect(detail.rest.count).toBe(inputs - 8);
          const sizes = detail.top.map((t) => Math.abs(t.product));
          expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
          const scale = Math.abs(detail.bias) + detail.top.reduce((s, t) => s + Math.abs(t.product), 0) * (inputs / 8);
          close(
            detail.top.reduce((s, t) => s + t.product, detail.bias + detail.rest.sum),
            detail.z,
            scale,
            'sum',
          );
          close(detail.z, frameValues(frame, id, 'pre')[c], scale, `${engine} ${id} ${c} z`);
          close(detail.value, frameValues(frame, id)[c], 1, `${engine} ${id} ${c} value`);
        }
      }
    }
  });
});

it('learned combinations (lenet5-learned): c3 kernels are the effective α_ij k_ij and add up to the engine z', async () => {
  const network = await shippedNetwork('lenet5-learned');
  expect(network.architecture.c3Connectivity).toBe('learned');
  const layers = lenet5Layers(network.architecture);
  const layout = parameterLayout(layers);
  const weights = tensorSpec(layout, 'c3.weight').offset;
  const logits = tensorSpec(layout, 'c3.alphaLogits').offset;
  // α_ij = exp(c_ij) / Σ_k exp(c_kj), written out here apart from the engine's combinationWeights.
  const alpha = (c: number, ic: number) => {
    const row = Array.from(network.params.subarray(logits + c * 6, logits + c * 6 + 6), Number);
    return Math.exp(row[ic]) / row.reduce((s, v) => s + Math.exp(v), 0);
  };
  for (const [engine, frame] of frames(network, testDigit(4))) {
    const below = frameValues(frame, 's2');
    const pre = frameValues(frame, 'c3', 'pre');
    const out = frameValues(frame, 'c3');
    let differs = 0;
    for (const [c, y, x] of [
      [0, 0, 0],
      [5, 4, 5],
      [9, 9, 9],
      [15, 2, 7],
    ]) {
      const detail = convolutionDetail(layers, frame, network.params, { layer: 'c3', c, y, x });
      expect(detail.maps).toEqual([0, 1, 2, 3, 4, 5]);
      let scale = Math.abs(detail.bias);
      for (const ic of detail.maps) {
        const window = [0, 1, 2, 3, 4].flatMap((ky) =>
          Array.from(below.subarray((ic * 14 + y + ky) * 14 + x, (ic * 14 + y + ky) * 14 + x + 5)),
        );
        expect(detail.windows[ic]).toEqual(window);
        const raw = network.params.subarray(weights + (c * 6 + ic) * 25, weights + (c * 6 + ic) * 25 + 25);
        detail.kernels[ic].forEach((k, t) => {
          const want = alpha(c, ic) * raw[t];
          expect(Math.abs(k - want), `α k ${c},${ic},${t}`).toBeLessThanOrEqual(1e-12 * Math.max(1e-3, Math.abs(want)));
          if (Math.abs(k - raw[t]) > 1e-6 * Math.abs(raw[t])) differs++;
        });
        expect(detail.products[ic]).toEqual(window.map((a, t) => a * detail.kernels[ic][t]));
        close(
          detail.sums[ic],
          detail.products[ic].reduce((s, p) => s + p, 0),
          0,
          'sum',
        );
        scale += detail.products[ic].reduce((s, p) => s + Math.abs(p), 0);
      }
      expect(detail.bias).toBe(network.params[tensorSpec(layout, 'c3.bias').offset + c]);
      const i = (c * 10 + y) * 10 + x;
      close(detail.z, pre[i], scale, `${engine} c3 ${c},${y},${x} z`);
      close(detail.value, out[i], scale, `${engine} c3 ${c},${y},${x} value`);
    }
    expect(differs, 'the effective kernels are not the raw c3.weight').toBeGreaterThan(0);
  }
});

it('mean pooling: the value is the mean of the window', () => {
  const options: ArchitectureOptions = { ...DEFAULT_ARCHITECTURE, pooling: 'mean' };
  const layers = lenet5Layers(options);
  const params = initialParameters(layers, 4) as Float32Array;
  const network = new ReferenceNetwork(layers, options.loss, Float32Array.from(params));
  const frame = frameFromPass(layers, network.forward(testDigit(3), 1));
  const out = frameValues(frame, 's2');
  for (const i of [0, 100, 500, 1175]) {
    const node = { layer: 's2', c: Math.floor(i / 196), y: Math.floor(i / 14) % 14, x: i % 14 };
    const detail = poolingDetail(layers, frame, params, node);
    expect(detail.mean).toBe(detail.sum / 4);
    expect(detail.winner).toBeNull();
    close(detail.value, out[i], 1, 'mean');
  }
});
