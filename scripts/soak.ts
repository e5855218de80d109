/**
 * `npm run soak -- --minutes N [--train-subset N]`: trains in the page with the view live for N minutes and
 * measures the memory of the page and its workers (performance.measureUserAgentSpecificMemory, on a
 * cross-origin isolated dev server) after every epoch, or every minute when epochs are longer; prints one line
 * per measurement and, at the end, the growth since the first epoch. Exits non-zero when it is 10% or more.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../src/engine/model/lenet5';
import { parameterLayout } from '../src/engine/model/parameters';
import { CROSS_ORIGIN_ISOLATION, drawStrokes, openApp } from './appBrowser';
import { DIGITS } from './digitStrokes';

/** One measurement of the page and its workers. */
export interface SoakSample {
  /** Seconds since training started. */
  readonly seconds: number;
  /** The training epoch reached (fractional) and the checkpoints the page holds. */
  readonly epoch: number;
  readonly checkpoints: number;
  /** Bytes of the page and every worker together, and the dedicated workers' share (null when not broken down). */
  readonly totalBytes: number;
  readonly workerBytes: number | null;
}

/** What a soak run measured. */
export interface SoakResult {
  readonly samples: SoakSample[];
  /** The measurement the growth is counted from: the first one after epoch 1 ended. */
  readonly baselineBytes: number;
  /** The median of the last (up to) three measurements. */
  readonly finalBytes: number;
  /** (final - baseline) / baseline, in percent. */
  readonly growthPercent: number;
  /**
   * The same without the checkpoints' weights the run keeps by design (each checkpoint joins the timeline:
   * `checkpoints x parameters x 4` bytes more per measurement than at the baseline), in percent of the baseline.
   * This is what `npm run soak` holds below 10%.
   */
  readonly unexplainedGrowthPercent: number;
  /** Bytes of one checkpoint's weights. */
  readonly checkpointBytes: number;
  /** The same for the worker's share, when the breakdown gives it. */
  readonly workerGrowthPercent: number | null;
  readonly epochs: number;
  readonly imagesPerSecond: number;
}

export interface SoakOptions {
  readonly minutes: number;
  /** Training images per epoch (`?trainSubset=N`). */
  readonly trainSubset: number;
  /** Where measurement lines go (default: stdout). */
  readonly log?: (line: string) => void;
}

/** The growth at which `npm run soak` fails. */
export const SOAK_LIMIT_PERCENT = 10;

/**
 * Measures in the page after a forced GC (`gc` is exposed by --js-flags=--expose-gc; the eager measurement
 * itself collects the workers' heaps too). A string: tsx would wrap named inner functions in a helper the page lacks.
 */
const MEASURE = `(async () => {
  if (typeof gc === 'function') gc();
  const result = await performance.measureUserAgentSpecificMemory();
  let worker = 0, broken = false;
  for (const entry of result.breakdown) {
    if (entry.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')) { worker += entry.bytes; broken = true; }
  }
  return { total: result.bytes, worker: broken ? worker : null };
})()`;

