/**
 * The momentum charts' data from a run's per-layer statistics (store/runHistories.ts): one line per parameter
 * layer for each quantity against the step, and the values of every layer at one step, with the momentum gain
 * ‖v‖ / (η‖g‖): how many times plain gradient descent's step the momentum step is. With v ← γv + ηg, the same
 * gradient at every step drives the gain to 1/(1 − γ) (10 at γ = 0.9); gradients that keep turning (the
 * zig-zag) cancel in v and keep it lower; a gradient smaller than those before it can lift it above.
 */
import type { LayerStatsPoint } from '../../store/runHistories';
import type { LayerTrainingStats } from '../../worker/protocol';
import { SERIES_COLOURS, type ChartPoint, type ChartSeries } from '../charts/chartScale';

/** The quantities charted, as LayerTrainingStats names them. */
export const QUANTITIES = ['gradientNorm', 'velocityNorm', 'updateRatio'] as const;

/** One of the charted quantities. */
export type Quantity = (typeof QUANTITIES)[number];

/** The layers that appear in `points`, in the order the engine reports them. */
export function statLayers(points: readonly LayerStatsPoint[]): string[] {
  const layers: string[] = [];
  for (const point of points) for (const s of point.layers) if (!layers.includes(s.layer)) layers.push(s.layer);
  return layers;
}

/** The colour of `layer` among `layers` (the network's order). */
export function layerColour(layers: readonly string[], layer: string): string {
  return SERIES_COLOURS[Math.max(0, layers.indexOf(layer)) % SERIES_COLOURS.length];
}

/** For `quantity`, one series per layer: [step, value] at each report. */
export function quantitySeries(points: readonly LayerStatsPoint[], quantity: Quantity): ChartSeries[] {
  const layers = statLayers(points);
  return layers.map((layer) => ({
    key: layer,
    colour: layerColour(layers, layer),
    points: points.flatMap((point): ChartPoint[] => {
      const stats = point.layers.find((s) => s.layer === layer);
      return stats ? [[point.step, stats[quantity]]] : [];
    }),
  }));
}

/** One layer's values at a report, with its momentum gain (null where η‖g‖ is 0). */
export interface LayerReading extends LayerTrainingStats {
  readonly gain: number | null;
}

/** The report nearest `step` (the latest when `step` is null): its step, γ, the gain's ceiling and each layer's values. */
export function readingAt(
  points: readonly LayerStatsPoint[],
  step: number | null,
): { step: number; momentum: number; ceiling: number | null; layers: LayerReading[] } | null {
  if (points.length === 0) return null;
  let point = points[points.length - 1];
  if (step !== null) for (const p of points) if (Math.abs(p.step - step) < Math.abs(point.step - step)) point = p;
  const layers = point.layers.map((s) => {
    const plain = point.learningRate * s.gradientNorm;
    return { ...s, gain: plain > 0 ? s.velocityNorm / plain : null };
  });
  const ceiling = point.momentum < 1 ? 1 / (1 - point.momentum) : null;
  return { step: point.step, momentum: point.momentum, ceiling, layers };
}
