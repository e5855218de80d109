/**
 * `npm run bench -- --out FILE [--seconds N] [--engines a,b] [--strict] [--pytorch FILE | --no-pytorch]`: serves
 * bench/index.html with Vite, opens it in Debian's headless Chromium (software WebGL2 through SwiftShader),
 * measures every engine there, then native PyTorch on the same CPU (scripts/pytorchCpu.ts; or reads a result
 * of `npm run bench:pytorch -- --out FILE`), writes the results JSON to FILE and prints them as a table of
 * speed ratios.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import type { BenchOptions, BenchResults, PytorchFigures } from '../bench/benchResults';
import { benchmarkMarkdown } from '../bench/markdownReport';
import { formatResultsTable } from '../bench/resultsTable';
import { parseBenchArgs, USAGE, UsageError } from './benchArgs';
import { writeReportSection } from './benchmarkReport';
import { describePytorch, measurePytorch, readPytorchResult } from './pytorchCpu';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-sandbox',
];
/** Cross-origin isolation, so SharedArrayBuffer exists and tfjs-wasm can use its threaded build. */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
const OVERALL_TIMEOUT_MS = 15 * 60_000;
const PAGE_READY_TIMEOUT_MS = 3 * 60_000;

/** A TCP port nobody is listening on at the moment. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function startVite(): Promise<{ server: ViteDevServer; url: string }> {
  const port = await freePort();
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null, headers: ISOLATION_HEADERS },
    // Pre-bundle tfjs up front so a late discovery cannot reload the page in the middle of a run.
    optimizeDeps: { entries: ['bench/index.html'], include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'] },
  });
  await server.listen();
  return { server, url: `http://127.0.0.1:${port}/bench/index.html` };
}

/** Opens the bench page, runs `window.runBenchmarks(options)` there and returns its results. */
async function runInChromium(context: BrowserContext, url: string, options: BenchOptions): Promise<BenchResults> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => console.log(`[page ${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) console.error(`[page] HTTP ${response.status()} for ${response.url()}`);
  });
  const crashed = new Promise<never>((_, reject) =>
    page.once('crash', () => reject(new Error('the Chromium page crashed'))),
  );
  await page.goto(url, { waitUntil: 'load', timeout: PAGE_READY_TIMEOUT_MS });
  await page
    .waitForFunction(() => typeof window.runBenchmarks === 'function', undefined, { timeout: PAGE_READY_TIMEOUT_MS })
    .catch(() => {
      throw new Error(`${url} never defined window.runBenchmarks (see the page errors above)`);
    });
  return Promise.race([
    page.evaluate((opts) => {
      if (!window.runBenchmarks) throw new Error('window.runBenchmarks is missing');
      return window.runBenchmarks(opts);
    }, options),
    crashed,
  ]);
}

function checkResults(results: BenchResults): void {
  if (
    typeof results?.renderer !== 'string' ||
    typeof results.trainImagesPerSecond !== 'object' ||
    typeof results.inferMs !== 'object'
  ) {
    throw new Error('the page returned results without renderer, trainImagesPerSecond or inferMs');
  }
}

/** Native PyTorch's best figures on this CPU: measured now, read from a file, or skipped. */
function pytorchFigures(source: string): PytorchFigures | { skipped: string } {
  if (source === 'skip') return { skipped: 'left out with --no-pytorch' };
  if (source === 'measure') console.log('bench: measuring native PyTorch on this CPU (npm run bench:pytorch)');
  const result = source === 'measure' ? measurePytorch() : readPytorchResult(source);
  if (typeof result === 'string') return { skipped: result };
  const description =
    source === 'measure' ? describePytorch(result) : `${describePytorch(result)}, read from ${source}`;
  return { description, train: result.best.train, inferMs: result.best.inferMs };
}

function printPytorchRatios(results: BenchResults, pytorch: PytorchFigures): void {
  console.log(`bench: ${pytorch.description}: ${JSON.stringify(pytorch.train)} images/s, ${pytorch.inferMs} ms`);
  for (const [name, train] of Object.entries(results.trainImagesPerSecond)) {
    const ratios = Object.entries(train)
      .map(([batch, rate]) => `${(rate / (pytorch.train[batch] ?? NaN)).toFixed(2)}x at batch ${batch}`)
      .join(', ');
    console.log(`bench: ${name} trains at ${ratios} native PyTorch's speed on this CPU`);
  }
}

async function main(argv: string[]): Promise<number> {
  const command = parseBenchArgs(argv);
  if (command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found; install Debian's Chromium with: apt-get install chromium`);
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'lenet5-bench-profile-'));
  let server: ViteDevServer | null = null;
  let context: BrowserContext | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const vite = await startVite();
    server = vite.server;
    console.log(`bench: serving ${vite.url}`);
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    console.log(
      `bench: Chromium ${context.browser()?.version() ?? ''}, ${command.options.seconds} s per training measurement, ` +
        `engines ${command.options.engines.join(', ')}`,
    );
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${OVERALL_TIMEOUT_MS / 60_000} minutes`)),
        OVERALL_TIMEOUT_MS,
      );
    });
    const results = await Promise.race([runInChromium(context, vite.url, command.options), timeout]);
    checkResults(results);
    results.pytorch = pytorchFigures(command.pytorch);
    if ('train' in results.pytorch) printPytorchRatios(results, results.pytorch);
    else console.log(`bench: ${results.pytorch.skipped}`);
    mkdirSync(dirname(command.outFile), { recursive: true });
    writeFileSync(command.outFile, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${formatResultsTable(results)}\n\nbench: results written to ${command.outFile}`);
    writeReportSection('browser', benchmarkMarkdown(results));
    console.log('bench: docs/benchmarks.md updated');
    const failed = Object.keys(results.errors);
    const measured = command.options.engines.filter((name) => results.trainImagesPerSecond[name] !== undefined);
    if (measured.length === 0) {
      console.error('bench: every engine failed (see the errors above)');
      return 1;
    }
    if (command.strict && failed.length > 0) {
      console.error(`bench: --strict and ${failed.join(', ')} failed`);
      return 1;
    }
    return 0;
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exit(1);
  },
);
