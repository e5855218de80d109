/**
 * The hover explanation of a node's δ against the reference engine's own backward pass (float64), for a
 * real test digit and seeded weights, over architectures covering every activation, pooling, C3 table and loss.
 * Every number is recomputed here independently and looked for in the English text and in the Chinese one
 * (the explanation is given each language's translate function, as the tooltip is).
 */
import { describe, expect, it } from 'vitest';
import { frameFromPass, frameValues, type ActivationFrame } from '../../src/engine/activationFrame';
import { buildBackwardFrame, deltaValues, referenceDeltas, type BackwardFrame } from '../../src/engine/backwardFrame';
import { mnistToInput } from '../../src/engine/data/mnistInput';
import { initialParameters } from '../../src/engine/model/initialize';
import type { ArchitectureOptions, LayerSpec } from '../../src/engine/model/layerSpec';
import { LENET5_C3_TABLE, lenet5Layers } from '../../src/engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../../src/engine/model/parameters';
import { ReferenceNetwork } from '../../src/engine/reference/referenceNetwork';
import { edgeDeltas, explainDelta, formatNumber } from '../../src/viz/deltaExplanation';
import { poolCellAbove, poolWindow, weightedDeltaSum } from '../../src/viz/deltaSources';
import { nodeIndex, nodeRef, type NodeRef } from '../../src/engine/model/nodeRef';
import { loadMnistSplit } from '../../scripts/mnistFiles';
import { i18n } from '../../src/i18n/i18n';

const en = i18n.getFixedT('en', 'delta');
const zh = i18n.getFixedT('zh', 'delta');

const digits = loadMnistSplit('test');

interface Drawing {
  readonly options: ArchitectureOptions;
  readonly layers: LayerSpec[];
  readonly params: Float64Array;
  readonly frame: ActivationFrame;
  readonly backward: BackwardFrame;
}

/** Test digit `image` through seeded weights in float64, backpropagated against its own label. */
function drawing(options: ArchitectureOptions, image = 0, seed = 7, blank = false): Drawing {
  const layers = lenet5Layers(options);
  const params = initialParameters(layers, seed, Float64Array) as Float64Array;
  const network = new ReferenceNetwork(layers, options.loss, params);
  const input = new Float64Array(1024);
  if (!blank) mnistToInput(digits.images, image, input);
  const pass = network.forward(input, 1);
  const label = digits.labels[image];
  const result = network.backward(pass, [label]);
  const output = pass.layers[layers.length - 1];
  const backward = buildBackwardFrame(
    layers,
    options.loss,
    referenceDeltas(result.deltas),
    result.gradients,
    output.out,
    output.pre!,
    label,
  );
  return { options, layers, params, frame: frameFromPass(layers, pass), backward };
}

const architectures: ArchitectureOptions[] = [
  { activation: 'relu', pooling: 'max', c3Connectivity: 'full', loss: 'softmax-cross-entropy' },
  { activation: 'tanh', pooling: 'subsample', c3Connectivity: 'lenet5', loss: 'mean-squared-error' },
  { activation: 'sigmoid', pooling: 'mean', c3Connectivity: 'full', loss: 'softmax-cross-entropy' },
  { activation: 'relu', pooling: 'subsample', c3Connectivity: 'full', loss: 'mean-squared-error' },
  { activation: 'tanh', pooling: 'max', c3Connectivity: 'lenet5', loss: 'softmax-cross-entropy' },
  { activation: 'sigmoid', pooling: 'max', c3Connectivity: 'lenet5', loss: 'mean-squared-error' },
  // Learned combinations: s2's δ sums W' δ over c3 with the effective kernels α k (src/viz/effectiveWeights.ts).
  { activation: 'relu', pooling: 'max', c3Connectivity: 'learned', loss: 'softmax-cross-entropy' },
  { activation: 'tanh', pooling: 'subsample', c3Connectivity: 'learned', loss: 'mean-squared-error' },
];
const named = architectures.map((o) => [Object.values(o).join(' / '), o] as const);

