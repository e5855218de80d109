/**
 * `npm run bench:pytorch [-- --out FILE] [--seconds N]`: our LeNet-5 trained and run by native PyTorch on
 * this CPU (scripts/benchPytorch.py, driven by pytorchCpu.ts), at 1 and 2 threads and PyTorch's default,
 * batch 64 and 256. Prints every figure, writes the result JSON to FILE (which `npm run bench:reference --
 * --pytorch FILE` and `npm run bench -- --pytorch FILE` can read instead of measuring again) and its own
 * section of docs/benchmarks.md. Skipped with a message (exit 0) where PyTorch is missing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeReportSection } from './benchmarkReport';
import { describePytorch, measurePytorch } from './pytorchCpu';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { out: { type: 'string' }, seconds: { type: 'string' } },
});
const seconds = values.seconds === undefined ? 6 : Number(values.seconds);
if (!(seconds > 0)) throw new Error(`--seconds ${values.seconds}: expected a positive number`);

const result = measurePytorch(seconds);
if (typeof result === 'string') {
  console.log(`bench:pytorch: ${result}`);
  process.exit(0);
}
if (values.out) {
  const file = resolve(values.out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`bench:pytorch: result written to ${file}`);
}
const rows = result.measurements.map(
  (m) =>
    `| ${m.threads}${m.threads === result.defaultThreads ? ' (default)' : ''} | ${m.train['64']?.toFixed(0) ?? '-'} | ` +
    `${m.train['256']?.toFixed(0) ?? '-'} | ${m.inferMs.toFixed(3)} |`,
);
const report = `## Native PyTorch on this CPU (\`npm run bench:pytorch\`)

${describePytorch(result)}. The same LeNet-5 as ours (ReLU, max pooling, full C3, softmax cross-entropy), one fixed random
batch, SGD with learning rate 0.01 and momentum 0.9, 10 warm-up steps, then ${result.secondsPerMeasurement} s timed; single-image
inference without gradients, median of 500. \`npm run bench:reference\` and \`npm run bench\` measure it again in their own
session and print our ratio to the best of these thread counts.

| threads | training images/s, batch 64 | training images/s, batch 256 | single-image inference, ms |
|---|---|---|---|
${rows.join('\n')}
`;
console.log(report);
writeReportSection('pytorch', report);
