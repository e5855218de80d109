/** `npm run bench`'s command line: its usage text and the parsed command (scripts/bench.ts). */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchOptions } from '../bench/benchResults';
import { ENGINE_NAMES, type EngineName } from '../bench/engineBench';

/** The usage text printed with --help and after a usage error. */
export const USAGE = `Usage: npm run bench -- --out FILE [options]
  --out FILE        where the results JSON is written (required)
  --seconds N       seconds per training measurement (default 8)
  --engines a,b     engines to run, from ${ENGINE_NAMES.join(', ')} (default all)
  --strict          exit 1 if any engine fails (default: only if every engine fails)
  --pytorch FILE    read native PyTorch's figures from FILE (npm run bench:pytorch -- --out FILE) instead of
                    measuring them after the browser run
  --no-pytorch      leave PyTorch out`;

/** A problem with the command line; the usage is printed after its message. */
export class UsageError extends Error {}

/** What one bench run is asked to do. */
export interface BenchCommand {
  outFile: string;
  options: BenchOptions;
  strict: boolean;
  /** A result file to read, `measure` (after the browser run) or `skip`. */
  pytorch: string;
}

/** Parses the command line; throws UsageError on a bad one. */
export function parseBenchArgs(argv: string[]): BenchCommand | 'help' {
  const options = {
    out: { type: 'string' },
    seconds: { type: 'string' },
    engines: { type: 'string' },
    strict: { type: 'boolean' },
    pytorch: { type: 'string' },
    'no-pytorch': { type: 'boolean' },
    help: { type: 'boolean' },
  } as const;
  let values: ReturnType<typeof parseArgs<{ args: string[]; strict: true; options: typeof options }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  if (!values.out) throw new UsageError('--out FILE is required (where the results JSON is written)');
  const seconds = values.seconds === undefined ? 8 : Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--seconds ${values.seconds}: expected a positive number`);
  const engines = values.engines === undefined ? [...ENGINE_NAMES] : values.engines.split(',').map((e) => e.trim());
  const unknown = engines.filter((e) => !(ENGINE_NAMES as readonly string[]).includes(e));
  if (unknown.length > 0 || engines.length === 0) {
    throw new UsageError(
      `--engines ${values.engines}: expected a comma-separated list from ${ENGINE_NAMES.join(', ')}`,
    );
  }
  return {
    outFile: resolve(values.out),
    options: { seconds, engines: engines as EngineName[], batchSizes: [64, 256], inferSamples: 300 },
    strict: values.strict === true,
    pytorch: values['no-pytorch'] ? 'skip' : (values.pytorch ?? 'measure'),
  };
}
