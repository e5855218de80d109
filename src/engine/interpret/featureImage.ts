/**
 * Activation maximization: the 32x32 input in [0, 1] that excites one node, by projected gradient
 * ascent. Each step jitters the image by up to `jitter` pixels (zero fill), follows the gradient of
 * the node's objective (normalised to a largest step of `rate`, which decays linearly to a tenth),
 * then pulls every pixel towards paper (x ← (1 − decay) x), blurs with a 3x3 binomial kernel every
 * `blurEvery` steps, and clips to [0, 1]. The last `polish` steps (largest step `polishRate`) go
 * without jitter, blur or decay, so the image ends near a local maximum of the value itself. It
 * starts from faint seeded noise (uniform in [0, start)). The objective is the node's
 * pre-activation (its activation is increasing, so maximizing one maximizes the other, and the
 * gradient does not vanish where a ReLU is off): for max pooling the best cell of its window, for
 * mean pooling their mean; for an output unit log p_c (dz = e_c − p). An input pixel's image is
 * that pixel alone. The ascent is a generator of steps, drained at once (`synthesizeFeature`) or with a
 * turn of the worker's event loop every few steps (`synthesizeFeatureYielding`), to the same image.
 */
import type { FloatArray } from '../model/initialize';
import { nodeIndex, type NodeRef } from '../model/nodeRef';
import { SeededRandom } from '../model/random';
import { hasPreActivation, layerIndexOf, type NodeEngine } from './attributionEngine';
import { PLANE } from './logitTarget';

/** A synthesized input, the node's value on it (as the portraits measure it) and the steps taken. */
export interface FeatureImage {
  readonly image: Float32Array;
  readonly value: number;
  readonly steps: number;
}

/** The knobs of the ascent (defaults in DEFAULT_FEATURE_SETTINGS). */
export interface FeatureSettings {
  readonly steps: number;
  readonly polish: number;
  readonly rate: number;
  /** The largest step of the polishing steps. */
  readonly polishRate: number;
  readonly jitter: number;
  readonly decay: number;
  readonly blurEvery: number;
  readonly start: number;
  readonly seed: number;
}

/** The settings the app uses. */
export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = {
  steps: 200,
  polish: 40,
  rate: 0.1,
  polishRate: 0.1,
  jitter: 1,
  decay: 0.01,
  blurEvery: 4,
  start: 0.1,
  seed: 1,
};

const SIDE = 32;

/** Where the objective is seeded: a layer with a pre-activation, and dObjective/dz there for the last forward pass. */
function objectiveSeed(engine: NodeEngine, layer: number, index: number): { layer: number; seed: Float64Array } {
  const layers = engine.layers;
  const spec = layers[layer];
  if (hasPreActivation(spec)) {
    const seed = new Float64Array(shapeCount(engine, layer));
    if (layer === layers.length - 1) {
      const p = engine.values(layer, 'out');
      for (let k = 0; k < seed.length; k++) seed[k] = (k === index ? 1 : 0) - p[k];
    } else seed[index] = 1;
    return { layer, seed };
  }
  if (spec.kind !== 'pool') throw new Error(`layer ${spec.id} has no objective`);
  // Max or mean pooling: the conv cells of the node's 2x2 window, a layer below.
  const [, height, width] = spec.shape;
  const c = Math.floor(index / (height * width)),
    y = Math.floor(index / width) % height,
    x = index % width;
  const below = layers[layer - 1];
  const [, belowHeight, belowWidth] = below.shape;
  const z = engine.values(layer - 1, 'pre');
  const seed = new Float64Array(shapeCount(engine, layer - 1));
  const cells = [0, 1, 2, 3].map((k) => (c * belowHeight + 2 * y + (k >> 1)) * belowWidth + 2 * x + (k & 1));
  if (spec.pooling === 'max') seed[cells.reduce((best, cell) => (z[cell] > z[best] ? cell : best))] = 1;
  else for (const cell of cells) seed[cell] = 0.25;
  return { layer: layer - 1, seed };
}

function shapeCount(engine: NodeEngine, layer: number): number {
  const [c, h, w] = engine.layers[layer].shape;
  return c * h * w;
}

/** Copies `source` shifted by (dx, dy) into `target`, zero fill. */
function shift(source: FloatArray, target: FloatArray, dx: number, dy: number): void {
  target.fill(0);
  for (let y = Math.max(0, dy); y < Math.min(SIDE, SIDE + dy); y++)
    for (let x = Math.max(0, dx); x < Math.min(SIDE, SIDE + dx); x++)
      target[y * SIDE + x] = source[(y - dy) * SIDE + x - dx];
}

