/**
 * `npm run bench:ui`: frames per second of the app idle, while drawing, while hovering nodes and while
 * training, and the latency from a pointer event on the pad to the frame that shows its activations
 * (median and 95th percentile), in headless Chromium at 1400x860. Prints the figures and writes them
 * to docs/benchmarks.md.
 *
 * `npm run bench:ui -- --baseline <git-rev>` also checks that revision out into a temporary git
 * worktree (node_modules and public/data linked in, its WebAssembly engine built), serves both apps
 * and measures them alternately in the same session (rounds in the order ABBA, so drifting machine
 * load falls on both), reporting the median of the rounds for each and their ratio. Options:
 * `--rounds N` (default 3, 1 without a baseline), `--seconds S` per measurement (default 6),
 * `--webgl2` / `--cpu` to force an engine backend.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import type {} from '../src/ui/automation/automationApi'; // declares window.lenet
import { CHROMIUM, CHROMIUM_FLAGS } from '../vitest.config';
import { writeReportSection } from './benchmarkReport';
import { measure, quantile, type Figures } from './benchUiMeasure';

const ROOT = join(import.meta.dirname, '..');
const VIEWPORT = { width: 1400, height: 860 };
const argument = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const baselineRev = argument('baseline');
const rounds = Number(argument('rounds') ?? (baselineRev ? 3 : 1));
const seconds = Number(argument('seconds') ?? 6);
const backendFlag = process.argv.includes('--webgl2') ? 'webgl2' : process.argv.includes('--cpu') ? 'cpu' : null;
const search = backendFlag ? `?backend=${backendFlag}` : '';

/** One app under test: its dev server, browser and page. */
interface App {
  readonly name: string;
  readonly server: ViteDevServer;
  readonly browser: Browser;
  readonly page: Page;
}

/** Serves the app in `root` (its own Vite cache, no reloads) and opens it in a fresh Chromium. */
async function startApp(name: string, root: string): Promise<App> {
  const server = await createServer({
    root,
    configFile: join(root, 'vite.config.ts'),
    cacheDir: join(root, 'node_modules', `.vite-bench-${name}`),
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    logLevel: 'error',
  });
  await server.listen();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  const page = await (await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })).newPage();
  page.on('pageerror', (error) => console.error(`[${name} page error] ${error.message}`));
  await page.goto(`${server.resolvedUrls!.local[0]}${search}`);
  await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 180_000 });
  await page.evaluate(() => window.lenet.ready);
  return { name, server, browser, page };
}

/** Checks `rev` out into a temporary worktree ready to serve; returns its path. */
function prepareWorktree(rev: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lenet-baseline-'));
  execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { cwd: ROOT, stdio: 'inherit' });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  symlinkSync(join(ROOT, 'public', 'data'), join(dir, 'public', 'data'), 'dir');
  execFileSync('npx', ['tsx', 'scripts/buildWasm.ts'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

/** What the report says about the page: backend, renderer, the 3D canvas's size and pixel ratio. */
async function describe(page: Page): Promise<{ backend: string; renderer: string; canvas: string }> {
  const backend = String(await page.evaluate(() => window.lenet.state().backend));
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'no WebGL2';
  });
  const canvas = await page.evaluate(() => {
    const element = document.querySelector<HTMLCanvasElement>('.network-canvas canvas');
    return element
      ? `${element.clientWidth}x${element.clientHeight} CSS px at pixel ratio ${(element.width / element.clientWidth).toFixed(2)}`
      : 'none';
  });
  return { backend, renderer, canvas };
}

const median = (values: number[]) => quantile(values, 0.5);
const ROWS: [string, string, number][] = [
  ['frames per second, idle', 'idle', 1],
  ['3D frames rendered per second, idle', 'idle3d', 1],
  ['frames per second, while drawing', 'drawing', 1],
  ['3D frames rendered per second, while drawing', 'drawing3d', 1],
  ['frames per second, while hovering nodes', 'hovering', 1],
  ['3D frames rendered per second, while hovering nodes', 'hovering3d', 1],
  ['frames per second while training on MNIST with the view live', 'training', 1],
  ['3D frames rendered per second meanwhile', 'training3d', 1],
  ["training images/s meanwhile (batch 64, the worker's own count)", 'trainingRate', 0],
  ['pointer event to the frame showing its activations, median (ms)', 'latencyMedian', 1],
  ['same, 95th percentile (ms)', 'latencyP95', 1],
];

