/**
 * `npm run add-ranges -- DIR`: adds the view's colour ranges (`activationRanges`, see
 * src/engine/activationRanges.ts) to every checkpoint of a run made before the trainer recorded them.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activationRanges } from '../src/engine/activationRanges';
import { lenet5Layers } from '../src/engine/model/lenet5';
import { loadRun } from '../src/engine/model/runLoader';
import { ReferenceNetwork } from '../src/engine/reference/referenceNetwork';
import { loadMnistSplit } from './mnistFiles';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run add-ranges -- DIR');
  process.exit(1);
}
const run = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
const test = loadMnistSplit('test');
const layers = lenet5Layers(run.manifest.architecture);
const checkpoints = run.manifest.checkpoints.map((checkpoint, i) => ({
  ...checkpoint,
  activationRanges: activationRanges(
    new ReferenceNetwork(layers, run.manifest.architecture.loss, run.checkpoints[i]),
    test,
  ),
}));
const path = join(dir, 'manifest.json');
writeFileSync(`${path}.partial`, `${JSON.stringify({ ...run.manifest, checkpoints }, null, 2)}\n`);
renameSync(`${path}.partial`, path);
console.log(`added activation ranges to ${checkpoints.length} checkpoints of ${dir}`);
