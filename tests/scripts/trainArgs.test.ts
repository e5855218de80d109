import { describe, expect, it } from 'vitest';
import { parseTrainArgs } from '../../scripts/trainArgs';

describe('train command line', () => {
  it('defaults to the modern LeNet-5 with momentum SGD and a dated output folder', () => {
    const command = parseTrainArgs([], new Date('2026-01-02T03:04:05Z'));
    expect(command.architecture).toEqual({
      activation: 'relu',
      pooling: 'max',
      c3Connectivity: 'full',
      loss: 'softmax-cross-entropy',
    });
    expect(command.settings).toMatchObject({ epochs: 15, seed: 1, augment: false, batchSize: 64, momentum: 0.9 });
    expect(command.outDir).toBe('runs/2026-01-02-03-04-05');
    expect(command.earlyCheckpoints).toBe(true);
    expect(command.engine).toBe('wasm');
  });

  it('trains on the engine asked for', () => {
    expect(parseTrainArgs(['--engine', 'reference']).engine).toBe('reference');
    expect(parseTrainArgs(['--engine', 'wasm']).engine).toBe('wasm');
  });

  it('reads the elastic distortions, the evaluating engine and the checkpoint spacing, and keeps the command', () => {
    const command = parseTrainArgs(['--elastic', '--augment', '--evaluate', 'reference', '--save-every', '5']);
    expect(command.settings).toMatchObject({ augment: true, elastic: { alpha: 34, sigma: 4 } });
    expect(command).toMatchObject({ engine: 'wasm', evaluateOn: 'reference', saveEvery: 5 });
    expect(command.argv).toEqual(['--elastic', '--augment', '--evaluate', 'reference', '--save-every', '5']);
    expect(parseTrainArgs(['--elastic-alpha', '8', '--elastic-sigma', '3']).settings.elastic).toEqual({
      alpha: 8,
      sigma: 3,
    });
    const plain = parseTrainArgs([]);
    expect(plain.settings.elastic).toBeNull();
    expect(plain).toMatchObject({ evaluateOn: 'wasm', saveEvery: 1, threads: 1 });
    expect(parseTrainArgs(['--threads', '2']).threads).toBe(2);
    expect(() => parseTrainArgs(['--threads', '4'])).toThrow(/--threads 4: expected 1 or 2/);
    expect(parseTrainArgs(['--engine', 'reference']).evaluateOn).toBe('reference');
    expect(() => parseTrainArgs(['--elastic-sigma', '40'])).toThrow(
      /--elastic-sigma 40: expected a sigma in \(0, 10\]/,
    );
    expect(() => parseTrainArgs(['--evaluate', 'gpu'])).toThrow(/--evaluate gpu: expected one of wasm, reference/);
  });

  it('reads every option', () => {
    const command = parseTrainArgs([
      '--epochs',
      '3',
      '--seed',
      '9',
      '--augment',
      '--activation',
      'tanh',
      '--pooling',
      'subsample',
      '--c3',
      'lenet5',
      '--loss',
      'mean-squared-error',
      '--out',
      'x',
      '--train-subset',
      '100',
      '--lr',
      '0.01',
    ]);
    expect(command.architecture).toEqual({
      activation: 'tanh',
      pooling: 'subsample',
      c3Connectivity: 'lenet5',
      loss: 'mean-squared-error',
    });
    expect(command.settings).toMatchObject({ epochs: 3, seed: 9, augment: true, learningRate: 0.01 });
    expect(command).toMatchObject({ outDir: 'x', trainSubset: 100 });
  });

  it('reads learned combinations and their penalty, recorded only for a learned c3', () => {
    const command = parseTrainArgs(['--c3', 'learned', '--alpha-penalty', 'entropy', '--alpha-lambda', '0.05']);
    expect(command.architecture.c3Connectivity).toBe('learned');
    expect(command.settings).toMatchObject({ alphaPenalty: 'entropy', alphaLambda: 0.05 });
    expect(parseTrainArgs(['--c3', 'learned', '--alpha-penalty', 'l1']).settings).toMatchObject({
      alphaPenalty: 'l1',
      alphaLambda: 0,
    });
    expect(parseTrainArgs(['--c3', 'learned']).settings).toMatchObject({ alphaPenalty: 'none', alphaLambda: 0 });
    expect(parseTrainArgs(['--c3', 'full']).settings).not.toHaveProperty('alphaPenalty');
  });

  it.each([
    [['--epochs', '0'], /--epochs 0: expected a whole number of epochs/],
    [['--c3', 'learned', '--alpha-penalty', 'l2'], /--alpha-penalty l2: expected one of none, l1, entropy/],
    [['--c3', 'learned', '--alpha-lambda', 'big'], /--alpha-lambda big: expected a λ >= 0/],
    [['--alpha-penalty', 'entropy'], /--alpha-penalty and --alpha-lambda need --c3 learned/],
    [['--pooling', 'avg'], /--pooling avg: expected one of max, mean, subsample/],
    [['--lr', 'fast'], /--lr fast: expected a learning rate > 0/],
    [['--train-subset', '70000'], /--train-subset 70000: expected a whole number 1..60000/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--engine', 'gpu'], /--engine gpu: expected one of wasm, reference/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseTrainArgs(argv)).toThrow(message);
  });
});
