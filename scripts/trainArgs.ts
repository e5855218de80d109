/** Command-line options of `npm run train`, parsed and checked with messages a person can act on. */
import { parseArgs } from 'node:util';
import type { ArchitectureOptions } from '../src/engine/model/layerSpec';
import { ARCHITECTURE_CHOICES, DEFAULT_ARCHITECTURE } from '../src/engine/model/lenet5';
import { DEFAULT_ELASTIC } from '../src/engine/data/elastic';
import { ALPHA_PENALTIES } from '../src/engine/model/learnedCombination';
import type { TrainingSettings } from '../src/engine/referenceTrainer';

/** Everything `train.ts` needs to start. */
export interface TrainCommand {
  readonly architecture: ArchitectureOptions;
  readonly settings: TrainingSettings;
  readonly outDir: string;
  readonly trainSubset: number | null;
  readonly testSubset: number | null;
  readonly earlyCheckpoints: boolean;
  /** The engine that trains: the WebAssembly SIMD engine (default) or the plain-TypeScript reference. */
  readonly engine: TrainEngine;
  /** The engine that evaluates each checkpoint and writes its predictions (default: the training engine). */
  readonly evaluateOn: TrainEngine;
  /** Whole epochs between checkpoints after epoch 1 (the last epoch is always saved). */
  readonly saveEvery: number;
  /** Threads the WebAssembly engine trains on (2: a helper thread takes half of each batch). */
  readonly threads: 1 | 2;
  /** The command line as typed after `npm run train --`, recorded in the manifest. */
  readonly argv: readonly string[];
}

/** The engines `npm run train` can train with. */
export const TRAIN_ENGINES = ['wasm', 'reference'] as const;
export type TrainEngine = (typeof TRAIN_ENGINES)[number];

