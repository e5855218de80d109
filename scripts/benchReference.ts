/**
 * `npm run bench:reference`: single-image forward latency and training images/s of the reference
 * engine in Node, beside the PyTorch CPU anchor of shared/PERFORMANCE.md (same machine kind), as ratios.
 */
import { cpus } from 'node:os';
import { INPUT_SIZE, mnistBatch } from '../src/engine/data/mnistInput';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../src/engine/model/lenet5';
import { initialParameters } from '../src/engine/model/initialize';
import { ReferenceNetwork } from '../src/engine/reference/referenceNetwork';
import { sgdMomentumStep } from '../src/engine/reference/sgd';
import { writeReportSection } from './benchmarkReport';
import { loadMnistSplit } from './mnistFiles';

/** PyTorch 1.13, CPU, 2 threads, this machine kind (shared/PERFORMANCE.md). */
const PYTORCH_CPU = { trainImagesPerSecond: { 64: 9300, 256: 9750 }, inferMs: 0.15 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const layers = lenet5Layers(DEFAULT_ARCHITECTURE);
const network = new ReferenceNetwork(layers, 'softmax-cross-entropy', initialParameters(layers, 1));
const train = loadMnistSplit('train');
const plane = INPUT_SIZE * INPUT_SIZE;

function inferMs(): number {
  const input = new Float32Array(plane);
  mnistBatch(train, [0], input, new Uint8Array(1));
  for (let i = 0; i < 50; i++) network.forward(input, 1);
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const start = performance.now();
    network.forward(input, 1);
    times.push(performance.now() - start);
  }
  return median(times);
}

function trainImagesPerSecond(batchSize: number, seconds: number): number {
  const inputs = new Float32Array(batchSize * plane);
  const labels = new Uint8Array(batchSize);
  const velocity = new Float32Array(network.layout.size);
  const step = (s: number) => {
    mnistBatch(train, Array.from({ length: batchSize }, (_, i) => (s * batchSize + i) % train.count), inputs, labels);
    const { gradients } = network.backward(network.forward(inputs, batchSize), labels);
    sgdMomentumStep(network.params, gradients, velocity, { learningRate: 0.01, momentum: 0.9, weightDecay: 0 });
  };
  for (let s = 0; s < 3; s++) step(s);
  const start = performance.now();
  let steps = 0;
  while (performance.now() - start < seconds * 1000) step(steps++);
  return (steps * batchSize) / ((performance.now() - start) / 1000);
}

const infer = inferMs();
const train64 = trainImagesPerSecond(64, 10);
const train256 = trainImagesPerSecond(256, 10);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const fmt = (n: number, digits = 0) => n.toFixed(digits);
const report = `## Reference engine in Node (\`npm run bench:reference\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, Node ${process.versions.node}, one thread, float32 storage.
PyTorch figures are the CPU anchor of \`shared/PERFORMANCE.md\` (PyTorch 1.13, 2 threads, same machine kind).

| measure | reference engine | PyTorch CPU | reference / PyTorch |
|---|---|---|---|
| training images/s, batch 64 | ${fmt(train64)} | ${PYTORCH_CPU.trainImagesPerSecond[64]} | ${fmt(train64 / PYTORCH_CPU.trainImagesPerSecond[64], 3)} |
| training images/s, batch 256 | ${fmt(train256)} | ${PYTORCH_CPU.trainImagesPerSecond[256]} | ${fmt(train256 / PYTORCH_CPU.trainImagesPerSecond[256], 3)} |
| single-image forward, ms (median of 500) | ${fmt(infer, 3)} | ${PYTORCH_CPU.inferMs} | ${fmt(PYTORCH_CPU.inferMs / infer, 3)} (speed ratio) |
`;
writeReportSection('reference', report);
console.log(report);