/** A 3x3 binomial blur ([1 2 1]/4 each way), the border treated as paper. */
function blur(image: Float64Array): void {
  const copy = image.slice();
  for (let pass = 0; pass < 2; pass++) {
    const source = pass === 0 ? copy : image.slice();
    for (let y = 0; y < SIDE; y++)
      for (let x = 0; x < SIDE; x++) {
        const at = (d: number) => {
          const xx = pass === 0 ? x + d : x,
            yy = pass === 0 ? y : y + d;
          return xx < 0 || yy < 0 || xx >= SIDE || yy >= SIDE ? 0 : source[yy * SIDE + xx];
        };
        image[y * SIDE + x] = (at(-1) + 2 * at(0) + at(1)) / 4;
      }
  }
}

/** The node's value on one input (after the activation; the probability for the output). */
export function nodeValue(engine: NodeEngine, input: FloatArray, node: NodeRef): number {
  const layer = layerIndexOf(engine.layers, node.layer);
  engine.forward(input, 1);
  return engine.values(layer, 'out')[nodeIndex(engine.layers[layer], node)];
}

/** Steps of the ascent between two turns of the worker's event loop (a drawing waits for at most this many). */
export const FEATURE_TURN_STEPS = 10;

/**
 * The ascent for `node` one step at a time: yields the number of steps done after each step and returns the
 * image (an input pixel's image returns at once). Between steps it keeps its state in its own arrays, and each
 * step starts with a forward pass of its own, so other work may run on the engine's weights between two steps.
 */
export function* featureAscent(
  engine: NodeEngine,
  node: NodeRef,
  settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS,
): Generator<number, FeatureImage, void> {
  const layer = layerIndexOf(engine.layers, node.layer);
  const index = nodeIndex(engine.layers[layer], node);
  if (layer === 0) {
    const image = new Float32Array(PLANE);
    image[index] = 1;
    return { image, value: 1, steps: 0 };
  }
  const random = new SeededRandom(settings.seed);
  const image = Float64Array.from({ length: PLANE }, () => settings.start * random.uniform());
  const moved = new Float64Array(PLANE),
    gradient = new Float64Array(PLANE);
  const free = settings.steps - settings.polish;
  for (let step = 0; step < settings.steps; step++) {
    const shaking = step < free;
    const dx = shaking ? random.int(2 * settings.jitter + 1) - settings.jitter : 0;
    const dy = shaking ? random.int(2 * settings.jitter + 1) - settings.jitter : 0;
    shift(image, moved, dx, dy);
    engine.forward(moved, 1);
    const objective = objectiveSeed(engine, layer, index);
    engine.backwardFromPre(objective.layer, objective.seed);
    shift(engine.gradient(0), gradient, -dx, -dy);
    let largest = 0;
    for (let i = 0; i < PLANE; i++) largest = Math.max(largest, Math.abs(gradient[i]));
    if (largest > 0) {
      const rate = (shaking ? settings.rate * (1 - (0.9 * step) / free) : settings.polishRate) / largest;
      const keep = shaking ? 1 - settings.decay : 1;
      for (let i = 0; i < PLANE; i++) image[i] = (image[i] + rate * gradient[i]) * keep;
      if (shaking && settings.blurEvery > 0 && step % settings.blurEvery === 0) blur(image);
      for (let i = 0; i < PLANE; i++) image[i] = Math.min(1, Math.max(0, image[i]));
    }
    yield step + 1;
  }
  const result = Float32Array.from(image);
  return { image: result, value: nodeValue(engine, result, node), steps: settings.steps };
}

/** Synthesizes the input that maximizes `node`, all steps at once (for Node scripts and tests). */
export function synthesizeFeature(
  engine: NodeEngine,
  node: NodeRef,
  settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS,
): FeatureImage {
  const ascent = featureAscent(engine, node, settings);
  for (;;) {
    const next = ascent.next();
    if (next.done) return next.value;
  }
}

/**
 * Synthesizes the same image as `synthesizeFeature`, awaiting `waitTurn` after every `every` steps (for the
 * worker, which then answers the messages that came in meanwhile, such as a drawing's forward pass).
 */
export async function synthesizeFeatureYielding(
  engine: NodeEngine,
  node: NodeRef,
  waitTurn: () => Promise<void>,
  every = FEATURE_TURN_STEPS,
  settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS,
): Promise<FeatureImage> {
  if (!(Number.isInteger(every) && every >= 1))
    throw new RangeError(`turns come after a whole number of steps, at least 1, got ${every}`);
  const ascent = featureAscent(engine, node, settings);
  for (;;) {
    const next = ascent.next();
    if (next.done) return next.value;
    if (next.value % every === 0) await waitTurn();
  }
}
