/**
 * One attribution of one 32x32 input on an engine: which method, its options and defaults, the
 * target (by default the network's reading), and the result as the automation API returns it
 * (`map`: 1,024 signed, unnormalised values in the logit's units; `score` = z(x)).
 */
import type { FloatArray } from '../model/initialize';
import { layerIndexOf, type AttributionEngine } from './attributionEngine';
import { gradCam, GRADCAM_LAYERS } from './gradCam';
import { gradientTimesInput, integratedGradients, plainGradient, smoothGrad } from './gradientMethods';
import { PLANE, targetScores, type LogitTarget } from './logitTarget';
import { occlusion } from './occlusion';

/** The attribution methods. */
export const ATTRIBUTION_METHODS = [
  'gradient',
  'gradientInput',
  'smoothgrad',
  'integrated',
  'gradcam',
  'occlusion',
] as const;

/** One attribution method. */
export type AttributionMethod = (typeof ATTRIBUTION_METHODS)[number];

/** What may be chosen; every field has a default. */
export interface AttributionOptions {
  /** The digit explained (default: the network's reading). */
  readonly target?: number;
  /** "target rather than contrast": explain z_target − z_contrast (default: none). */
  readonly contrast?: number | null;
  /** SmoothGrad's noisy copies (default 32). */
  readonly samples?: number;
  /** SmoothGrad's noise, in units of the 0..1 input (default 0.15). */
  readonly sigma?: number;
  /** Integrated gradients' Riemann steps (default 32). */
  readonly steps?: number;
  /** Occlusion's patch side in pixels (default 4). */
  readonly patch?: number;
  /** Grad-CAM's layer: c1, s2, c3 or s4 (default c3). */
  readonly layer?: string;
}

/** An attribution: `raw` is Grad-CAM's layer-sized cam or occlusion's drop per patch position; `baseline` is z(0) for integrated gradients. */
export interface Attribution {
  readonly method: AttributionMethod;
  readonly map: Float64Array;
  readonly raw: Float64Array | null;
  readonly target: number;
  readonly contrast: number | null;
  readonly score: number;
  readonly baseline: number | null;
}

/** The options with their defaults filled in (throws RangeError naming a bad one). */
export function attributionSettings(options: AttributionOptions): Required<Omit<AttributionOptions, 'target'>> & {
  target: number | null;
} {
  const whole = (name: string, value: number | undefined, fallback: number, low: number, high: number) => {
    const v = value ?? fallback;
    if (!(Number.isInteger(v) && v >= low && v <= high))
      throw new RangeError(`${name} must be a whole number from ${low} to ${high}, got ${String(v)}`);
    return v;
  };
  const target = options.target ?? null;
  if (target !== null) whole('target', target, 0, 0, 9);
  const contrast = options.contrast ?? null;
  if (contrast !== null) whole('contrast', contrast, 0, 0, 9);
  const sigma = options.sigma ?? 0.15;
  if (!(Number.isFinite(sigma) && sigma >= 0 && sigma <= 10))
    throw new RangeError(`sigma must be from 0 to 10, got ${String(sigma)}`);
  const layer = options.layer ?? 'c3';
  if (!(GRADCAM_LAYERS as readonly string[]).includes(layer))
    throw new RangeError(`Grad-CAM's layer is one of ${GRADCAM_LAYERS.join(', ')}, got ${String(layer)}`);
  return {
    target,
    contrast,
    samples: whole('samples', options.samples, 32, 1, 1024),
    sigma,
    steps: whole('steps', options.steps, 32, 1, 1024),
    patch: whole('patch', options.patch, 4, 1, 32),
    layer,
  };
}

/** The digit read from a forward pass's probabilities (ties to the lowest). */
function reading(probabilities: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) if (probabilities[k] > probabilities[best]) best = k;
  return best;
}

/** Computes one attribution of `input` (1,024 values) on `engine`. */
export function attribute(
  engine: AttributionEngine,
  input: FloatArray,
  method: AttributionMethod,
  options: AttributionOptions = {},
): Attribution {
  if (!ATTRIBUTION_METHODS.includes(method))
    throw new RangeError(`the method is one of ${ATTRIBUTION_METHODS.join(', ')}, got ${String(method)}`);
  if (input.length !== PLANE) throw new RangeError(`an input holds ${PLANE} values, got ${input.length}`);
  const settings = attributionSettings(options);
  const last = engine.layers.length - 1;
  const pair = new Float64Array(2 * PLANE);
  pair.set(input);
  engine.forward(pair, 2); // the input and the blank baseline
  const chosen = settings.target ?? reading(engine.values(last, 'out').subarray(0, 10));
  if (settings.contrast === chosen) throw new RangeError(`"${chosen} rather than ${chosen}" explains nothing`);
  const target: LogitTarget = { target: chosen, contrast: settings.contrast };
  const [score, blank] = targetScores(engine, 2, target);
  const result = (map: Float64Array, raw: Float64Array | null = null, baseline: number | null = null): Attribution => ({
    method,
    map,
    raw,
    target: chosen,
    contrast: settings.contrast,
    score,
    baseline,
  });
  switch (method) {
    case 'gradient':
      return result(plainGradient(engine, input, target));
    case 'gradientInput':
      return result(gradientTimesInput(engine, input, target));
    case 'smoothgrad':
      return result(smoothGrad(engine, input, target, settings.samples, settings.sigma));
    case 'integrated':
      return result(integratedGradients(engine, input, target, settings.steps), null, blank);
    case 'gradcam': {
      const { raw, map } = gradCam(engine, input, target, layerIndexOf(engine.layers, settings.layer));
      return result(map, raw);
    }
    case 'occlusion': {
      const { raw, map } = occlusion(engine, input, target, settings.patch, score);
      return result(map, raw);
    }
    default: {
      const never: never = method;
      throw new Error(`unknown method ${String(never)}`);
    }
  }
}
