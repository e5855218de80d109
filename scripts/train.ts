/**
 * `npm run train -- ...`: trains LeNet-5 on MNIST with the WebAssembly SIMD engine (or, with
 * `--engine reference`, the plain-TypeScript reference engine) and writes a
 * `lenet5-run/1` folder with a checkpoint for epoch 0 (the initial weights), every epoch (or every N with
 * `--save-every N`, and the last), and (by default) after 1/16, 1/8, 1/4 and 1/2 of epoch 1; the manifest's
 * `training` records the settings and the command. Ctrl-C keeps every finished checkpoint.
 */
import { mnistSubset, type MnistSet } from '../src/engine/data/mnistInput';
import { activationRanges } from '../src/engine/activationRanges';
import { evaluateNetwork } from '../src/engine/evaluate';
import { computePredictions } from '../src/engine/model/predictions';
import { createManifest } from '../src/engine/model/runFormat';
import { ReferenceTrainer } from '../src/engine/referenceTrainer';
import { evaluateWasm, wasmPredictions } from '../src/engine/wasm/wasmReadout';
import { WasmNetwork } from '../src/engine/wasm/wasmNetwork';
import { WasmTrainer } from '../src/engine/wasm/wasmTrainer';
import { referenceNetworkFor } from './learnedReference';
import { loadMnistSplit } from './mnistFiles';
import type { ArchitectureOptions } from '../src/engine/model/layerSpec';
import { combinationWeights, inputsAbove } from '../src/engine/model/learnedCombination';
import { lenet5Layers } from '../src/engine/model/lenet5';
import { parameterLayout, tensorSpec } from '../src/engine/model/parameters';
import { startNodeHelper } from './nodeWasmHelper';
import { RunWriter } from './runWriter';
import { parseTrainArgs, TRAIN_USAGE, type TrainCommand } from './trainArgs';

const EARLY_FRACTIONS = [1 / 16, 1 / 8, 1 / 4, 1 / 2];

function subset(set: MnistSet, count: number | null): MnistSet {
  return count === null ? set : mnistSubset(set, count);
}

/** For learned combinations: the mean number of input maps per c3 map with α ≥ 0.05 (LeCun's table: 3.75). */
function combinationSummary(architecture: ArchitectureOptions, params: ArrayLike<number>): string {
  if (architecture.c3Connectivity !== 'learned') return '';
  const logits = tensorSpec(parameterLayout(lenet5Layers(architecture)), 'c3.alphaLogits');
  const alpha = combinationWeights(
    Array.from({ length: logits.size }, (_, i) => params[logits.offset + i]),
    16,
    6,
  );
  const counts = inputsAbove(alpha, 16, 6, 0.05);
  return `, inputs with α ≥ 0.05 per c3 map ${(counts.reduce((a, b) => a + b, 0) / 16).toFixed(2)} (${counts.join(' ')})`;
}

const turnEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