/** Every node of small layers, a spread of the large ones (about 150 each, through the digit's middle). */
function sampleNodes(spec: LayerSpec): NodeRef[] {
  const count = spec.shape[0] * spec.shape[1] * spec.shape[2];
  const step = Math.max(1, Math.floor(count / 150));
  return Array.from({ length: Math.ceil(count / step) }, (_, k) => nodeRef(spec, (k * step + (k % step)) % count));
}

/** f′(z) computed from z: relu step, LeCun tanh 1.7159 (2/3) sech²(2z/3), sigmoid σ(1 − σ). */
function derivative(activation: ArchitectureOptions['activation'], z: number): number {
  if (activation === 'relu') return z > 0 ? 1 : 0;
  if (activation === 'tanh') return 1.7159 * (2 / 3) * (1 - Math.tanh((2 * z) / 3) ** 2);
  const s = 1 / (1 + Math.exp(-z));
  return s * (1 - s);
}

function close(actual: number, expected: number, scale: number, tolerance = 1e-6): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * scale);
}

/** The numbers a line of text shows, in order ('δ = 0.5 × f′(-1.2e-3)' → ['0.5', '-1.2e-3']). */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((m) => m[0]);
}

/** Latin words left in a Chinese text, other than the formulas' names and the names of people and libraries. */
function untranslated(text: string): string[] {
  const allowed = /^(UpSample|SampleRate|conv|rot|full|valid|softmax|log|down|max|LeNet|LeCun|PyTorch)$/;
  return [...text.matchAll(/[A-Za-z]{3,}/g)].map((m) => m[0]).filter((word) => !allowed.test(word));
}

function sumAbs(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + Math.abs(v), 0);
}

function gradientOf(d: Drawing, name: string, index: number): number {
  return d.backward.gradients[tensorSpec(parameterLayout(d.layers), name).offset + index];
}

/** The flat indices of `node`'s sources in `below`, in directSources' order, from the layer's geometry alone. */
function sourceIndices(spec: LayerSpec, below: LayerSpec, node: NodeRef): number[] {
  const at = (c: number, y: number, x: number) => nodeIndex(below, { layer: below.id, c, y, x });
  switch (spec.kind) {
    case 'pool':
      return [0, 1, 2, 3].map((s) => at(node.c, 2 * node.y + (s >> 1), 2 * node.x + (s & 1)));
    case 'dense':
      return Array.from({ length: spec.inFeatures }, (_, i) => i);
    case 'conv': {
      const K = spec.kernelSize;
      return spec.connections[node.c].flatMap((ic) =>
        Array.from({ length: K * K }, (_, k) => at(ic, node.y + Math.floor(k / K), node.x + (k % K))),
      );
    }
    default:
      return [];
  }
}

