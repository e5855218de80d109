/**
 * `npm run bench:interpret [-- --repeats N] [--no-page]`: the interpretation work of issue 17 on the
 * WebAssembly engine and the shipped modern run's last checkpoint, timed in Node (the engine called
 * directly) and in headless Chromium through the app's engine worker (scripts/interpretInPage.ts):
 * gradient and Grad-CAM (target ≤ 16 ms), integrated gradients (32 steps), SmoothGrad (32) and occlusion
 * (p = 4, 841 forward passes) (each ≤ 150 ms), the per-checkpoint portrait pass over the 10,000 test
 * images (≤ 3 s), a portrait's top digits after it (≤ 5 ms) and a feature image (≤ 500 ms). Medians.
 */
import { cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mnistToInput } from '../src/engine/data/mnistInput';
import { attribute, type AttributionMethod, type AttributionOptions } from '../src/engine/interpret/attribute';
import { synthesizeFeature } from '../src/engine/interpret/featureImage';
import { topImagesOf, type NeuronPortraits } from '../src/engine/interpret/neuronPortraits';
import { portraitPass } from '../src/engine/interpret/portraitPass';
import { nodeRef, type NodeRef } from '../src/engine/model/nodeRef';
import { SeededRandom } from '../src/engine/model/random';
import { loadRun } from '../src/engine/model/runLoader';
import { wasmEngine } from '../src/engine/wasm/wasmAttribution';
import { WasmNetwork } from '../src/engine/wasm/wasmNetwork';
import { pollSleep } from '../src/worker/waitTurn';
import { writeReportSection } from './benchmarkReport';
import { measureInPage, type PageFigures } from './interpretInPage';
import { loadMnistSplit } from './mnistFiles';

const { values: args } = parseArgs({
  options: { repeats: { type: 'string', default: '15' }, 'no-page': { type: 'boolean', default: false } },
});
const repeats = Number(args.repeats);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = (job: () => unknown) => {
  const started = performance.now();
  job();
  return performance.now() - started;
};

const METHODS: (readonly [string, AttributionMethod, AttributionOptions, number])[] = [
  ['gradient', 'gradient', {}, 16],
  ['Grad-CAM (c3)', 'gradcam', { layer: 'c3' }, 16],
  ['integrated gradients (32 steps)', 'integrated', { steps: 32 }, 150],
  ['SmoothGrad (32)', 'smoothgrad', { samples: 32 }, 150],
  ['occlusion (p = 4, 841 passes)', 'occlusion', { patch: 4 }, 150],
];

const dir = join(import.meta.dirname, '..', 'public', 'models', 'lenet5-default');
const run = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
const test = loadMnistSplit('test');
const network = new WasmNetwork();
network.load(run.manifest.architecture, run.checkpoints[run.checkpoints.length - 1], null);
const engine = wasmEngine(network);
const input = new Float32Array(1024);
mnistToInput(test.images, 0, input);
const load = loadavg()[0].toFixed(1);

const node: Record<string, number> = {};
for (const [name, method, options] of METHODS) {
  attribute(engine, input, method, options); // warm-up
  node[name] = median(Array.from({ length: repeats }, () => time(() => attribute(engine, input, method, options))));
}
let portraits: NeuronPortraits | null = null;
const passes: number[] = [],
  yielding: number[] = [];
for (let r = 0; r < 3; r++) {
  let started = performance.now();
  portraits = await portraitPass(engine, test, test.count, async () => {});
  passes.push(performance.now() - started);
  started = performance.now();
  await portraitPass(engine, test, test.count, pollSleep);
  yielding.push(performance.now() - started);
}
const random = new SeededRandom(5);
const nodes: NodeRef[] = Array.from({ length: 1000 }, () => {
  const layer = engine.layers[1 + random.int(engine.layers.length - 1)];
  return nodeRef(layer, random.int(layer.shape[0] * layer.shape[1] * layer.shape[2]));
});
const topImages = median(nodes.map((n) => time(() => topImagesOf(portraits!, engine.layers, n, 9))));
const featureNodes = ['c1', 's2', 'c3', 's4', 'c5', 'f6', 'output'].flatMap((id) => {
  const layer = engine.layers.find((l) => l.id === id)!;
  const size = layer.shape[0] * layer.shape[1] * layer.shape[2];
  return [nodeRef(layer, Math.floor(size / 4)), nodeRef(layer, Math.floor((3 * size) / 4))];
});
const featureImage = median(featureNodes.map((n) => time(() => synthesizeFeature(engine, n))));

let page: PageFigures | null = null;
if (!args['no-page']) {
  page = await measureInPage(
    METHODS.map(([name, method, options]) => [name, method, options] as const),
    repeats,
    featureNodes,
  );
}
const loadAfter = loadavg()[0].toFixed(1);

const fmt = (ms: number | undefined) =>
  ms === undefined ? '-' : ms < 0.1 ? '< 0.1' : ms < 10 ? ms.toFixed(2) : ms.toFixed(0);
const rows = [
  ...METHODS.map(([name, , , target]) => [name, target, node[name], page?.attribution[name]] as const),
  [
    'portrait pass over 10,000 test images (sleeping 1 ms after every 20 ms, as the worker does)',
    3000,
    median(yielding),
    page?.portraitPass,
  ] as const,
  ["a portrait's 9 top digits after the pass", 5, topImages, page?.topImages] as const,
  ['feature image (200 steps; median over 14 nodes of c1 … output)', 500, featureImage, page?.featureImage] as const,
];
const table = rows.map(
  ([name, target, inNode, inPage]) =>
    `| ${name} | ≤ ${target} | ${fmt(inNode)} | ${page ? fmt(inPage) : 'not measured'} |`,
);
const report = `## Attribution, neuron portraits and feature images (\`npm run bench:interpret\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, shared;
load average ${load} before, ${loadAfter} after), the WebAssembly engine, the shipped modern run's last checkpoint,
MNIST test digit 0 as the input; medians of ${repeats} (attributions), 3 (portrait pass), 1,000 nodes (top digits).
Node: the engine called directly (Node ${process.versions.node}). Chromium: the app's engine worker on
\`?backend=wasm\`${page ? ` (backend ${page.backend})` : ''}, timed in the page around each \`window.lenet\` call, so
with the round trip and the copy of the answer; the page's portrait figure is the first \`topImages\` of a checkpoint
(the pass, then the transfer of its 3.6 MB), its top-digits figure a later call (a lookup in the page).
The portrait pass without yielding took ${fmt(median(passes))} ms in Node.

| what | target, ms | Node, ms | Chromium worker, ms |
|---|---|---|---|
${table.join('\n')}
`;
writeReportSection('interpret', report);
console.log(report);