function report(
  apps: App[],
  figures: Map<string, Figures[]>,
  about: Map<string, Awaited<ReturnType<typeof describe>>>,
): string {
  const value = (name: string, key: string) => median(figures.get(name)!.map((f) => f[key]));
  const current = about.get('current')!;
  const command = `npm run bench:ui${baselineRev ? ` -- --baseline ${baselineRev}` : ''}${backendFlag ? `${baselineRev ? '' : ' --'} --${backendFlag}` : ''}`;
  const head = baselineRev
    ? `| measure | baseline ${baselineRev} | current | current / baseline |\n|---|---|---|---|`
    : '| measure | value |\n|---|---|';
  const rows = ROWS.map(([label, key, digits]) => {
    const now = value('current', key);
    if (!baselineRev) return `| ${label} | ${now.toFixed(digits)} |`;
    const before = value('baseline', key);
    return `| ${label} | ${before.toFixed(digits)} | ${now.toFixed(digits)} | ${before > 0 ? `${(now / before).toFixed(2)}x` : '–'} |`;
  });
  const canvases = apps.map((app) => `${app.name}: ${about.get(app.name)!.canvas}`).join('; ');
  const twoFrames = 2000 / value('current', 'drawing');
  const p95 = value('current', 'latencyP95');
  const drawings = figures.get('current')!.reduce((sum, f) => sum + f.latencyCount, 0);
  return `## The app in the browser (\`${command}\`)

Measured ${new Date().toISOString().slice(0, 10)} in headless Chromium at ${VIEWPORT.width}x${VIEWPORT.height} (Vite dev server), engine backend \`${current.backend}\`,
renderer \`${current.renderer}\`; ${seconds} s per measurement, mouse driven by Playwright, median of ${rounds} round(s)${
    baselineRev ? `, the baseline and the current tree measured alternately (ABBA) in the same session` : ''
  }. 3D canvas: ${canvases}.

${head}
${rows.join('\n')}

The 3D canvas renders on demand (a new drawing's activations, a hover, a camera move), so idle it renders nothing.
The latencies are read from ${drawings} drawings${baselineRev ? ' (current tree)' : ''}; two frames at the current tree's browser frame rate while
drawing are ${twoFrames.toFixed(1)} ms, and its 95th percentile is ${p95 <= twoFrames ? 'within' : 'beyond'} that. Headless Chromium here renders with SwiftShader on the CPU and reads every composited frame back, so these figures are a
floor, not what a GPU gives.
`;
}

async function main(): Promise<void> {
  const worktree = baselineRev ? prepareWorktree(baselineRev) : null;
  const apps: App[] = [];
  try {
    if (worktree) apps.push(await startApp('baseline', worktree));
    apps.push(await startApp('current', ROOT));
    const figures = new Map(apps.map((app) => [app.name, [] as Figures[]]));
    for (let round = 0; round < rounds; round++) {
      for (const app of round % 2 === 0 ? apps : [...apps].reverse()) {
        const result = await measure(app.page, seconds);
        figures.get(app.name)!.push(result);
        console.log(
          `round ${round + 1} ${app.name}: ${Object.entries(result)
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(', ')}`,
        );
      }
    }
    const about = new Map(await Promise.all(apps.map(async (app) => [app.name, await describe(app.page)] as const)));
    const markdown = report(apps, figures, about);
    writeReportSection(backendFlag ? `ui-${backendFlag}` : 'ui', markdown);
    console.log(markdown);
  } finally {
    for (const app of apps) {
      await app.browser.close();
      await app.server.close();
    }
    if (worktree) {
      execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT, stdio: 'inherit' });
      rmSync(worktree, { recursive: true, force: true });
    }
  }
}

await main();
