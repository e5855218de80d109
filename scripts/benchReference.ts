/**
 * `npm run bench:reference [-- --pytorch FILE] [--seconds N]`: single-image forward latency and training
 * images/s of the reference engine and of the WebAssembly SIMD engine in Node, beside native PyTorch on this
 * CPU measured in the same session (scripts/pytorchCpu.ts; or read from FILE, written by `npm run bench:pytorch
 * -- --out FILE`), as ratios; the WebAssembly engine on one thread and on two (a helper thread takes half of
 * each batch); then its training step layer by layer (one thread).
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { profileWasmTraining } from '../bench/wasmKernelProfile';
import { INPUT_SIZE, mnistBatch } from '../src/engine/data/mnistInput';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../src/engine/model/lenet5';
import { initialParameters } from '../src/engine/model/initialize';
import { ReferenceNetwork } from '../src/engine/reference/referenceNetwork';
import { sgdMomentumStep } from '../src/engine/reference/sgd';
import { WasmNetwork } from '../src/engine/wasm/wasmNetwork';
import { inferFrame } from '../src/engine/wasm/wasmReadout';
import { writeReportSection } from './benchmarkReport';
import { startNodeHelper } from './nodeWasmHelper';
import { loadMnistSplit } from './mnistFiles';
import { describePytorch, measurePytorch, readPytorchResult } from './pytorchCpu';

const { values: args } = parseArgs({
  args: process.argv.slice(2),
  options: { pytorch: { type: 'string' }, seconds: { type: 'string' } },
});
const SECONDS = args.seconds === undefined ? 10 : Number(args.seconds);
if (!(SECONDS > 0)) throw new Error(`--seconds ${args.seconds}: expected a positive number`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const layers = lenet5Layers(DEFAULT_ARCHITECTURE);
const train = loadMnistSplit('train');
const plane = INPUT_SIZE * INPUT_SIZE;

/** One engine as the benchmark drives it: a forward pass of a batch, and a whole training step. */
interface BenchedEngine {
  forward(input: Float32Array): void;
  trainStep(inputs: Float32Array, labels: Uint8Array, batchSize: number): void;
}

function referenceEngine(): BenchedEngine {
  const network = new ReferenceNetwork(layers, 'softmax-cross-entropy', initialParameters(layers, 1));
  const velocity = new Float32Array(network.layout.size);
  return {
    forward: (input) => {
      network.forward(input, 1);
    },
    trainStep(inputs, labels, batchSize) {
      const { gradients } = network.backward(network.forward(inputs, batchSize), labels);
      sgdMomentumStep(network.params, gradients, velocity, { learningRate: 0.01, momentum: 0.9, weightDecay: 0 });
    },
  };
}

async function wasmEngine(threads: 1 | 2): Promise<BenchedEngine> {
  const network = WasmNetwork.create(threads === 2 ? startNodeHelper : null);
  for (let wait = 0; network.threads < threads && wait < 200; wait++) await new Promise((r) => setTimeout(r, 50));
  if (network.threads !== threads) throw new Error(`the wasm engine has ${network.threads} thread(s), not ${threads}`);
  network.load(DEFAULT_ARCHITECTURE, initialParameters(layers, 1), null);
  return {
    // What the worker answers a drawing with: every layer's activations copied out as a frame.
    forward: (input) => {
      inferFrame(network, input);
    },
    trainStep(inputs, labels, batchSize) {
      network.setInputs(inputs, labels, batchSize);
      network.trainBatch(batchSize);
      network.sgdStep(0.01, 0.9, 0);
    },
  };
}

function inferMs(engine: BenchedEngine): number {
  const input = new Float32Array(plane);
  mnistBatch(train, [0], input, new Uint8Array(1));
  for (let i = 0; i < 50; i++) engine.forward(input);
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const start = performance.now();
    engine.forward(input);
    times.push(performance.now() - start);
  }
  return median(times);
}

