/**
 * `npm run feature-share [-- --per-layer N] [--run lenet5-default] [--png DIR]`: how often the feature image
 * (activation maximization, src/engine/interpret/featureImage.ts) excites its node at least as much as the
 * best of the 10,000 MNIST test digits, on a shipped run's last checkpoint, over N seeded random nodes of
 * every layer (all of a layer's nodes when it has fewer), on the WebAssembly engine. Prints the share per
 * layer and overall; with --png, writes per layer a sheet of feature images (top row) above each node's best
 * test digit (bottom row) to DIR/feature-<layer>.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
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

console.log(`${args.run}, last checkpoint; feature settings ${JSON.stringify(settings)}`);
let total = 0,
  passed = 0,
  milliseconds = 0;
const shares: string[] = [];
for (const [l, layer] of engine.layers.entries()) {
  const size = starts[l + 1] - starts[l];
  const picks = size <= perLayer ? [...Array(size).keys()] : random.shuffle([...Array(size).keys()]).slice(0, perLayer);
  const nodes: NodeRef[] = picks.map((i) => nodeRef(layer, i));
  const features: Float32Array[] = [],
    digits: Float32Array[] = [];
  let layerPassed = 0;
  for (const node of nodes) {
    const started = performance.now();
    const feature = synthesizeFeature(engine, node, settings);
    milliseconds += performance.now() - started;
    const [best] = topImagesOf(portraits, engine.layers, node, 1);
    if (feature.value >= best.value) layerPassed++;
    features.push(feature.image);
    const digit = new Float32Array(1024);
    mnistToInput(test.images, best.index, digit);
    digits.push(digit);
    if (feature.value < best.value)
      console.log(
        `  ${layer.id} ${node.c},${node.y},${node.x}: feature ${feature.value.toPrecision(5)} < best digit ${best.value.toPrecision(5)} (#${best.index})`,
      );
  }
  total += nodes.length;
  passed += layerPassed;
  shares.push(`${layer.id} ${layerPassed}/${nodes.length}`);
  if (args.png) {
    mkdirSync(args.png, { recursive: true });
    const sheet = inputSheet([...features, ...digits], nodes.length, 3);
    writeGrayPng(join(args.png, `feature-${layer.id}.png`), sheet.width, sheet.height, sheet.pixels);
  }
}
console.log(`per layer: ${shares.join(', ')}`);
console.log(
  `feature image >= best test digit: ${passed}/${total} nodes (${((100 * passed) / total).toFixed(1)}%), ` +
    `${(milliseconds / total).toFixed(0)} ms per feature image`,
);