export const TRAIN_USAGE = `Usage: npm run train -- [options]
  --epochs N            epochs to train (default 15)
  --seed S              seed of the initial weights, shuffling and distortions (default 1)
  --augment             small random affine distortions (shift 2 px, rotate 10 deg, scale 10%)
  --elastic             elastic distortions (Simard et al. 2003): a random displacement field smoothed by a
                        Gaussian of sigma px and scaled by alpha (with --augment, added to the affine ones)
  --elastic-alpha A     (default ${DEFAULT_ELASTIC.alpha})   --elastic-sigma S (default ${DEFAULT_ELASTIC.sigma}, at most 10)
  --activation A        relu | tanh | sigmoid (default relu)
  --pooling P           max | mean | subsample (default max)
  --c3 C                full | lenet5 | learned (default full; learned: c3 learns how much each input map
                        feeds each output map, α = softmax of the logits c3.alphaLogits)
  --alpha-penalty P     none | l1 | entropy: the penalty on α of --c3 learned (default none; l1 is the
                        tutorial's eq. 18, whose gradient is zero; entropy H(α) of each output map sparsifies)
  --alpha-lambda X      λ of that penalty (default 0)
  --loss L              softmax-cross-entropy | mean-squared-error (default softmax-cross-entropy)
  --batch-size B        (default 64; 1 is online updates, one image per step)   --lr X (default 0.05)   --schedule cosine|constant (default cosine)
  --momentum M          (default 0.9)  --weight-decay W (default 0)
  --train-subset N      train on the first N training images only (labelled so in the manifest)
  --test-subset N       evaluate on the first N test images only (labelled so in the manifest)
  --no-early-checkpoints  skip the checkpoints after 1/16, 1/8, 1/4 and 1/2 of epoch 1
  --save-every N        a checkpoint every N epochs after epoch 1 (default 1; the last epoch is always saved)
  --engine E            wasm | reference: the engine that trains (default wasm, the WebAssembly SIMD engine)
  --threads N           1 | 2: threads the WebAssembly engine trains on (default 1; with 2 a helper thread
                        takes half of each batch: the same run up to the order gradients are summed in)
  --evaluate E          wasm | reference: the engine that evaluates each checkpoint on the test set and writes
                        its predictions (default: the training engine; the reference engine's are what the
                        app's CPU engine and the shipped-run tests compute)
  --out DIR             where the run is written (default runs/<date-time>)`;

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`--${name} ${value}: expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function number(
  name: string,
  value: string | undefined,
  fallback: number,
  check: (n: number) => boolean,
  what: string,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new Error(`--${name} ${value}: expected ${what}`);
  return n;
}

/** The penalty on α and its λ, only with learned combinations (an error elsewhere: it would do nothing). */
function alphaSettings(
  architecture: ArchitectureOptions,
  penalty: string | undefined,
  lambda: string | undefined,
): Pick<TrainingSettings, 'alphaPenalty' | 'alphaLambda'> {
  if (architecture.c3Connectivity !== 'learned') {
    if (penalty !== undefined || lambda !== undefined)
      throw new Error('--alpha-penalty and --alpha-lambda need --c3 learned');
    return {};
  }
  return {
    alphaPenalty: choice('alpha-penalty', penalty, ALPHA_PENALTIES, 'none'),
    alphaLambda: number('alpha-lambda', lambda, 0, (n) => n >= 0, 'a λ >= 0'),
  };
}

/** Parses `argv` (without node and the script); throws an Error whose message says what is wrong. */
export function parseTrainArgs(argv: string[], now = new Date()): TrainCommand {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      epochs: { type: 'string' },
      seed: { type: 'string' },
      augment: { type: 'boolean' },
      elastic: { type: 'boolean' },
      'elastic-alpha': { type: 'string' },
      'elastic-sigma': { type: 'string' },
      'save-every': { type: 'string' },
      evaluate: { type: 'string' },
      threads: { type: 'string' },
      activation: { type: 'string' },
      pooling: { type: 'string' },
      c3: { type: 'string' },
      loss: { type: 'string' },
      'batch-size': { type: 'string' },
      lr: { type: 'string' },
      schedule: { type: 'string' },
      momentum: { type: 'string' },
      'weight-decay': { type: 'string' },
      'alpha-penalty': { type: 'string' },
      'alpha-lambda': { type: 'string' },
      'train-subset': { type: 'string' },
      'test-subset': { type: 'string' },
      'no-early-checkpoints': { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean' },
      engine: { type: 'string' },
    },
  });
  if (values.help) throw new Error(TRAIN_USAGE);
  const positiveInt = (n: number) => Number.isInteger(n) && n > 0;
  const architecture: ArchitectureOptions = {
    activation: choice(
      'activation',
      values.activation,
      ARCHITECTURE_CHOICES.activation,
      DEFAULT_ARCHITECTURE.activation,
    ),
    pooling: choice('pooling', values.pooling, ARCHITECTURE_CHOICES.pooling, DEFAULT_ARCHITECTURE.pooling),
    c3Connectivity: choice('c3', values.c3, ARCHITECTURE_CHOICES.c3Connectivity, DEFAULT_ARCHITECTURE.c3Connectivity),
    loss: choice('loss', values.loss, ARCHITECTURE_CHOICES.loss, DEFAULT_ARCHITECTURE.loss),
  };
  const settings: TrainingSettings = {
    epochs: number('epochs', values.epochs, 15, positiveInt, 'a whole number of epochs >= 1'),
    seed: number(
      'seed',
      values.seed,
      1,
      (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32,
      'a whole number 0..2^32-1',
    ),
    augment: values.augment ?? false,
    elastic:
      values.elastic || values['elastic-alpha'] !== undefined || values['elastic-sigma'] !== undefined
        ? {
            alpha: number(
              'elastic-alpha',
              values['elastic-alpha'],
              DEFAULT_ELASTIC.alpha,
              (n) => n >= 0,
              'an alpha >= 0',
            ),
            sigma: number(
              'elastic-sigma',
              values['elastic-sigma'],
              DEFAULT_ELASTIC.sigma,
              (n) => n > 0 && n <= 10,
              'a sigma in (0, 10]',
            ),
          }
        : null,
    batchSize: number('batch-size', values['batch-size'], 64, positiveInt, 'a whole number >= 1'),
    learningRate: number('lr', values.lr, 0.05, (n) => n > 0, 'a learning rate > 0'),
    schedule: choice('schedule', values.schedule, ['cosine', 'constant'], 'cosine'),
    momentum: number('momentum', values.momentum, 0.9, (n) => n >= 0 && n < 1, 'a momentum in [0, 1)'),
    weightDecay: number('weight-decay', values['weight-decay'], 0, (n) => n >= 0, 'a weight decay >= 0'),
    ...alphaSettings(architecture, values['alpha-penalty'], values['alpha-lambda']),
  };
  const subset = (name: string, value: string | undefined, max: number) =>
    value === undefined
      ? null
      : number(name, value, max, (n) => positiveInt(n) && n <= max, `a whole number 1..${max}`);
  const engine = choice('engine', values.engine, TRAIN_ENGINES, 'wasm');
  const stamp = now.toISOString().replace(/[:T]/g, '-').slice(0, 19);
  return {
    architecture,
    settings,
    outDir: values.out ?? `runs/${stamp}`,
    trainSubset: subset('train-subset', values['train-subset'], 60000),
    testSubset: subset('test-subset', values['test-subset'], 10000),
    earlyCheckpoints: !values['no-early-checkpoints'],
    engine,
    evaluateOn: choice('evaluate', values.evaluate, TRAIN_ENGINES, engine),
    saveEvery: number('save-every', values['save-every'], 1, positiveInt, 'a whole number >= 1'),
    threads: number('threads', values.threads, 1, (n) => n === 1 || n === 2, '1 or 2') as 1 | 2,
    argv: [...argv],
  };
}
