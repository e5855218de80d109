/**
 * `npm run bench:probe`: the transform probe's invariance sweeps (17 x 17 shifts = 289 forward passes, 25
 * rotations, 21 scales) and the convolution close-up, against the issue's targets (a sweep ≤ 200 ms on the
 * WebAssembly engine, a close-up within one 60 Hz frame, 16.7 ms). In Node through the engine host over a
 * MessageChannel (the WebAssembly scratch engine beside the reference one, for a ratio), then in headless
 * Chromium through `window.lenet` (worker round trip included; `--node` skips it), and the close-up's render in the page
 * (dev server and production build, scripts/closeUpRender.ts). Prints the figures and writes them to
 * docs/benchmarks.md. Options: `--rounds N` (default 15).
 */
import { cpus, loadavg } from 'node:os';
import { frameFromPass } from '../src/engine/activationFrame';
import { lenet5Layers } from '../src/engine/model/lenet5';
import { SWEEP_KINDS, type SweepKind } from '../src/engine/probe/invarianceSweep';
import { ReferenceNetwork } from '../src/engine/reference/referenceNetwork';
import { convolutionDetail } from '../src/viz/closeup/convolutionDetail';
import { DEFAULT_FACTORIES, type BackendFactories } from '../src/worker/backendFactories';
import { CpuBackend } from '../src/worker/cpuBackend';
import { EngineClient } from '../src/worker/engineClient';
import { serveEngine } from '../src/worker/engineHost';
import { shippedNetwork, testDigit, type ShippedNetwork } from './shippedNetworks';
import { openApp } from './appBrowser';
import { writeReportSection } from './benchmarkReport';
import { closeUpRender, productionCloseUpRender, type CloseUpRender } from './closeUpRender';

const argument = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const ROUNDS = Number(argument('rounds') ?? 15);
const FRAME_MS = 1000 / 60;
const PASSES: Record<SweepKind, number> = { shift: 289, rotate: 25, scale: 21 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

/** Median milliseconds of `rounds` sweeps of each kind through a fresh engine host (after one warm-up each). */
async function nodeSweeps(factories: BackendFactories, networks: ShippedNetwork[], rounds: number) {
  const channel = new MessageChannel();
  const stop = serveEngine(channel.port2 as never, factories);
  const client = new EngineClient(channel.port1 as never);
  await client.start('cpu');
  const figures = {} as Record<SweepKind, number>;
  for (const kind of SWEEP_KINDS) {
    await client.sweepInvariance(testDigit(0), kind, networks);
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const input = testDigit(round + 1);
      const start = performance.now();
      await client.sweepInvariance(input, kind, networks);
      samples.push(performance.now() - start);
    }
    figures[kind] = median(samples);
  }
  client.dispose();
  stop();
  channel.port1.close();
  channel.port2.close();
  return figures;
}

/** Median microseconds of convolutionDetail for a c1 node and a c3 node (all six maps) in Node. */
function nodeCloseUp(network: ShippedNetwork) {
  const layers = lenet5Layers(network.architecture);
  const reference = new ReferenceNetwork(layers, network.architecture.loss, Float32Array.from(network.params));
  const frame = frameFromPass(layers, reference.forward(testDigit(0), 1));
  const time = (layer: string) => {
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const start = performance.now();
      convolutionDetail(layers, frame, network.params, { layer, c: i % 6, y: i % 10, x: (i * 7) % 10 });
      samples.push(performance.now() - start);
    }
    return median(samples.slice(200)) * 1000;
  };
  return { c1: time('c1'), c3: time('c3') };
}

/** The same through window.lenet in headless Chromium on the WebAssembly engine. */
async function browserFigures(rounds: number) {
  const app = await openApp('?backend=wasm', { reloadOnChange: false });
  try {
    const { page } = app;
    const figures = await page.evaluate(
      async ({ kinds, rounds }) => {
        const sweeps: Record<string, number[]> = Object.fromEntries(kinds.map((k) => [k, []]));
        for (let round = 0; round <= rounds; round++) {
          await window.lenet.loadTestDigit(round); // a new input: the page keeps no sweep of it yet
          for (const kind of kinds) {
            const start = performance.now();
            await window.lenet.invarianceSweep(kind);
            if (round > 0) sweeps[kind].push(performance.now() - start); // round 0 warms up
          }
        }
        // No function declared in here: the bundler would wrap it in a helper the page does not have.
        const closeUp: Record<string, number[]> = { c1: [], c3: [] };
        for (const layer of ['c1', 'c3']) {
          for (let i = 0; i < 2000; i++) {
            const start = performance.now();
            window.lenet.convolutionDetail({ layer, c: i % 6, y: i % 10, x: (i * 7) % 10 });
            if (i >= 200) closeUp[layer].push(performance.now() - start);
          }
        }
        return { sweeps, closeUp, backend: window.lenet.state().backend };
      },
      { kinds: [...SWEEP_KINDS], rounds },
    );
    if (figures.backend !== 'wasm') throw new Error(`the page runs the ${figures.backend} engine, not wasm`);
    const render = await closeUpRender(page);
    return {
      render,
      chromium: app.browser.version(),
      sweeps: Object.fromEntries(SWEEP_KINDS.map((k) => [k, median(figures.sweeps[k])])) as Record<SweepKind, number>,
      // performance.now() is coarsened in a page (100 µs here), so the close-up is the mean of 1,800 calls.
      closeUp: {
        c1: (figures.closeUp.c1.reduce((a, b) => a + b, 0) / figures.closeUp.c1.length) * 1000,
        c3: (figures.closeUp.c3.reduce((a, b) => a + b, 0) / figures.closeUp.c3.length) * 1000,
      },
    };
  } finally {
    await app.close();
  }
}