/** The soak trains the default architecture; every checkpoint the run keeps holds this many bytes of weights. */
const checkpointBytes = parameterLayout(lenet5Layers(DEFAULT_ARCHITECTURE)).size * 4;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** Runs the soak: opens the app cross-origin isolated, draws a seven, trains for `minutes` and measures. */
export async function soak({
  minutes,
  trainSubset,
  log = (line) => console.log(line),
}: SoakOptions): Promise<SoakResult> {
  const app = await openApp(`?trainSubset=${trainSubset}`, {
    headers: CROSS_ORIGIN_ISOLATION,
    reloadOnChange: false,
    chromiumArgs: ['--enable-blink-features=ForceEagerMeasureMemory', '--js-flags=--expose-gc'],
  });
  const { page } = app;
  try {
    if (!(await page.evaluate(() => crossOriginIsolated)))
      throw new Error('the page is not cross-origin isolated: memory cannot be measured');
    await drawStrokes(page, DIGITS.seven);
    await page.waitForFunction(() => window.lenet.state().prediction !== null, null, { timeout: 30_000 });
    const backend = await page.evaluate(() => window.lenet.state().backend);
    log(`soak: ${minutes} min of training on ${trainSubset} images per epoch, ${backend} engine, view live`);
    await page.getByTestId('train-toggle').click();
    await page.waitForFunction(() => window.lenet.state().training.status === 'running', null, { timeout: 180_000 });
    const started = Date.now();
    const deadline = started + minutes * 60_000;
    const samples: SoakSample[] = [];
    let measuredEpoch = 0;
    let measuredAt = started;
    const measure = async () => {
      const { total, worker } = (await page.evaluate(MEASURE)) as { total: number; worker: number | null };
      const state = await page.evaluate(() => window.lenet.state());
      const sample: SoakSample = {
        seconds: (Date.now() - started) / 1000,
        epoch: state.training.epoch,
        checkpoints: state.checkpoints.length,
        totalBytes: total,
        workerBytes: worker,
      };
      samples.push(sample);
      log(
        `${sample.seconds.toFixed(0).padStart(5)} s  epoch ${sample.epoch.toFixed(2).padStart(6)}  checkpoints ${String(sample.checkpoints).padStart(3)}` +
          `  total ${mb(total).padStart(9)}${worker === null ? '' : `  worker ${mb(worker).padStart(9)}`}`,
      );
      measuredAt = Date.now();
    };
    while (Date.now() < deadline) {
      // The next whole epoch's checkpoint, or a minute without one.
      const wait = Math.min(deadline, measuredAt + 60_000) - Date.now();
      const reached = await page
        .waitForFunction(
          (after) => window.lenet.state().checkpoints.some((c) => Number.isInteger(c.epoch) && c.epoch > after),
          measuredEpoch,
          { timeout: Math.max(1, wait), polling: 250 },
        )
        .then(
          () => true,
          () => false,
        );
      if (reached)
        measuredEpoch = await page.evaluate(() =>
          Math.max(
            ...window.lenet
              .state()
              .checkpoints.filter((c) => Number.isInteger(c.epoch))
              .map((c) => c.epoch),
          ),
        );
      if (Date.now() >= deadline && !reached) break;
      if (measuredEpoch >= 1) await measure();
    }
    const state = await page.evaluate(() => window.lenet.state().training);
    await page.getByTestId('train-toggle').click();
    if (samples.length < 2)
      throw new Error(
        `only ${samples.length} measurement(s) after epoch 1 in ${minutes} min: train longer or on a smaller subset`,
      );
    const last = samples.slice(-3);
    const baselineBytes = samples[0].totalBytes;
    const finalBytes = median(last.map((s) => s.totalBytes));
    const growthPercent = (100 * (finalBytes - baselineBytes)) / baselineBytes;
    const kept = (sample: SoakSample) => sample.totalBytes - sample.checkpoints * checkpointBytes;
    const unexplainedGrowthPercent = (100 * (median(last.map(kept)) - kept(samples[0]))) / baselineBytes;
    const workerBase = samples[0].workerBytes;
    const workerGrowthPercent =
      workerBase === null || last.some((s) => s.workerBytes === null)
        ? null
        : (100 * (median(last.map((s) => s.workerBytes!)) - workerBase)) / workerBase;
    return {
      samples,
      baselineBytes,
      finalBytes,
      growthPercent,
      unexplainedGrowthPercent,
      checkpointBytes,
      workerGrowthPercent,
      epochs: state.epoch,
      imagesPerSecond: state.imagesPerSecond,
    };
  } finally {
    await app.close();
  }
}

const USAGE = 'usage: npm run soak -- --minutes N [--train-subset IMAGES (default 6000)]';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { minutes: { type: 'string' }, 'train-subset': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const minutes = Number(values.minutes);
  const trainSubset = Number(values['train-subset'] ?? 6000);
  if (!(minutes > 0) || !Number.isInteger(trainSubset) || trainSubset <= 0) {
    console.error(USAGE);
    return 2;
  }
  const result = await soak({ minutes, trainSubset });
  const signed = (percent: number) => `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
  const n = Math.min(3, result.samples.length);
  console.log(
    `growth after the first epoch: ${signed(result.growthPercent)} (${mb(result.baselineBytes)} after epoch 1 -> ${mb(result.finalBytes)}, ` +
      `median of the last ${n} measurements)`,
  );
  const added = result.samples.at(-1)!.checkpoints - result.samples[0].checkpoints;
  console.log(
    `  of which the ${added} checkpoints the run kept since (${mb(result.checkpointBytes)} of weights each, by design): ` +
      `${signed(result.growthPercent - result.unexplainedGrowthPercent)}; the rest: ${signed(result.unexplainedGrowthPercent)} (limit ${SOAK_LIMIT_PERCENT}%)`,
  );
  if (result.workerGrowthPercent !== null) console.log(`  the worker's share: ${signed(result.workerGrowthPercent)}`);
  console.log(
    `${result.samples.length} measurements, epoch ${result.epochs.toFixed(2)} reached, ${result.imagesPerSecond.toFixed(0)} images/s at the end`,
  );
  if (result.unexplainedGrowthPercent >= SOAK_LIMIT_PERCENT) {
    console.error(
      `soak: memory grew ${signed(result.unexplainedGrowthPercent)} beyond the kept checkpoints (limit ${SOAK_LIMIT_PERCENT}%)`,
    );
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
