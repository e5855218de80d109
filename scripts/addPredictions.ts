/**
 * `npm run add-predictions -- DIR`: writes every checkpoint's predictions on the 10,000 MNIST test images
 * (`<checkpoint>.predictions.bin`, see src/engine/model/predictions.ts) with the reference engine, in float32
 * exactly as the app's CPU engine runs, and lists them in the manifest. Existing predictions are replaced.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lenet5Layers } from '../src/engine/model/lenet5';
import {
  computePredictions,
  encodePredictions,
  predictionsAccuracy,
  predictionsFileName,
} from '../src/engine/model/predictions';
import { loadRun } from '../src/engine/model/runLoader';
import { ReferenceNetwork } from '../src/engine/reference/referenceNetwork';
import { loadMnistSplit } from './mnistFiles';

function writeAtomically(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.partial`, data);
  renameSync(`${path}.partial`, path);
}

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run add-predictions -- DIR');
  process.exit(1);
}
// The old predictions entries are dropped before loading, so a run with a broken predictions file can be repaired.
const run = await loadRun(async (file) => {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  if (file !== 'manifest.json') return bytes;
  const json = JSON.parse(new TextDecoder().decode(bytes)) as { checkpoints?: unknown };
  if (Array.isArray(json.checkpoints)) {
    json.checkpoints = json.checkpoints.map((c: unknown) => {
      if (typeof c !== 'object' || c === null) return c;
      const { predictions: _old, ...rest } = c as Record<string, unknown>;
      return rest;
    });
  }
  return new TextEncoder().encode(JSON.stringify(json));
}, dir);
const test = loadMnistSplit('test');
const { architecture } = run.manifest;
const layers = lenet5Layers(architecture);
const measuredOn = (run.manifest.training as { testImages?: number } | undefined)?.testImages ?? test.count;
let warnings = 0;
const checkpoints = run.manifest.checkpoints.map((checkpoint, i) => {
  const started = performance.now();
  const predictions = computePredictions(new ReferenceNetwork(layers, architecture.loss, run.checkpoints[i]), test);
  const file = predictionsFileName(checkpoint.file);
  writeAtomically(join(dir, file), encodePredictions(predictions));
  const accuracy = predictionsAccuracy(predictions, test.labels);
  const correct = Math.round(accuracy * predictions.images);
  console.log(
    `epoch ${checkpoint.epoch}: ${file}, accuracy ${percent(accuracy)} (${correct}/${predictions.images}), ` +
      `manifest ${checkpoint.testAccuracy === null ? '-' : percent(checkpoint.testAccuracy)} on ${measuredOn} images, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (measuredOn === test.count && checkpoint.testAccuracy !== null && accuracy !== checkpoint.testAccuracy) {
    warnings++;
    console.log(
      `warning: epoch ${checkpoint.epoch}: the predictions give accuracy ${accuracy}, the manifest says ${checkpoint.testAccuracy}`,
    );
  }
  return { ...checkpoint, predictions: { file, images: predictions.images } };
});
writeAtomically(join(dir, 'manifest.json'), `${JSON.stringify({ ...run.manifest, checkpoints }, null, 2)}\n`);
console.log(
  `added predictions on ${test.count} test images to ${checkpoints.length} checkpoints of ${dir}` +
    (warnings > 0 ? ` (${warnings} accuracy warnings)` : ''),
);
