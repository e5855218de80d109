/**
 * The test-set explorer's data: the MNIST test images (fetched once, on first use, with progress), every
 * checkpoint's predictions on them (fetched from the run folder when shipped with it, else computed by the
 * worker and cached per checkpoint, never recomputed on a render), the confusion matrix of the selected
 * checkpoint, and a test digit loaded as the network's input.
 */
import { fetchMnistTest } from '../engine/data/mnistFetch';
import { mnistToInput, type MnistSet } from '../engine/data/mnistInput';
import type { CheckpointPredictions } from '../engine/model/predictions';
import { confusionMatrix } from './explorerData';
import type { EngineClient } from '../worker/engineClient';
import { useAppStore } from './appStore';
import { checkpointParams, type RunRecord } from './runRecord';

/** What the explorer panel and the automation API call. */
export interface ExplorerController {
  /** The test images, fetched on first use (and handed to the worker). */
  testSet(): Promise<MnistSet>;
  /** The test images once fetched, else null. */
  loadedTestSet(): MnistSet | null;
  /** Checkpoint `index`'s predictions if known (no work started). */
  known(run: RunRecord, index: number): CheckpointPredictions | null;
  /** Checkpoint `index`'s predictions (precomputed, cached, or computed now). */
  predictions(run: RunRecord, index: number): Promise<CheckpointPredictions>;
  /** Makes every checkpoint's predictions known, the selected one first; `predictionsVersion` counts them in. */
  fillRun(run: RunRecord, first: number): Promise<void>;
  /** The 10x10 counts [true][predicted] of the selected checkpoint. */
  confusion(): Promise<number[][]>;
  /** Loads test image `index` as the input (exactly the stored image, padded to 32x32) and reads it. */
  loadTestDigit(index: number): Promise<void>;
  /** The worker died: its copy of the test images is gone (the next use sends them again). */
  forgetWorker(): void;
}

interface Dependencies {
  client: EngineClient;
  dataUrl: string;
  selected(): { run: RunRecord; index: number };
  /** Reads an input and resolves when its frame is shown. */
  infer(input: Float32Array): Promise<void>;
}

/** Creates the controller. */
export function createExplorerController(deps: Dependencies): ExplorerController {
  const { client } = deps;
  let test: MnistSet | null = null;
  let loading: Promise<MnistSet> | null = null;
  // Keyed by a checkpoint's weights: a run trained again under the same name has new arrays.
  const cache = new WeakMap<Float32Array, Promise<CheckpointPredictions>>();
  const done = new WeakMap<Float32Array, CheckpointPredictions>();
  const bump = () => useAppStore.getState().set({ predictionsVersion: useAppStore.getState().predictionsVersion + 1 });

  /** The test images from the server, the store's `testSetProgress` following the download. */
  const fetchTestSet = async () => {
    const set = useAppStore.getState().set;
    set({ testSetProgress: 0 });
    try {
      return await fetchMnistTest(deps.dataUrl, (received, total) => set({ testSetProgress: received / total }));
    } finally {
      set({ testSetProgress: null });
    }
  };

  const controller: ExplorerController = {
    testSet() {
      loading ??= (async () => {
        const set = test ?? (await fetchTestSet());
        await client.setTestSet({ count: set.count, images: set.images.slice(), labels: set.labels.slice() });
        test = set;
        return set;
      })().catch((error: unknown) => {
        loading = null;
        throw new Error(
          `the MNIST test images could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      return loading;
    },
    loadedTestSet: () => test,
    forgetWorker() {
      loading = null;
    },
    known(run, index) {
      const checkpoint = run.checkpoints[index];
      if (!checkpoint) return null;
      const computed = checkpoint.params ? done.get(checkpoint.params) : undefined;
      return run.predictions?.[index] ?? run.files?.heldPredictions(index) ?? computed ?? null;
    },
    async predictions(run, index) {
      if (!run.checkpoints[index]) throw new RangeError(`no checkpoint ${index} in ${run.name}`);
      const known = controller.known(run, index);
      if (known) return known;
      const files = run.files;
      if (files?.hasPredictions(index)) {
        const fetched = (await files.predictions(index))!;
        bump();
        return fetched;
      }
      const params = await checkpointParams(run, index);
      let pending = cache.get(params);
      if (!pending) {
        pending = controller
          .testSet()
          .then(() => client.predict(run.architecture, params, run.testImages))
          .then((predictions) => {
            done.set(params, predictions);
            bump();
            return predictions;
          });
        pending.catch(() => cache.delete(params));
        cache.set(params, pending);
      }
      return pending;
    },
    async fillRun(run, first) {
      await controller.predictions(run, first);
      for (let i = 0; i < run.checkpoints.length; i++) await controller.predictions(run, i);
    },
    async confusion() {
      const { run, index } = deps.selected();
      const [set, predictions] = await Promise.all([controller.testSet(), controller.predictions(run, index)]);
      return confusionMatrix(predictions, set.labels);
    },
    async loadTestDigit(index) {
      const set = await controller.testSet();
      if (!(Number.isInteger(index) && index >= 0 && index < set.count))
        throw new RangeError(`no test image ${index}; there are ${set.count}`);
      const input = new Float32Array(32 * 32);
      mnistToInput(set.images, index, input);
      useAppStore
        .getState()
        .set({ input, stages: null, inkBox: null, inputSource: { kind: 'test', index }, trueLabel: set.labels[index] });
      await deps.infer(input);
    },
  };
  return controller;
}