function trainImagesPerSecond(engine: BenchedEngine, batchSize: number, seconds: number): number {
  const inputs = new Float32Array(batchSize * plane);
  const labels = new Uint8Array(batchSize);
  const step = (s: number) => {
    mnistBatch(
      train,
      Array.from({ length: batchSize }, (_, i) => (s * batchSize + i) % train.count),
      inputs,
      labels,
    );
    engine.trainStep(inputs, labels, batchSize);
  };
  for (let s = 0; s < 3; s++) step(s);
  const start = performance.now();
  let steps = 0;
  while (performance.now() - start < seconds * 1000) step(steps++);
  return (steps * batchSize) / ((performance.now() - start) / 1000);
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const pytorch = args.pytorch ? readPytorchResult(args.pytorch) : measurePytorch();
if (typeof pytorch === 'string') console.log(pytorch);
else console.log(`pytorch: ${describePytorch(pytorch)}: ${JSON.stringify(pytorch.best)}`);
const engines = {
  reference: referenceEngine(),
  'wasm, 1 thread': await wasmEngine(1),
  'wasm, 2 threads': await wasmEngine(2),
};
const measured = Object.entries(engines).map(([name, engine]) => {
  const figures = {
    name,
    infer: inferMs(engine),
    train64: trainImagesPerSecond(engine, 64, SECONDS),
    train256: trainImagesPerSecond(engine, 256, SECONDS),
  };
  console.log(
    `${name}: ${fmt(figures.train64)} / ${fmt(figures.train256)} images/s (batch 64 / 256), forward ${fmt(figures.infer, 3)} ms`,
  );
  return figures;
});
const profiles = [64, 256].map((batch) => ({ batch, ...profileWasmTraining(train, batch, SECONDS) }));
const cpu = cpus()[0]?.model ?? 'unknown CPU';
/** Our speed over PyTorch's best, as `(1.23x)`, or nothing without a PyTorch figure. */
const vs = (ours: number, theirs: number | undefined, higherIsFaster = true) =>
  theirs === undefined ? '' : ` (${fmt(higherIsFaster ? ours / theirs : theirs / ours, 2)}x)`;
const best = typeof pytorch === 'string' ? null : pytorch.best;
const rows = measured.map(
  (m) =>
    `| ${m.name} | ${fmt(m.train64)}${vs(m.train64, best?.train['64'])} | ${fmt(m.train256)}${vs(m.train256, best?.train['256'])} | ` +
    `${fmt(m.infer, 3)}${vs(m.infer, best?.inferMs, false)} |`,
);
const pytorchRow = best
  ? `| PyTorch (best of its thread counts) | ${fmt(best.train['64'] ?? NaN)} | ${fmt(best.train['256'] ?? NaN)} | ${fmt(best.inferMs, 3)} |\n`
  : '';
for (const m of measured.filter(() => best)) {
  console.log(
    `${m.name} vs PyTorch: ${fmt(m.train64 / best!.train['64']!, 2)}x / ${fmt(m.train256 / best!.train['256']!, 2)}x training (batch 64 / 256), ` +
      `${fmt(best!.inferMs / m.infer, 2)}x single-image forward (speed ratios, above 1 is faster than PyTorch)`,
  );
}
const kernelRows = profiles[0]!.kernels.map((k) => {
  const at256 = profiles[1]!.kernels.find((other) => other.kernel === k.kernel);
  const cells = (t: typeof k | undefined) =>
    t
      ? `${fmt(t.microsecondsPerImage, 1)} | ${fmt(t.share * 100, 1)}% | ${t.gflops === null ? '-' : fmt(t.gflops, 1)}`
      : '- | - | -';
  return `| ${k.kernel} | ${cells(k)} | ${cells(at256)} |`;
});
const report = `## Reference and WebAssembly engines in Node (\`npm run bench:reference\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, Node ${process.versions.node}, float32 storage,
${SECONDS} s per training measurement, default architecture, real MNIST, no distortions; the wasm engine on one thread,
and on two (a worker_threads helper over a shared memory trains the second half of each batch).
${
  typeof pytorch === 'string'
    ? pytorch
    : `Beside ${describePytorch(pytorch)}, ${args.pytorch ? `read from \`${args.pytorch}\`` : 'measured in the same session just before'} (\`npm run bench:pytorch\`'s script); ratios in brackets are speed ratios to its best figures (above 1x is faster than PyTorch).`
} The wasm engine's forward includes copying every layer's activations out as the view's frame.

| engine | training images/s, batch 64 | training images/s, batch 256 | single-image forward, ms, median of 500 |
|---|---|---|---|
${pytorchRow}${rows.join('\n')}

The wasm engine's training step (one thread), layer by layer: each layer's forward (with its activation; the output's
with the softmax and loss) and backward timed inside the module, the kernels JavaScript calls timed around the call
(${profiles.map((p) => `batch ${p.batch}: ${fmt(p.imagesPerSecond)} images/s while timed, ${fmt(p.gflops, 1)} GFLOP/s over the step's 2.26 MFLOP per image`).join('; ')}):

| part | batch 64: µs per image | share | GFLOP/s | batch 256: µs per image | share | GFLOP/s |
|---|---|---|---|---|---|---|
${kernelRows.join('\n')}
`;
writeReportSection('reference', report);
console.log(report);
