/**
 * `npm run feature-share [-- --per-layer N] [--run lenet5-default] [--png DIR]`: how often the feature image
 * (activation maximization, src/engine/interpret/featureImage.ts) excites its node at least as much as the
 * best of the 10,000 MNIST test digits, on a shipped run's last checkpoint, over N seeded random nodes of
 * every layer (all of a layer's nodes when it has fewer), on the WebAssembly engine. Prints the share per
 * layer, overall with and without the input layer (a pixel's feature image is that pixel, so it passes
 * trivially), and the layers below two thirds, and writes them as the section feature-share-<run> of
 * docs/benchmarks.md; with --png, writes per layer a sheet of feature images (top row) above each node's best
 * test digit (bottom row) to DIR/feature-<layer>.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mnistToInput } from '../src/engine/data/mnistInput';
import { DEFAULT_FEATURE_SETTINGS, synthesizeFeature } from '../src/engine/interpret/featureImage';
import { layerStarts, topImagesOf } from '../src/engine/interpret/neuronPortraits';
import { portraitPass } from '../src/engine/interpret/portraitPass';
import { nodeRef, type NodeRef } from '../src/engine/model/nodeRef';
import { SeededRandom } from '../src/engine/model/random';
import { loadRun } from '../src/engine/model/runLoader';
import { wasmEngine } from '../src/engine/wasm/wasmAttribution';
import { WasmNetwork } from '../src/engine/wasm/wasmNetwork';
import { writeReportSection } from './benchmarkReport';
import { loadMnistSplit } from './mnistFiles';
import { inputSheet, writeGrayPng } from './pngFile';

const { values: args } = parseArgs({
  options: {
    'per-layer': { type: 'string', default: '10' },
    run: { type: 'string', default: 'lenet5-default' },
    png: { type: 'string' },
    settings: { type: 'string', default: '{}' },
  },
});
const perLayer = Number(args['per-layer']);
const settings = { ...DEFAULT_FEATURE_SETTINGS, ...(JSON.parse(args.settings) as object) };
const dir = join('public', 'models', args.run);
const run = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
const test = loadMnistSplit('test');
const network = new WasmNetwork();
network.load(run.manifest.architecture, run.checkpoints[run.checkpoints.length - 1], null);
const engine = wasmEngine(network);
const portraits = await portraitPass(engine, test, test.count, async () => {});
const starts = layerStarts(engine.layers);
const random = new SeededRandom(2024);
const loadBefore = loadavg()[0].toFixed(1);
const started = new Date();

const misses: string[] = [];
const rows: { layer: string; nodes: number; passed: number }[] = [];
let milliseconds = 0,
  synthesized = 0;
for (const [l, layer] of engine.layers.entries()) {
  const size = starts[l + 1] - starts[l];
  const picks = size <= perLayer ? [...Array(size).keys()] : random.shuffle([...Array(size).keys()]).slice(0, perLayer);
  const nodes: NodeRef[] = picks.map((i) => nodeRef(layer, i));
  const features: Float32Array[] = [],
    digits: Float32Array[] = [];
  let layerPassed = 0;
  for (const node of nodes) {
    const begun = performance.now();
    const feature = synthesizeFeature(engine, node, settings);
    if (l > 0) {
      milliseconds += performance.now() - begun;
      synthesized++;
    }
    const [best] = topImagesOf(portraits, engine.layers, node, 1);
    if (feature.value >= best.value) layerPassed++;
    features.push(feature.image);
    const digit = new Float32Array(1024);
    mnistToInput(test.images, best.index, digit);
    digits.push(digit);
    if (feature.value < best.value)
      misses.push(
        `${layer.id} ${node.c},${node.y},${node.x}: feature ${feature.value.toPrecision(5)} < best digit ${best.value.toPrecision(5)} (#${best.index}), short by ${(best.value - feature.value).toExponential(1)}`,
      );
  }
  rows.push({ layer: layer.id, nodes: nodes.length, passed: layerPassed });
  if (args.png) {
    mkdirSync(args.png, { recursive: true });
    const sheet = inputSheet([...features, ...digits], nodes.length, 3);
    writeGrayPng(join(args.png, `feature-${layer.id}.png`), sheet.width, sheet.height, sheet.pixels);
  }
}

const percent = (passed: number, nodes: number) => `${((100 * passed) / nodes).toFixed(1)}%`;
const sum = (list: typeof rows) =>
  list.reduce((a, r) => ({ nodes: a.nodes + r.nodes, passed: a.passed + r.passed }), { nodes: 0, passed: 0 });
const all = sum(rows),
  learned = sum(rows.slice(1));
const below = rows.filter((r) => 3 * r.passed < 2 * r.nodes).map((r) => `${r.layer} (${percent(r.passed, r.nodes)})`);
const command = `npm run feature-share${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const report = `## Feature images against the best test digit (\`${command}\`)

Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores,
shared; load average ${loadBefore} before, ${loadavg()[0].toFixed(1)} after), the WebAssembly engine in Node
${process.versions.node}, the shipped run \`${args.run}\`'s last checkpoint. For ${perLayer} seeded random nodes of every
layer (seed 2024; all of a layer's nodes when it has fewer): is the node's value on its feature image at least its
value on the best of the ${portraits.images.toLocaleString('en')} test digits? The issue's bar is two thirds of the nodes in every layer.
An input node's feature image is its own pixel at 1 (the most a pixel can be), so it passes trivially: the overall
share is given with and without the input layer. Feature settings: \`${JSON.stringify(settings)}\`.

| layer | nodes | feature image ≥ best test digit | share |
|---|---|---|---|
${rows.map((r, l) => `| ${r.layer}${l === 0 ? ' (trivial)' : ''} | ${r.nodes} | ${r.passed} | ${percent(r.passed, r.nodes)} |`).join('\n')}
| all layers | ${all.nodes} | ${all.passed} | ${percent(all.passed, all.nodes)} |
| all but the input | ${learned.nodes} | ${learned.passed} | ${percent(learned.passed, learned.nodes)} |

Layers below two thirds: ${below.length ? below.join(', ') : 'none'}. Nodes whose feature image falls short:
${misses.length ? misses.map((m) => `- ${m}`).join('\n') : '- none'}

${(milliseconds / synthesized).toFixed(0)} ms per feature image (mean over the ${synthesized} nodes outside the input layer).
`;
writeReportSection(`feature-share-${args.run}`, report);
console.log(report);
