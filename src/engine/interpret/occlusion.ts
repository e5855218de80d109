/**
 * Occlusion of one 32x32 input x by a p x p patch of paper (value 0) slid with stride 1:
 *   raw[py][px] = z(x) − z(x with rows py..py+p−1, columns px..px+p−1 set to 0),  0 ≤ py, px ≤ 32 − p
 *   map[y][x]   = the mean of raw over the patch positions that cover pixel (y, x)
 * ((33 − p)² forward passes, in batches of the engine's largest batch).
 */
import type { FloatArray } from '../model/initialize';
import type { AttributionEngine } from './attributionEngine';
import { PLANE, scoresOf, type LogitTarget } from './logitTarget';

/** The drops per patch position (`raw`, (33 − p)² row-major) and the mean drop over covering patches (`map`). */
export function occlusion(
  engine: AttributionEngine,
  input: FloatArray,
  target: LogitTarget,
  patch: number,
  score: number,
): { raw: Float64Array; map: Float64Array } {
  const side = Math.sqrt(PLANE);
  const positions = side - patch + 1;
  const scores = scoresOf(
    engine,
    positions * positions,
    (i, out, offset) => {
      const py = Math.floor(i / positions),
        px = i % positions;
      out.set(input.subarray(0, PLANE), offset);
      for (let y = py; y < py + patch; y++) out.fill(0, offset + y * side + px, offset + y * side + px + patch);
    },
    target,
  );
  const raw = scores.map((occluded) => score - occluded);
  const sum = new Float64Array(PLANE),
    covers = new Float64Array(PLANE);
  for (let py = 0; py < positions; py++)
    for (let px = 0; px < positions; px++)
      for (let y = py; y < py + patch; y++)
        for (let x = px; x < px + patch; x++) {
          sum[y * side + x] += raw[py * positions + px];
          covers[y * side + x]++;
        }
  return { raw, map: sum.map((s, i) => s / covers[i]) };
}