const load = loadavg()[0].toFixed(1);
const modern = await shippedNetwork('lenet5-default');
const classic = await shippedNetwork('lenet5-classic');
const referenceFactories: BackendFactories = { gpu: DEFAULT_FACTORIES.gpu, cpu: () => new CpuBackend() };
console.log(`sweeps in Node, ${ROUNDS} rounds (load ${load}) ...`);
const wasmOne = await nodeSweeps(DEFAULT_FACTORIES, [modern], ROUNDS);
const wasmTwo = await nodeSweeps(DEFAULT_FACTORIES, [modern, classic], ROUNDS);
const referenceOne = await nodeSweeps(referenceFactories, [modern], Math.max(3, Math.floor(ROUNDS / 5)));
const closeUp = { modern: nodeCloseUp(modern), classic: nodeCloseUp(classic) };
const browser = process.argv.includes('--node') ? null : await browserFigures(ROUNDS);
const production: CloseUpRender | null = process.argv.includes('--node') ? null : await productionCloseUpRender();

const rows = SWEEP_KINDS.map((kind) =>
  [
    `${kind} (${PASSES[kind]} passes)`,
    ms(wasmOne[kind]),
    ms(wasmTwo[kind]),
    `${ms(referenceOne[kind])} (${(referenceOne[kind] / wasmOne[kind]).toFixed(1)}x the wasm time)`,
    browser ? ms(browser.sweeps[kind]) : '-',
    '≤ 200',
  ].join(' | '),
);
const markdown = `## Transform probe: invariance sweeps and the convolution close-up (\`npm run bench:probe\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}${
  browser ? `, headless Chromium ${browser.chromium} (\`?backend=wasm\`: engine WebAssembly SIMD (f32x4))` : ''
}; load average ${load} at the start (the machine is shared). Each sweep is one command to the engine worker: every
transformed copy of a test digit read by one forward pass (one \`infer\` per value); medians of ${ROUNDS} sweeps of
different test digits after a warm-up (reference engine: ${Math.max(3, Math.floor(ROUNDS / 5))}). Node: the engine host over a
MessageChannel; the browser: \`await window.lenet.invarianceSweep(kind)\` in the page (worker round trip included).
"Both shipped runs" is what the invariance panel asks for: the selected checkpoint and the other shipped run.

| sweep | wasm, selected checkpoint, ms (Node) | wasm, both shipped runs, ms (Node) | reference, selected checkpoint, ms (Node) | wasm through window.lenet, ms (Chromium) | target, ms |
|---|---|---|---|---|---|
${rows.map((r) => `| ${r} |`).join('\n')}

The convolution close-up (\`convolutionDetail\`: windows, kernels, products and sums of every connected map), µs per
node (Node: median of 1,800 calls; Chromium: mean of 1,800 calls, \`performance.now()\` being coarse in a page), against
one 60 Hz frame (${ms(FRAME_MS)} ms = ${Math.round(FRAME_MS * 1000)} µs):

| node | modern run, Node | classic run (LeCun's C3 table), Node | modern run, Chromium |
|---|---|---|---|
| c1 (1 map) | ${closeUp.modern.c1.toFixed(1)} | ${closeUp.classic.c1.toFixed(1)} | ${browser ? browser.closeUp.c1.toFixed(1) : '-'} |
| c3 (3-6 maps) | ${closeUp.modern.c3.toFixed(1)} | ${closeUp.classic.c3.toFixed(1)} | ${browser ? browser.closeUp.c3.toFixed(1) : '-'} |
${
  browser && production
    ? `
The close-up in the page (src/ui/closeup), in the dev build (React's development code and StrictMode, so every render
runs twice) and in the production build (\`vite build\` served by \`vite preview\`, the same Chromium, a test
digit read): ms from \`window.lenet.focus(node)\` to the close-up's heading naming the node (the whole React update:
the close-up, the tooltip, the view's markers), median of 25 nodes per layer; "folded" is the same with the close-up
folded to its heading, the rest of the page's update, so the difference is the close-up's own cost. Target: one 60 Hz
frame, ${ms(FRAME_MS)} ms.

| node | dev: close-up shown | dev: folded | dev: the close-up's own | production: close-up shown | production: folded | production: the close-up's own |
|---|---|---|---|---|---|---|
${['c1', 'c3', 's2', 'f6']
  .map((layer) => {
    const cells = [browser.render, production].flatMap(({ unfolded, folded }) => [
      ms(unfolded[layer]),
      ms(folded[layer]),
      ms(unfolded[layer] - folded[layer]),
    ]);
    return `| ${layer} | ${cells.join(' | ')} |`;
  })
  .join('\n')}
`
    : ''
}`;
console.log(markdown);
writeReportSection('probe', markdown);
process.exit(0);
