/** The browser benchmark as a section of docs/benchmarks.md: the table, the renderer, and the ratios. */
import type { BenchResults } from './benchResults';
import { ENGINE_NAMES } from './engineBench';

/** The PyTorch anchor of shared/PERFORMANCE.md on an H100 GPU (eager), measured elsewhere. */
const PYTORCH_H100 = { train: { 64: 32900, 256: 163000 } as Record<string, number>, inferMs: 0.23 };

const fixed = (n: number | undefined, digits: number) => (n === undefined ? '-' : n.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? '-' : `${Number((a / b).toPrecision(2))}x`;
/** Against PyTorch the 2x threshold matters: two decimals. */
const ratio2 = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? '-' : `${(a / b).toFixed(2)}x`;

/** Markdown for the results of one `npm run bench` run. */
export function benchmarkMarkdown(results: BenchResults): string {
  const engines = ENGINE_NAMES.filter(
    (name) => results.trainImagesPerSecond[name] || results.inferMs[name] !== undefined,
  );
  const train = (name: (typeof ENGINE_NAMES)[number], batch: string) => results.trainImagesPerSecond[name]?.[batch];
  const rows = engines.map(
    (name) =>
      `| ${name} | ${fixed(train(name, '64'), 0)} | ${fixed(train(name, '256'), 0)} | ${fixed(results.inferMs[name], 2)} | ` +
      `${ratio(train(name, '64'), train('tfjs-webgl', '64'))} / ${ratio(train(name, '256'), train('tfjs-webgl', '256'))} | ` +
      `${ratio(results.inferMs['tfjs-webgl'], results.inferMs[name])} | ` +
      `${ratio(train(name, '64'), train('tfjs-wasm', '64'))} / ${ratio(train(name, '256'), train('tfjs-wasm', '256'))} | ` +
      `${ratio(results.inferMs['tfjs-wasm'], results.inferMs[name])} |`,
  );
  const cpu = results.pytorch && 'train' in results.pytorch ? results.pytorch : null;
  const anchors = engines.map(
    (name) =>
      `| ${name} | ${ratio2(train(name, '64'), cpu?.train['64'])} / ${ratio2(train(name, '256'), cpu?.train['256'])} | ` +
      `${ratio2(cpu?.inferMs, results.inferMs[name])} | ${ratio(train(name, '64'), PYTORCH_H100.train['64'])} / ${ratio(train(name, '256'), PYTORCH_H100.train['256'])} |`,
  );
  const pytorchLine = cpu
    ? `Native PyTorch on the same CPU, in the same session: ${cpu.description}: ${cpu.train['64']?.toFixed(0)} / ` +
      `${cpu.train['256']?.toFixed(0)} training images/s at batch 64 / 256, ${cpu.inferMs.toFixed(3)} ms single-image inference.`
    : `No PyTorch CPU figure: ${results.pytorch && 'skipped' in results.pytorch ? results.pytorch.skipped : 'not measured'}.`;
  const counters = Object.entries(results.countersByEngine).map(
    ([name, c]) =>
      `${name}: ${c.drawsPerTrainingStep} draws, ${c.syncReadbacksPerTrainingStep} synchronous readbacks per training step`,
  );
  const errors = Object.entries(results.errors).map(([name, message]) => `- ${name} failed: ${message}`);
  const wasm = results.engineDetails['tfjs-wasm'];
  return `## LeNet-5 in the browser (\`npm run bench -- --out FILE\`)

Measured ${results.date.slice(0, 10)} in headless Chromium (${results.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}), ${results.hardwareConcurrency} cores,
${results.secondsPerMeasurement} s per training measurement after a warm-up, synthetic data, default architecture,
softmax cross-entropy, momentum SGD. Renderer: \`${results.renderer}\`.
Our engines are measured through the engine worker as the app uses them (module Worker, OffscreenCanvas); inference is one
drawing in and every layer's activations back in JavaScript, median of ${results.inferSamples}.
${wasm ? `tfjs-wasm ran the ${String(wasm.wasmFlavour)} build with ${String(wasm.threadsCount)} thread(s)${wasm.conv2dBackpropFilter ? `; its Conv2DBackpropFilter kernel is ${String(wasm.conv2dBackpropFilter)}` : ''}.` : ''}

| engine | train img/s, batch 64 | train img/s, batch 256 | inference ms | training vs tfjs-webgl (64 / 256) | inference vs tfjs-webgl | training vs tfjs-wasm (64 / 256) | inference vs tfjs-wasm |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Against PyTorch (ratios of speed; above 1x is faster than PyTorch). ${pytorchLine} The H100 figures are the
anchor of \`shared/PERFORMANCE.md\` (PyTorch 2.11, eager), measured elsewhere.

| engine | training vs PyTorch CPU, same session (64 / 256) | inference vs PyTorch CPU | training vs PyTorch H100 (64 / 256) |
|---|---|---|---|
${anchors.join('\n')}

${counters.join('  \n')}
${errors.length ? `\n${errors.join('\n')}\n` : ''}`;
}
