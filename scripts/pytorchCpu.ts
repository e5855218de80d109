/**
 * Native PyTorch on this machine's CPU, measured by scripts/benchPytorch.py in a child process: the
 * comparison `npm run bench:pytorch`, `npm run bench:reference` and `npm run bench` print our ratio to.
 * The python is `$PYTHON`, else the first of `python3` and `/usr/bin/python3` (Debian's `python3-torch`)
 * that imports torch; where none does, the comparison is skipped with that message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'benchPytorch.py');

/** One thread count's figures. */
export interface PytorchMeasurement {
  readonly threads: number;
  /** Training images/s by batch size (as a string key). */
  readonly train: Record<string, number>;
  /** Median ms of one image's forward pass, no gradient. */
  readonly inferMs: number;
}

/** What one run of the PyTorch benchmark found: every thread count, and the best of them. */
export interface PytorchResult {
  readonly date: string;
  readonly torchVersion: string;
  readonly python: string;
  readonly executable: string;
  readonly defaultThreads: number;
  readonly secondsPerMeasurement: number;
  readonly measurements: readonly PytorchMeasurement[];
  /** Per batch size the fastest thread count's images/s, and the fastest inference. */
  readonly best: { readonly train: Record<string, number>; readonly inferMs: number };
  /** Which thread count gave each best figure. */
  readonly bestThreads: Record<string, number>;
}

/** The best figure over thread counts, for each batch size and for inference. */
function bestOf(measurements: readonly PytorchMeasurement[]): Pick<PytorchResult, 'best' | 'bestThreads'> {
  const train: Record<string, number> = {};
  const bestThreads: Record<string, number> = {};
  for (const m of measurements) {
    for (const [batch, rate] of Object.entries(m.train)) {
      if (!(rate <= (train[batch] ?? 0))) {
        train[batch] = rate;
        bestThreads[batch] = m.threads;
      }
    }
  }
  const fastest = measurements.reduce((a, b) => (b.inferMs < a.inferMs ? b : a));
  bestThreads.infer = fastest.threads;
  return { best: { train, inferMs: fastest.inferMs }, bestThreads };
}

function pythonWithTorch(): string | null {
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : ['python3', '/usr/bin/python3'];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return null;
}

/**
 * Runs the PyTorch benchmark (about 2 x batch sizes x thread counts x `seconds`); returns its result,
 * or a sentence saying why it was skipped.
 */
export function measurePytorch(seconds = 6, batchSizes: readonly number[] = [64, 256]): PytorchResult | string {
  const python = pythonWithTorch();
  if (!python) {
    return (
      'PyTorch comparison skipped: no python with torch found (tried ' +
      `${process.env.PYTHON ?? 'python3, /usr/bin/python3'}; on Debian: apt-get install python3-torch, or set PYTHON)`
    );
  }
  const child = spawnSync(python, [SCRIPT, '--seconds', String(seconds), '--batch-sizes', batchSizes.join(',')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 30 * 60_000,
  });
  if (child.status !== 0) return `PyTorch comparison skipped: ${python} ${SCRIPT} exited with ${child.status}`;
  const raw = JSON.parse(child.stdout.trim().split('\n').pop()!) as Omit<
    PytorchResult,
    'date' | 'best' | 'bestThreads'
  >;
  return { date: new Date().toISOString(), ...raw, ...bestOf(raw.measurements) };
}

/** A result written earlier by `npm run bench:pytorch -- --out FILE`. */
export function readPytorchResult(file: string): PytorchResult {
  if (!existsSync(file)) throw new Error(`${file} does not exist (write it with npm run bench:pytorch -- --out FILE)`);
  const result = JSON.parse(readFileSync(file, 'utf8')) as PytorchResult;
  if (!result.best?.train || typeof result.best.inferMs !== 'number')
    throw new Error(`${file} is not a result of npm run bench:pytorch`);
  return result;
}

/** One line naming what was measured, for reports: version, threads, date. */
export function describePytorch(result: PytorchResult): string {
  const threads = Object.entries(result.bestThreads)
    .map(([what, n]) => `${what === 'infer' ? 'inference' : `batch ${what}`}: ${n}`)
    .join(', ');
  return (
    `PyTorch ${result.torchVersion} (${result.executable}), CPU, best of ${result.measurements.map((m) => m.threads).join(' / ')} ` +
    `threads (default ${result.defaultThreads}; best at ${threads}), measured ${result.date.slice(0, 16).replace('T', ' ')} UTC`
  );
}