async function run(command: TrainCommand): Promise<void> {
  const { architecture, settings } = command;
  const train = subset(loadMnistSplit('train'), command.trainSubset);
  const test = subset(loadMnistSplit('test'), command.testSubset);
  const trainer: WasmTrainer | ReferenceTrainer =
    command.engine === 'wasm'
      ? WasmTrainer.fromSeed(
          architecture,
          settings,
          train,
          WasmNetwork.create(command.threads === 2 ? startNodeHelper : null),
        )
      : new ReferenceTrainer(architecture, settings, train);
  // The engine asked for (by default the training engine) evaluates the checkpoints; the colour ranges
  // come from the reference engine either way.
  const checkpointEvaluation = () => {
    const params = trainer instanceof ReferenceTrainer ? trainer.network.params : trainer.network.parameters();
    const network = trainer instanceof ReferenceTrainer ? trainer.network : referenceNetworkFor(architecture, params);
    if (command.evaluateOn === 'reference' || trainer instanceof ReferenceTrainer) {
      return {
        params,
        network,
        evaluation: evaluateNetwork(network, test),
        predictions: computePredictions(network, test),
      };
    }
    return {
      params,
      network,
      evaluation: evaluateWasm(trainer.network, test),
      predictions: wasmPredictions(trainer.network, test),
    };
  };
  const writer = new RunWriter(
    command.outDir,
    createManifest(architecture, {
      training: {
        engine: command.engine,
        evaluatedOn: command.evaluateOn,
        ...settings,
        trainImages: train.count,
        testImages: test.count,
        ...(command.saveEvery > 1 ? { saveEvery: command.saveEvery } : {}),
        command: ['npm run train --', ...command.argv].join(' '),
      },
    }),
  );
  const interactive = process.stdout.isTTY;
  const log = (line: string) => process.stdout.write(interactive ? `\r\x1b[K${line}` : `${line}\n`);
  const save = (epoch: number, trainLoss: number | null) => {
    const started = performance.now();
    const { params, network, evaluation, predictions } = checkpointEvaluation();
    writer.addCheckpoint(
      epoch,
      params,
      evaluation.accuracy,
      trainLoss,
      { testLoss: evaluation.loss, activationRanges: activationRanges(network, test, Math.min(500, test.count)) },
      predictions,
    );
    log(
      `epoch ${epoch}: test accuracy ${(evaluation.accuracy * 100).toFixed(2)}% ` +
        `(error ${((1 - evaluation.accuracy) * 100).toFixed(2)}%, ${evaluation.count} images, ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s), train loss ${trainLoss?.toFixed(4) ?? '-'}` +
        combinationSummary(architecture, params),
    );
    if (interactive) process.stdout.write('\n');
  };
  process.on('SIGINT', () => {
    process.stdout.write(`\ninterrupted: the finished checkpoints in ${command.outDir} are kept\n`);
    process.exit(130);
  });
  console.log(
    `training LeNet-5 (${Object.values(architecture).join(', ')}) on the ${command.engine} engine, ${train.count} images, ` +
      `${command.engine === 'wasm' ? `${command.threads} thread(s), ` : ''}${settings.epochs} epochs, batch ${settings.batchSize}, lr ${settings.learningRate} ${settings.schedule}, ` +
      `momentum ${settings.momentum}, weight decay ${settings.weightDecay}, ` +
      `${settings.alphaPenalty ? `α penalty ${settings.alphaPenalty} (λ ${settings.alphaLambda}), ` : ''}${settings.augment ? 'with' : 'without'} ` +
      `affine distortions, ${settings.elastic ? `elastic distortions (alpha ${settings.elastic.alpha}, sigma ${settings.elastic.sigma})` : 'no elastic ones'}, ` +
      `seed ${settings.seed}, evaluated on the ${command.evaluateOn} engine -> ${command.outDir}`,
  );
  save(0, null);
  const startedAt = performance.now();
  let imagesTotal = 0,
    lastPrint = 0;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const pending = epoch === 1 && command.earlyCheckpoints ? [...EARLY_FRACTIONS] : [];
    let trainLoss = 0;
    for (let finished = false; !finished;) {
      const p = trainer.trainBatch();
      finished = p.imagesDone === p.imagesInEpoch;
      trainLoss = p.meanLoss;
      const now = performance.now();
      const seconds = (now - startedAt) / 1000;
      const done = imagesTotal + p.imagesDone;
      if (pending.length > 0 && p.imagesDone >= pending[0]! * p.imagesInEpoch) {
        save(epoch - 1 + pending.shift()!, p.meanLoss);
      }
      if (now - lastPrint > (interactive ? 500 : 15000) || p.imagesDone === p.imagesInEpoch) {
        lastPrint = now;
        const rate = done / seconds;
        const left = (settings.epochs * p.imagesInEpoch - done) / rate;
        log(
          `epoch ${epoch}/${settings.epochs}: ${p.imagesDone}/${p.imagesInEpoch} images, ` +
            `${rate.toFixed(0)} images/s, loss ${p.meanLoss.toFixed(4)}, lr ${trainer.learningRate().toFixed(4)}, ` +
            `time left ${duration(left)}`,
        );
      }
      await turnEventLoop(); // lets Ctrl-C be handled between batches
    }
    imagesTotal += train.count;
    if (epoch === 1 || epoch % command.saveEvery === 0 || epoch === settings.epochs) save(epoch, trainLoss);
  }
  console.log(`done in ${duration((performance.now() - startedAt) / 1000)}: ${command.outDir}`);
}

try {
  await run(parseTrainArgs(process.argv.slice(2)));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message === TRAIN_USAGE ? message : `train: ${message}\n\n${TRAIN_USAGE}`);
  process.exit(message === TRAIN_USAGE ? 0 : 1);
}