describe('explainDelta against the reference engine', () => {
  it.each(named)("%s: every layer's δ, its recomputed sum and the worked numbers", (_, options) => {
    const d = drawing(options);
    const { layers, params, frame, backward } = d;
    layers.forEach((spec, l) => {
      const dOut = deltaValues(backward, spec.id, 'out')!;
      const dPre = deltaValues(backward, spec.id, 'pre');
      const out = frameValues(frame, spec.id, 'out');
      for (const node of sampleNodes(spec)) {
        const i = nodeIndex(spec, node);
        const e = explainDelta(en, layers, options.loss, params, frame, backward, node);
        const chinese = explainDelta(zh, layers, options.loss, params, frame, backward, node);
        const where = `${spec.id} ${i}`;
        // The same numbers in both languages: the worked line is notation, the notes carry the same figures.
        expect(numbersIn(chinese.worked), where).toEqual(numbersIn(e.worked));
        expect(chinese.formula.includes(' of '), where).toBe(false);
        expect(chinese.notes, where).toHaveLength(e.notes.length);
        expect(chinese.tutorial, where).toHaveLength(e.tutorial.length);
        expect(e.delta, where).toBe(dPre ? dPre[i] : dOut[i]);
        expect(e.dOut, where).toBe(dOut[i]);
        expect(e.dPre, where).toBe(dPre ? dPre[i] : null);
        expect(e.worked, where).toContain(formatNumber(e.delta));
        expect(e.window === null, where).toBe(spec.kind !== 'pool');
        if (dPre && l < layers.length - 1) {
          const z = frameValues(frame, spec.id, 'pre')[i];
          expect(e.worked, where).toContain(`f′(${formatNumber(z)})`);
          expect(e.worked, where).toContain(formatNumber(e.dOut));
          // f′(z) from z alone, against the slope the worked line shows.
          const shown = Number(/× ([-\d.e]+) = [^=]*$/.exec(e.worked)![1]);
          const slope = derivative(options.activation, z);
          expect(Math.abs(shown - slope), `${where}: ${e.worked}`).toBeLessThanOrEqual(6e-4 * Math.abs(slope));
          close(e.delta, e.dOut * slope, Math.abs(e.delta) + 1e-30, 1e-5);
        }
        const weighted = weightedDeltaSum(layers, params, backward, node);
        const above = layers[l + 1];
        if (above && above.kind !== 'pool') {
          // The full convolution with rot180 kernels, or Wᵀδ, gives the engine's dL/d(output).
          expect(weighted, where).not.toBeNull();
          close(weighted!.sum, dOut[i], sumAbs(weighted!.terms.map((t) => t.weight * t.delta)) + Math.abs(dOut[i]));
          expect(e.notes.join('\n'), where).toContain(formatNumber(weighted!.sum));
          expect(chinese.notes.join('\n'), where).toContain(`= ${formatNumber(weighted!.sum)}`);
          expect(
            e.notes.some((line) => line.startsWith('largest W × δ')),
            where,
          ).toBe(true);
        } else {
          expect(weighted, where).toBeNull();
        }
        if (above?.kind === 'pool') {
          const { cell, slot } = poolCellAbove(layers, node)!;
          const routed = poolWindow(layers, params, frame, backward, cell).cells[slot].routed;
          close(routed, dOut[i], Math.abs(dOut[i]));
        }
        if (spec.kind === 'conv') {
          const plane = spec.shape[1] * spec.shape[2];
          const sum = dPre!.subarray(node.c * plane, (node.c + 1) * plane).reduce((s, v) => s + v, 0);
          const bias = gradientOf(d, `${spec.id}.bias`, node.c);
          close(sum, bias, sumAbs(Array.from(dPre!.subarray(node.c * plane, (node.c + 1) * plane))) + 1e-30);
          expect(e.notes.join('\n'), where).toContain(`Σ δ over map ${node.c} = ${formatNumber(bias)}`);
          expect(chinese.notes.join('\n'), where).toContain(`敏感度图 ${node.c} 中所有 δ 之和 = ${formatNumber(bias)}`);
        }
        if (spec.kind === 'pool') {
          const below = layers[l - 1];
          const belowOut = deltaValues(backward, below.id, 'out')!;
          const belowValues = frameValues(frame, below.id, 'out');
          const cells = e.window!;
          expect(cells).toHaveLength(4);
          cells.forEach((cell, s) => {
            const source = { layer: below.id, c: node.c, y: 2 * node.y + (s >> 1), x: 2 * node.x + (s & 1) };
            const j = nodeIndex(below, source);
            expect(cell.value).toBe(belowValues[j]);
            close(cell.routed, belowOut[j], Math.abs(belowOut[j]) + 1e-30);
          });
          const edges = edgeDeltas(layers, params, frame, backward, node);
          close(sumAbs(edges), sumAbs(cells.map((c) => c.routed)), 1e-30, 0);
          close(
            edges.reduce((s, v) => s + v, 0),
            cells.reduce((s, c) => s + c.routed, 0),
            1e-30,
            0,
          );
          if (options.pooling === 'max') {
            const winners = cells.filter((c) => c.winner);
            expect(winners).toHaveLength(1);
            expect(winners[0].value).toBe(Math.max(...cells.map((c) => c.value)));
            expect(winners[0].routed).toBe(e.dOut);
            expect(cells.filter((c) => !c.winner).every((c) => c.routed === 0)).toBe(true);
            expect(e.tie).toBe(cells.filter((c) => c.value === winners[0].value).length > 1);
          } else {
            expect(e.tie).toBe(false);
            const share =
              options.pooling === 'mean'
                ? e.dOut / 4
                : params[tensorSpec(parameterLayout(layers), `${spec.id}.coeff`).offset + node.c] * e.delta;
            cells.forEach((c) => expect(c.routed).toBe(share));
          }
        }
        if (spec.kind === 'dense' && spec.activation === 'softmax') {
          const p = out[i];
          const t = i === backward.label ? 1 : 0;
          expect(e.worked).toContain(formatNumber(p));
          expect(e.notes[0]).toBe(`label ${backward.label}: t_${backward.label} = 1, every other t_k = 0`);
          if (options.loss === 'softmax-cross-entropy') {
            expect(e.formula).toBe('δ_k = p_k − t_k');
            close(e.delta, p - t, 1);
          } else {
            const dot = out.reduce((s, pj, j) => s + ((2 * (pj - (j === backward.label ? 1 : 0))) / 10) * pj, 0);
            close(e.dOut, (2 * (p - t)) / 10, 1);
            close(e.delta, p * ((2 * (p - t)) / 10 - dot), 1);
            expect(e.worked).toContain(` − ${dot < 0 ? `(${formatNumber(dot)})` : formatNumber(dot)}) = `);
            expect(e.formula).toContain('∂E/∂p_k = 2 (p_k − t_k) / K');
          }
        }
      }
    });
  });

  it.each(named)(
    '%s: edge deltas summed over every node of a layer give the layer below its dL/d(output)',
    (_, options) => {
      const { layers, params, frame, backward } = drawing(options, 1);
      for (let l = layers.length - 1; l >= 1; l--) {
        const spec = layers[l],
          below = layers[l - 1];
        const totals = new Float64Array(below.shape[0] * below.shape[1] * below.shape[2]);
        const magnitude = new Float64Array(totals.length);
        const count = spec.shape[0] * spec.shape[1] * spec.shape[2];
        for (let o = 0; o < count; o++) {
          const node = nodeRef(spec, o);
          const edges = edgeDeltas(layers, params, frame, backward, node);
          const sources = sourceIndices(spec, below, node);
          expect(edges).toHaveLength(sources.length);
          edges.forEach((v, n) => {
            totals[sources[n]] += v;
            magnitude[sources[n]] += Math.abs(v);
          });
        }
        const expected = deltaValues(backward, below.id, 'out')!;
        totals.forEach((v, i) => close(v, expected[i], magnitude[i] + Math.abs(expected[i]) + 1e-30));
      }
    },
  );
});

