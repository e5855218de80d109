/**
 * `npm run bench:reference`: single-image forward latency and training images/s of the reference
 * engine and of the WebAssembly SIMD engine in Node, beside the PyTorch CPU anchor of shared/PERFORMANCE.md
 * (same machine kind), as ratios; then the wasm engine's training step kernel by kernel.
 */
import { cpus } from 'node:os';
import { profileWasmTraining } from '../bench/wasmKernelProfile';
import { INPUT_SIZE, mnistBatch } from '../src/engine/data/mnistInput';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../src/engine/model/lenet5';
import { initialParameters } from '../src/engine/model/initialize';
import { ReferenceNetwork } from '../src/engine/reference/referenceNetwork';
import { sgdMomentumStep } from '../src/engine/reference/sgd';
import { WasmNetwork } from '../src/engine/wasm/wasmNetwork';
import { inferFrame } from '../src/engine/wasm/wasmReadout';
import { writeReportSection } from './benchmarkReport';
import { loadMnistSplit } from './mnistFiles';

/** PyTorch 1.13, CPU, 2 threads, this machine kind (shared/PERFORMANCE.md). */
const PYTORCH_CPU = { trainImagesPerSecond: { 64: 9300, 256: 9750 }, inferMs: 0.15 };
const SECONDS = 10;

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

function wasmEngine(): BenchedEngine {
  const network = new WasmNetwork();
  network.load(DEFAULT_ARCHITECTURE, initialParameters(layers, 1), null);
  return {
    // What the worker answers a drawing with: every layer's activations copied out as a frame.
    forward: (input) => {
      inferFrame(network, input);
    },
    trainStep(inputs, labels, batchSize) {
      network.setInputs(inputs, labels, batchSize);
      network.forward(batchSize);
      network.backward(batchSize, false);
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
const engines = { reference: referenceEngine(), wasm: wasmEngine() };
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
const profile = profileWasmTraining(train, 64, SECONDS);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const rows = measured.map(
  (m) =>
    `| ${m.name} | ${fmt(m.train64)} (${fmt(m.train64 / PYTORCH_CPU.trainImagesPerSecond[64], 3)}x) | ` +
    `${fmt(m.train256)} (${fmt(m.train256 / PYTORCH_CPU.trainImagesPerSecond[256], 3)}x) | ${fmt(m.infer, 3)} (${fmt(PYTORCH_CPU.inferMs / m.infer, 3)}x) |`,
);
const kernelRows = profile.kernels
  .filter((k) => k.share >= 0.001)
  .map(
    (k) =>
      `| ${k.kernel} | ${fmt(k.microsecondsPerImage, 1)} | ` +
      `${fmt(k.share * 100, 1)}% | ${k.gflops === null ? '-' : fmt(k.gflops, 1)} |`,
  );
const report = `## Reference and WebAssembly engines in Node (\`npm run bench:reference\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, Node ${process.versions.node}, one thread, float32 storage,
${SECONDS} s per training measurement, default architecture, real MNIST, no distortions.
PyTorch figures are the CPU anchor of \`shared/PERFORMANCE.md\` (PyTorch 1.13, 2 threads, same machine kind:
${PYTORCH_CPU.trainImagesPerSecond[64]} / ${PYTORCH_CPU.trainImagesPerSecond[256]} training images/s at batch 64 / 256,
${PYTORCH_CPU.inferMs} ms per image); ratios are speed ratios (above 1x is faster than PyTorch). The wasm engine's forward
includes copying every layer's activations out as the view's frame.

| engine | training images/s, batch 64 (vs PyTorch) | training images/s, batch 256 (vs PyTorch) | single-image forward, ms, median of 500 (vs PyTorch) |
|---|---|---|---|
${rows.join('\n')}

The wasm engine's training step at batch 64, kernel by kernel (each kernel call timed from JavaScript;
${fmt(profile.imagesPerSecond)} images/s while timed, ${fmt(profile.gflops, 1)} GFLOP/s over the step's 2.26 MFLOP per image):

| kernel | µs per image | share of the step | GFLOP/s |
|---|---|---|---|
${kernelRows.join('\n')}
`;
writeReportSection('reference', report);
console.log(report);
