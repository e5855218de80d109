/**
 * `npm run bench:load`: builds the app (`vite build`), serves the build with `vite preview` and measures first
 * visits at 390x844 in fresh browser contexts of Debian's Chromium, unthrottled and on the throttled profile of
 * issue 21 (9 Mbit/s down, 150 ms latency, CPU 4x slower): the bytes sent before `window.lenet.ready` (as
 * served: compressed, headers included), the requests, and the time from navigation to ready (the first reading
 * of a drawing). Prints the figures and writes them to docs/benchmarks.md.
 *
 * `-- --baseline <git-rev>` also builds that revision (`git archive` into a temporary folder, node_modules and
 * public/data linked in) and measures it in the same session, alternately; `--runs N` visits per app and profile
 * (default 3, median reported).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM, CHROMIUM_FLAGS } from '../vitest.config';
import { writeReportSection } from './benchmarkReport';
import { measureFirstVisit, ServerLog, THROTTLED, type LoadFigures } from './loadMeasure';

const ROOT = join(import.meta.dirname, '..');
const VIEWPORT = { width: 390, height: 844 };
const argument = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const baselineRev = argument('baseline');
const runs = Number(argument('runs') ?? 3);

/** A built app being served. */
interface App {
  readonly name: string;
  readonly server: PreviewServer;
  readonly log: ServerLog;
  readonly url: string;
}

/** `rev`'s tree in a temporary folder, ready to build; returns its path. */
function checkOut(rev: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lenet-load-baseline-'));
  execFileSync('bash', ['-c', `git archive ${rev} | tar -x -C ${dir}`], { cwd: ROOT, stdio: 'inherit' });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  symlinkSync(join(ROOT, 'public', 'data'), join(dir, 'public', 'data'), 'dir');
  return dir;
}

/** Builds the app in `root` (its WebAssembly engine first) and serves the build on a free port. */
async function buildAndServe(name: string, root: string): Promise<App> {
  execFileSync('npx', ['tsx', 'scripts/buildWasm.ts'], { cwd: root, stdio: 'inherit' });
  const configFile = join(root, 'vite.config.ts');
  await build({ root, configFile, logLevel: 'warn' });
  const server = await preview({ root, configFile, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  const log = new ServerLog(server.httpServer as Server);
  return { name, server, log, url: server.resolvedUrls!.local[0] };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
const PROFILES = [
  { name: 'unthrottled', throttled: false },
  { name: 'throttled', throttled: true },
] as const;

async function main(): Promise<void> {
  const baselineDir = baselineRev ? checkOut(baselineRev) : null;
  const loadBefore = loadavg()[0];
  const apps: App[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  try {
    if (baselineDir) apps.push(await buildAndServe(`baseline ${baselineRev}`, baselineDir));
    apps.push(await buildAndServe('current', ROOT));
    const figures = new Map<string, LoadFigures[]>();
    for (let run = 0; run < runs; run++) {
      for (const app of run % 2 === 0 ? apps : [...apps].reverse()) {
        for (const profile of PROFILES) {
          const result = await measureFirstVisit(browser, app.url, app.log, profile.throttled, VIEWPORT);
          const key = `${app.name}|${profile.name}`;
          figures.set(key, [...(figures.get(key) ?? []), result]);
          console.log(
            `${app.name}, ${profile.name}, visit ${run + 1}: ${kB(result.bytes)} in ${result.requests} requests, ready after ${(result.readyMs / 1000).toFixed(2)} s (${result.backend})`,
          );
        }
      }
    }
    const section = report(apps, figures, [loadBefore, loadavg()[0]]);
    console.log(`\n${section}`);
    writeReportSection('bench-load', section);
  } finally {
    await browser.close();
    for (const app of apps) await app.server.close();
    if (baselineDir) rmSync(baselineDir, { recursive: true, force: true });
  }
}

function report(apps: App[], figures: Map<string, LoadFigures[]>, load: readonly number[]): string {
  const rows = apps.flatMap((app) =>
    PROFILES.map((profile) => {
      const list = figures.get(`${app.name}|${profile.name}`)!;
      const bytes = median(list.map((f) => f.bytes));
      const requests = median(list.map((f) => f.requests));
      const ready = median(list.map((f) => f.readyMs)) / 1000;
      return `| ${app.name} | ${profile.name} | ${kB(bytes)} | ${requests} | ${ready.toFixed(2)} s |`;
    }),
  );
  const current = figures.get('current|throttled')!;
  const largest = current[0].largest.map((l) => `\`${l.path}\` ${kB(l.bytes)}`).join(', ');
  const command = `npm run bench:load${baselineRev ? ` -- --baseline ${baselineRev}` : ''}`;
  return `## First visit: bytes, requests and time to the first reading (\`${command}\`)

Measured ${new Date().toISOString().slice(0, 10)}: \`vite build\`, served by \`vite preview\`, Debian's Chromium headless at
${VIEWPORT.width}x${VIEWPORT.height} (device pixel ratio 1), a fresh browser context per visit (empty cache, no service worker),
engine backend \`${current[0].backend}\` (software WebGL2: no GPU here). Bytes are what the server sent (headers and
bodies, compressed as served) for the requests made before \`window.lenet.ready\`; the time is from navigation to
ready. Throttled: Chrome DevTools Protocol, ${THROTTLED.downloadBitsPerSecond / 1e6} Mbit/s down, ${THROTTLED.latencyMs} ms latency, CPU ${THROTTLED.cpuSlowdown}x slower.
Median of ${runs} visit(s) per row${baselineRev ? ', the apps visited alternately in one session' : ''}. Budget (issue 21): 1.5 MB and 4 s throttled.
The machine (${cpus().length} cores) was shared: load average ${load[0].toFixed(1)} as the run began, ${load[1].toFixed(1)} as it ended; the
times are for comparing the rows, not absolute.

| app | profile | bytes before ready | requests | time to ready |
|---|---|---|---|---|
${rows.join('\n')}

Largest responses before ready (current, throttled): ${largest}.
`;
}

await main();