describe('explainDelta wording', () => {
  const d = drawing(architectures[0]);
  const table = drawing(architectures[1]);
  const explain = (x: Drawing, node: NodeRef, t = en) =>
    explainDelta(t, x.layers, x.options.loss, x.params, x.frame, x.backward, node);

  it("names the rule of each layer in the tutorial's symbols", () => {
    expect(explain(d, { layer: 'f6', c: 3, y: 0, x: 0 }).formula).toBe('δ = (Wᵀ δ of output) ∘ f′(z)');
    expect(explain(d, { layer: 'c5', c: 3, y: 0, x: 0 }).formula).toBe('δ = (Wᵀ δ of f6) ∘ f′(z)');
    expect(explain(d, { layer: 's4', c: 3, y: 2, x: 2 }).formula).toBe('δ = Wᵀ δ of c5');
    expect(explain(d, { layer: 's2', c: 1, y: 7, x: 7 }).formula).toBe("δ = Σ_j conv2(δ_j of c3, rot180(k_j), 'full')");
    expect(explain(d, { layer: 'input', c: 0, y: 14, x: 14 }).formula).toBe(
      "∂E/∂x = Σ_j conv2(δ_j of c1, rot180(k_j), 'full')",
    );
    expect(explain(d, { layer: 'c3', c: 1, y: 4, x: 4 }).formula).toBe('δ = UpSample_max(δ of s4) ∘ f′(z)');
    expect(explain(table, { layer: 's2', c: 1, y: 7, x: 7 }).formula).toBe(
      "δ = (Σ_j conv2(δ_j of c3, rot180(k_j), 'full')) ∘ f′(z)",
    );
    expect(explain(table, { layer: 'c1', c: 1, y: 7, x: 7 }).formula).toBe('δ = UpSample(β δ of s2) ∘ f′(z)');
    expect(explain(drawing(architectures[2]), { layer: 'c1', c: 1, y: 7, x: 7 }).formula).toBe(
      'δ = (UpSample(δ of s2) / 4) ∘ f′(z)',
    );
  });

  it('follows the LeNet-5 C3 table up from s2 and down from c3', () => {
    const s2 = explain(table, { layer: 's2', c: 1, y: 7, x: 7 }).notes.join('\n');
    const readers = LENET5_C3_TABLE.flatMap((maps, oc) => (maps.includes(1) ? [oc] : []));
    expect(s2).toContain(`over the ${readers.length} c3 maps connected to this map {${readers.join(', ')}} (C3 table)`);
    expect(explain(table, { layer: 'c3', c: 0, y: 4, x: 4 }).notes.join('\n')).toContain(
      'pass δ down to s2 (over maps {0, 1, 2} of the C3 table)',
    );
    expect(explain(d, { layer: 's2', c: 1, y: 7, x: 7 }).notes.join('\n')).toContain(
      'over the 16 c3 maps connected to this map:',
    );
  });

  it('gives a c1 node that lost its max-pooling window 0 and says so', () => {
    const argmax = frameValues(d.frame, 's2', 'argmax');
    const cell = argmax.findIndex((slot, o) => slot !== 0 && o > 0);
    const { c, y, x } = nodeRef(d.layers[2], cell);
    const loser = { layer: 'c1', c, y: 2 * y, x: 2 * x };
    const e = explain(d, loser);
    expect(e.dOut).toBe(0);
    expect(e.delta).toBe(0);
    expect(e.notes.join('\n')).toContain(`not the winner of s2 (${c}, ${y}, ${x}) (window slot ${argmax[cell]} wins)`);
    const winner = { layer: 'c1', c, y: 2 * y + (argmax[cell] >> 1), x: 2 * x + (argmax[cell] & 1) };
    expect(explain(d, winner).dOut).toBe(deltaValues(d.backward, 's2', 'out')![cell]);
  });

  it('flags a max-pooling tie: an all-zero ReLU window of a blank pad, and a hand-made one', () => {
    const blank = drawing(architectures[0], 0, 7, true);
    const corner = explain(blank, { layer: 's2', c: 0, y: 0, x: 0 });
    expect(corner.window!.map((cell) => cell.value)).toEqual([0, 0, 0, 0]);
    expect(corner.window!.map((cell) => cell.winner)).toEqual([true, false, false, false]);
    expect(corner.tie).toBe(true);
    expect(corner.notes.join('\n')).toContain('tie');

    const values = Float32Array.from(d.frame.values);
    const frame = { ...d.frame, values };
    const s2 = d.layers[2],
      c1 = d.layers[1];
    const set = (cellValues: number[], winner: number) => {
      cellValues.forEach((v, s) => {
        values[d.frame.layers[1].out[0] + nodeIndex(c1, { layer: 'c1', c: 2, y: 10 + (s >> 1), x: 12 + (s & 1) })] = v;
      });
      values[d.frame.layers[2].argmax![0] + nodeIndex(s2, { layer: 's2', c: 2, y: 5, x: 6 })] = winner;
      return explainDelta(en, d.layers, 'softmax-cross-entropy', d.params, frame, d.backward, {
        layer: 's2',
        c: 2,
        y: 5,
        x: 6,
      });
    };
    const tied = set([0.5, 0.9, 0.2, 0.9], 1);
    expect(tied.tie).toBe(true);
    expect(tied.window!.map((cell) => cell.winner)).toEqual([false, true, false, false]);
    expect(tied.window!.map((cell) => cell.routed)).toEqual([0, tied.dOut, 0, 0]);
    expect(set([0.5, 0.9, 0.2, 0.8], 1).tie).toBe(false);
  });

  it('shows the loss rule with the label and the numbers', () => {
    const label = d.backward.label;
    const p = frameValues(d.frame, 'output', 'out');
    const e = explain(d, { layer: 'output', c: label, y: 0, x: 0 });
    expect(e.worked).toBe(`δ_${label} = ${formatNumber(p[label])} − 1 = ${formatNumber(e.delta)}`);
    expect(e.notes[1]).toBe(
      `∂E/∂p_${label} = −t_${label} / p_${label} = −1 / ${formatNumber(p[label])} = ${formatNumber(e.dOut)}`,
    );
    const mse = explain(table, { layer: 'output', c: (label + 1) % 10, y: 0, x: 0 });
    expect(mse.notes[1]).toMatch(/^∂E\/∂p_\d = 2 × \(.+ − 0\) \/ 10 = /);
  });

  it("cites the tutorial's section for each rule and says where the tutorial differs", () => {
    const lines = (x: Drawing, node: NodeRef, t = en) => explain(x, node, t).tutorial.join('\n');
    const output = lines(d, { layer: 'output', c: 0, y: 0, x: 0 });
    expect(output).toContain('全连接网络反向传播');
    expect(output).toContain('E = ½Σ(t − y)²');
    expect(output).toContain('δ = p − t');
    const mse = lines(table, { layer: 'output', c: 0, y: 0, x: 0 });
    expect(mse).toContain('E = (1/10)Σ(p − t)²');
    expect(mse).toContain('∂E/∂p = (2/10)(p − t)');
    expect(lines(table, { layer: 'output', c: 0, y: 0, x: 0 }, zh)).toContain('∂E/∂p = (2/10)(p − t)');
    expect(lines(d, { layer: 'f6', c: 0, y: 0, x: 0 })).toContain('全连接网络反向传播: the same rule (5)');
    expect(lines(d, { layer: 's4', c: 0, y: 0, x: 0 })).toContain('下层为全连接层的反向传播');
    expect(lines(table, { layer: 's4', c: 0, y: 0, x: 0 })).toContain(
      "LeNet-5's has one (LeCun 1998), hence the ∘ f′(z) here",
    );
    expect(lines(d, { layer: 's2', c: 0, y: 3, x: 3 })).toContain('下层为卷积层的反向传播');
    expect(lines(table, { layer: 's2', c: 0, y: 3, x: 3 }, zh)).toContain('LeNet-5 的降采样层有激活函数');
    expect(lines(d, { layer: 'input', c: 0, y: 9, x: 9 })).toContain('skips the input layer');
    const c3 = lines(d, { layer: 'c3', c: 0, y: 4, x: 4 }, zh);
    expect(c3).toContain('下层为降采样层的反向传播');
    expect(c3).toContain('应为“当下一层为降采样层时”');
    expect(c3).toContain('卷积层梯度计算');
    expect(lines(table, { layer: 'c1', c: 0, y: 4, x: 4 })).toContain('Here without the 1/SampleRate²');
    expect(lines(table, { layer: 's2', c: 0, y: 3, x: 3 })).toContain('降采样层梯度计算');
    expect(lines(drawing(architectures[2]), { layer: 'c1', c: 0, y: 4, x: 4 })).toContain('each cell gets δ/4');
  });

  it('explains a c3 node in Chinese with its numbers, recomputed here', () => {
    for (const x of [d, table]) {
      const node = { layer: 'c3', c: 0, y: 4, x: 6 };
      const c3 = x.layers[3];
      const i = nodeIndex(c3, node);
      const dPre = deltaValues(x.backward, 'c3', 'pre')!;
      const dOut = deltaValues(x.backward, 'c3', 'out')![i];
      const z = frameValues(x.frame, 'c3', 'pre')[i];
      const slope = derivative(x.options.activation, z);
      const e = explain(x, node, zh);
      expect(e.formula).toBe(
        x.options.pooling === 'max' ? 'δ = UpSample_max(s4 的 δ) ∘ f′(z)' : 'δ = UpSample(s4 的 β δ) ∘ f′(z)',
      );
      // δ = dL/d(output) × f′(z), every factor as the worked line shows it; f′(z) from z alone.
      const worked = /^δ = (\S+) × f′\((\S+)\) = (\S+) × (\S+) = (\S+)$/.exec(e.worked)!;
      expect(worked.slice(1, 4)).toEqual([formatNumber(dOut), formatNumber(z), formatNumber(dOut)]);
      expect(worked[5]).toBe(formatNumber(dPre[i]));
      close(Number(worked[4]), slope, Math.abs(slope) + 1e-12, 6e-4);
      close(dPre[i], dOut * slope, Math.abs(dPre[i]) + 1e-30, 1e-5);
      const text = e.notes.join('\n');
      const biasSum = dPre.subarray(0, 100).reduce((sum, v) => sum + v, 0);
      expect(text).toContain(`∂E/∂b_0 = 敏感度图 0 中所有 δ 之和 = ${formatNumber(gradientOf(x, 'c3.bias', 0))}`);
      close(gradientOf(x, 'c3.bias', 0), biasSum, sumAbs(Array.from(dPre.subarray(0, 100))) + 1e-30);
      expect(text).toContain('（x_i：s2 输出的第 i 个特征图）');
      if (x === table) {
        const coeff = x.params[tensorSpec(parameterLayout(x.layers), 's4.coeff').offset];
        const cellDelta = deltaValues(x.backward, 's4', 'pre')![
          nodeIndex(x.layers[4], { layer: 's4', c: 0, y: 2, x: 3 })
        ];
        const operand = cellDelta < 0 ? `(${formatNumber(cellDelta)})` : formatNumber(cellDelta);
        expect(text).toContain(
          `降采样层：s4 (0, 2, 3) 给窗口中 4 个单元各 β × δ = ${formatNumber(coeff)} × ${operand} = ${formatNumber(coeff * cellDelta)}`,
        );
        expect(text).toContain('（只传给 C3 连接表中的特征图 {0, 1, 2}）');
      } else {
        const cell = { layer: 's4', c: 0, y: 2, x: 3 };
        const slot = frameValues(x.frame, 's4', 'argmax')[nodeIndex(x.layers[4], cell)];
        const cellDOut = deltaValues(x.backward, 's4', 'out')![nodeIndex(x.layers[4], cell)];
        const window = [0, 1, 2, 3].map(
          (s) => frameValues(x.frame, 'c3', 'out')[nodeIndex(c3, { ...node, y: 4 + (s >> 1), x: 6 + (s & 1) })],
        );
        const tie =
          window.filter((v) => v === Math.max(...window)).length > 1 ? '；最大值并列，按行优先顺序取第一个' : '';
        expect(window[slot]).toBe(Math.max(...window));
        expect(text).toContain(
          slot === 0
            ? `最大池化：本单元在 s4 (0, 2, 3) 的窗口中胜出（位置 0${tie}），得到它的 ∂E/∂a = ${formatNumber(cellDOut)}`
            : `最大池化：本单元在 s4 (0, 2, 3) 的窗口中未胜出（位置 ${slot} 胜出${tie}），得到 0`,
        );
      }
      expect(untranslated([e.formula, e.worked, ...e.notes, ...e.tutorial].join('\n'))).toEqual([]);
    }
  });

  it('explains a pooling cell in Chinese with its numbers and its window, recomputed here', () => {
    const node = { layer: 's2', c: 1, y: 7, x: 5 };
    const [c1, s2, c3] = d.layers.slice(1, 4);
    const o = nodeIndex(s2, node);
    const dOut = deltaValues(d.backward, 's2', 'out')![o];
    // Σ over the c3 maps and kernel taps reading this cell: W[oc][1][ky][kx] δ_c3[oc][7 − ky][5 − kx].
    const weights = tensorSpec(parameterLayout(d.layers), 'c3.weight').offset;
    const c3Delta = deltaValues(d.backward, 'c3', 'pre')!;
    let sum = 0,
      terms = 0;
    for (let oc = 0; oc < 16; oc++)
      for (let ky = 0; ky < 5; ky++)
        for (let kx = 0; kx < 5; kx++) {
          const y = 7 - ky,
            x = 5 - kx;
          if (y < 0 || y >= 10 || x < 0 || x >= 10) continue;
          sum += d.params[weights + ((oc * 6 + 1) * 5 + ky) * 5 + kx] * c3Delta[(oc * 10 + y) * 10 + x];
          terms++;
        }
    close(sum, dOut, Math.abs(dOut) + 1e-12, 1e-5);
    const e = explain(d, node, zh);
    expect(e.formula).toBe("δ = Σ_j conv2(c3 的 δ_j, rot180(k_j), 'full')");
    expect(e.worked).toBe(`δ = ${terms} 项 W × δ 之和 = ${formatNumber(dOut)}`);
    const text = e.notes.join('\n');
    expect(text).toContain(`遍及与本图相连的 16 个 c3 特征图：${terms} 项 W × δ 之和 = ${formatNumber(sum)}`);
    const slot = frameValues(d.frame, 's2', 'argmax')[o];
    expect(text).toContain(`最大池化把 ∂E/∂a = ${formatNumber(dOut)} 只传给胜出的单元（位置 ${slot}），其余三个得到 0`);
    const below = frameValues(d.frame, 'c1', 'out');
    const cells = [0, 1, 2, 3].map((s) => {
      const value = formatNumber(below[nodeIndex(c1, { layer: 'c1', c: 1, y: 14 + (s >> 1), x: 10 + (s & 1) })]);
      return s === slot ? `${value} → ${formatNumber(dOut)}（胜出）` : `${value} → 0`;
    });
    expect(text).toContain(`c1 中的窗口（值 → 分到的 ∂E/∂a）：${cells.join(', ')}`);
    expect(e.tutorial.join('\n')).toContain('下层为卷积层的反向传播');
    expect(c3.id).toBe('c3');
    expect(untranslated([e.formula, e.worked, ...e.notes, ...e.tutorial].join('\n'))).toEqual([]);
  });

  it('formats numbers compactly', () => {
    expect(formatNumber(0.0123)).toBe('0.0123');
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(-2.345678)).toBe('-2.346');
    expect(formatNumber(1.5e-5)).toBe('1.5e-5');
    expect(formatNumber(-0.000123456)).toBe('-1.235e-4');
    expect(formatNumber(123456)).toBe('1.235e5');
    expect(formatNumber(9999.94)).toBe('1e4');
    expect(formatNumber(0.00099996)).toBe('0.001');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });
});
