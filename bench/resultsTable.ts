/** The benchmark results as a plain-text table for the terminal, with speeds relative to one engine. */
import type { BenchResults } from './benchResults';
import { ENGINE_NAMES, type EngineName } from './engineBench';

const pad = (text: string, width: number) => text.padEnd(width);

/** The engine others are compared with: webgl2 when it produced figures, else the first engine that did. */
function baselineOf(results: BenchResults): EngineName | null {
  const measured = ENGINE_NAMES.filter(
    (name) => results.trainImagesPerSecond[name] || results.inferMs[name] !== undefined,
  );
  return measured.includes('webgl2') ? 'webgl2' : (measured[0] ?? null);
}

/** Rows of training images/s per batch size and inference ms, each with its speed relative to the baseline. */
export function formatResultsTable(results: BenchResults): string {
  const baseline = baselineOf(results);
  const batchSizes = results.batchSizes.map(String);
  const headers = ['engine', ...batchSizes.map((b) => `train img/s, batch ${b}`), 'inference ms (all layers)'];
  const speed = (value: number | undefined, base: number | undefined, higherIsFaster: boolean) => {
    if (value === undefined || base === undefined || value <= 0 || base <= 0) return '';
    return ` (x${(higherIsFaster ? value / base : base / value).toFixed(2)})`;
  };
  const rows: string[][] = [];
  for (const name of ENGINE_NAMES) {
    const train = results.trainImagesPerSecond[name];
    const infer = results.inferMs[name];
    if (!train && infer === undefined && !results.errors[name]) continue;
    const base = baseline ? results.trainImagesPerSecond[baseline] : undefined;
    rows.push([
      name,
      ...batchSizes.map((b) =>
        train?.[b] === undefined ? '-' : `${train[b].toFixed(0)}${speed(train[b], base?.[b], true)}`,
      ),
      infer === undefined
        ? '-'
        : `${infer.toFixed(3)}${speed(infer, baseline ? results.inferMs[baseline] : undefined, false)}`,
    ]);
  }
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)) + 2);
  const lines = [
    `renderer: ${results.renderer}`,
    baseline ? `(xN = speed relative to ${baseline}; above 1 is faster)` : 'no engine produced figures',
    '',
    headers.map((h, i) => pad(h, widths[i]!)).join(''),
    ...rows.map((r) => r.map((cell, i) => pad(cell, widths[i]!)).join('')),
  ];
  for (const [name, c] of Object.entries(results.countersByEngine)) {
    lines.push(
      `${name}: ${c.drawsPerTrainingStep} draws, ${c.syncReadbacksPerTrainingStep} synchronous readbacks per training step`,
    );
  }
  for (const [name, details] of Object.entries(results.engineDetails)) {
    lines.push(
      `${name}: ${Object.entries(details)
        .map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toFixed(3) : v}`)
        .join(', ')}`,
    );
  }
  for (const [name, message] of Object.entries(results.errors)) lines.push(`${name}: ERROR ${message}`);
  return lines.map((line) => line.trimEnd()).join('\n');
}
