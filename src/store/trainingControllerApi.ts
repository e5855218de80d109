/** The training controller's interface (what the panel and the automation API call) and what it is created with. */
import type { EngineClient } from '../worker/engineClient';
import type { RunRecord } from './runRecord';

/** What the training panel and the automation API call. */
export interface TrainingController {
  start(): Promise<void>;
  pause(): Promise<void>;
  pauseIfRunning(): Promise<void>;
  step(): Promise<void>;
  /** Trains to the end of the current epoch, then pauses. */
  stepEpoch(): Promise<void>;
  /** Starts the run shown again from where it began (a new run when a shipped or imported one is shown). */
  reset(): Promise<void>;
  setHyperparameters(learningRate: number, momentum: number, weightDecay: number): void;
  /** λ of the α penalty: for the next run, and at once for a run training now. */
  setAlphaLambda(lambda: number): void;
  /** Fetches MNIST and hands it to the worker, once. */
  ensureDataset(): Promise<void>;
  /**
   * The worker died: what it held is gone. The run stays paused at its last checkpoint (nothing after it
   * is claimed) and the dataset is handed to the next worker when training resumes.
   */
  forgetWorker(): Promise<void>;
  /** Takes back the runs saved in IndexedDB by earlier visits and registers them. */
  restoreSaved(register: (run: RunRecord) => void): Promise<void>;
}

/** What the training controller is given: the worker, the data, and the page's runs and view. */
export interface TrainingDependencies {
  client: EngineClient;
  trainSubset: number | null;
  /** Where the compact MNIST files are served (see scripts/prepareData.ts). */
  dataUrl: string;
  /** The run shown and the index of its checkpoint shown. */
  selected(): { run: RunRecord; index: number };
  /** The names of every run the page holds. */
  runNames(): Iterable<string>;
  isShowingLatestOf(name: string): boolean;
  onCheckpoint(run: RunRecord): void;
  show(run: RunRecord, index: number): Promise<void>;
  /** Re-reads the current drawing with the weights the worker holds. */
  refresh(): Promise<void>;
}
