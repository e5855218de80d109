/**
 * The messages between the page and the engine worker: the only module both sides import.
 * Commands are imperative verbs, events are past-tense facts. Large arrays are transferred (transferables.ts); the
 * training run's types live in trainingProtocol.ts. Both are re-exported here.
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { TrainingSettings } from '../engine/batchPlan';
import type { MnistSet } from '../engine/data/mnistInput';
import type { Attribution, AttributionMethod, AttributionOptions } from '../engine/interpret/attribute';
import type { FeatureImage } from '../engine/interpret/featureImage';
import type { NeuronPortraits } from '../engine/interpret/neuronPortraits';
import type { NodeRanking } from '../engine/interpret/nodeRanking';
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import type { NodeRef } from '../engine/model/nodeRef';
import type { CheckpointPredictions } from '../engine/model/predictions';
import type { LoadedRun } from '../engine/model/runLoader';
import type { RunProblem } from '../engine/model/runProblems';
import type { WeightCheck } from '../engine/reference/weightCheck';
import type { SweepKind } from '../engine/probe/invarianceSweep';
import type { Hyperparameters, TrainingProgress } from './trainingProtocol';

export type { Hyperparameters, LayerTrainingStats, TrainingProgress } from './trainingProtocol';
export { transferables } from './transferables';

/** Which engine computes: the WebGL2 one, or the reference engine on the CPU. */
export type Backend = 'webgl2' | 'wasm' | 'cpu';

/**
 * Why the engine running is not the one preferred, or why it changed, as a code and its values (the page words it
 * in the language shown; `detail`: an error's own text). What runs instead is the event's `backend`.
 */
export type EngineReason =
  /** `?backend=` in the address chose it. */
  | { readonly code: 'asked' }
  | { readonly code: 'wasmMissing' }
  | { readonly code: 'wasmFailed'; readonly detail: string }
  /** `wasmDetail`: the WebAssembly engine could not start either. */
  | { readonly code: 'webgl2Failed'; readonly detail: string; readonly wasmDetail?: string }
  | { readonly code: 'softwareRenderer'; readonly renderer: string; readonly wasmDetail?: string }
  | { readonly code: 'contextLost' }
  | { readonly code: 'contextRestored' };

/** Everything the page can ask of the worker. */
export type EngineCommand =
  | {
      type: 'start';
      prefer: Backend | 'auto';
      /** Threads the WebAssembly engine may train on (default 2, where the page can share memory). */
      wasmThreads?: 1 | 2;
    }
  | {
      type: 'loadWeights';
      requestId: number;
      architecture: ArchitectureOptions;
      params: Float32Array;
      velocity: Float32Array | null;
    }
  | { type: 'infer'; requestId: number; input: Float32Array }
  /** The backward pass of one input against `label` (null: the network's own reading). */
  | { type: 'backward'; requestId: number; input: Float32Array; label: number | null }
  /** `steps` plain SGD steps (w <- w - learningRate dL/dw) on this input alone, on a teaching copy of the loaded weights. */
  | { type: 'teach'; requestId: number; input: Float32Array; label: number; steps: number; learningRate: number }
  /** Back to the loaded weights exactly. */
  | { type: 'undoTeach'; requestId: number }
  /** Accuracy on the first `limit` test images before and after the teaching. */
  | { type: 'evaluateTeaching'; requestId: number; limit: number }
  /** Backprop against the central finite difference for one weight, in float64 on the reference engine. */
  | {
      type: 'checkGradient';
      requestId: number;
      input: Float32Array;
      label: number;
      tensor: string;
      index: number;
      epsilon: number;
    }
  /** The test images the explorer's predictions are made on (answered by `datasetLoaded`). */
  | { type: 'setTestSet'; requestId: number; test: MnistSet }
  /** The predictions of these weights (reference engine) on the first `limit` test images; the loaded weights stay. */
  | { type: 'predict'; requestId: number; architecture: ArchitectureOptions; params: Float32Array; limit: number }
  /** One input read by these weights (reference engine; answered by `inferred`); the loaded weights stay. */
  | {
      type: 'inferWith';
      requestId: number;
      architecture: ArchitectureOptions;
      params: Float32Array;
      input: Float32Array;
    }
  /** One invariance sweep of `input` (untransformed) under each of these weights, on a scratch engine; the loaded weights stay. */
  | {
      type: 'sweepInvariance';
      requestId: number;
      input: Float32Array;
      kind: SweepKind;
      networks: { architecture: ArchitectureOptions; params: Float32Array }[];
    }
  /** One attribution of `input` by the network shown (the loaded weights, a teaching copy, or a run training). */
  | {
      type: 'attribute';
      requestId: number;
      input: Float32Array;
      method: AttributionMethod;
      options: AttributionOptions;
    }
  /** The neuron portraits of these weights over the first `limit` test images (answered by `portraitsComputed`); the loaded weights stay. */
  | {
      type: 'computePortraits';
      requestId: number;
      architecture: ArchitectureOptions;
      params: Float32Array;
      limit: number;
    }
  /**
   * The `k` of the first `limit` test images on which `node` is highest under these weights, best first (all of them
   * when k exceeds the images; answered by `testImagesRanked`); the loaded weights stay.
   */
  | {
      type: 'rankTestImages';
      requestId: number;
      architecture: ArchitectureOptions;
      params: Float32Array;
      node: NodeRef;
      limit: number;
      k: number;
    }
  /** The feature image of `node` under these weights (answered by `featureSynthesized`); the loaded weights stay. */
  | {
      type: 'synthesizeFeature';
      requestId: number;
      architecture: ArchitectureOptions;
      params: Float32Array;
      node: NodeRef;
    }
  | { type: 'setDrawing'; input: Float32Array | null }
  | { type: 'setDataset'; requestId: number; train: MnistSet; test: MnistSet }
  | { type: 'train'; settings: TrainingSettings; stepsDone: number; epochs: number; evaluateImages: number }
  | { type: 'pause' }
  | { type: 'step'; requestId: number; batches: number }
  | { type: 'setHyperparameters'; hyperparameters: Hyperparameters }
  | { type: 'saveCheckpoint'; requestId: number }
  | { type: 'evaluate'; requestId: number; limit: number | null }
  | { type: 'counters'; requestId: number }
  | { type: 'loseContext'; restoreAfterMs: number | null }
  /** An imported run file (a zip of a run folder), read and validated off the page's thread. */
  | { type: 'readRunArchive'; requestId: number; bytes: Uint8Array; fileName: string }
  /** The page's heartbeat (answered by `pong` at once). */
  | { type: 'ping'; nonce: number }
  /** For tests of the page's supervision: the worker closes itself (as a crash would) or stops answering. */
  | { type: 'simulateFault'; fault: 'close' | 'hang' };

/** Everything the worker reports. */
export type EngineEvent =
  | { type: 'started'; backend: Backend; renderer: string; reason: EngineReason | null }
  | { type: 'backendChanged'; backend: Backend; reason: EngineReason }
  | { type: 'weightsLoaded'; requestId: number }
  | { type: 'inferred'; requestId: number; frame: ActivationFrame }
  | {
      type: 'backwardComputed';
      requestId: number;
      frame: ActivationFrame;
      backward: BackwardFrame;
      teachingSteps: number;
    }
  /** `params`: the teaching copy's weights now (run-format layout). */
  | {
      type: 'taught';
      requestId: number;
      lossBefore: number;
      lossAfter: number;
      teachingSteps: number;
      frame: ActivationFrame;
      backward: BackwardFrame;
      params: Float32Array;
    }
  | { type: 'teachingUndone'; requestId: number }
  | { type: 'predicted'; requestId: number; predictions: CheckpointPredictions }
  /** Per network sent, the softmax outputs for each value of the sweep (value v, class k at v * 10 + k). */
  | { type: 'invarianceSwept'; requestId: number; kind: SweepKind; probabilities: Float32Array[] }
  | { type: 'teachingEvaluated'; requestId: number; before: number; after: number; images: number }
  /** `engineGradient`: the same derivative from the engine in use (float32), beside the float64 check. */
  | { type: 'gradientChecked'; requestId: number; check: WeightCheck; engineGradient: number }
  | { type: 'attributed'; requestId: number; attribution: Attribution }
  | { type: 'portraitsComputed'; requestId: number; portraits: NeuronPortraits }
  /** The portrait pass of request `requestId` under way: `done`, the share of its work done (0 to 1). */
  | { type: 'portraitsProgressed'; requestId: number; done: number }
  | { type: 'featureSynthesized'; requestId: number; feature: FeatureImage }
  | { type: 'testImagesRanked'; requestId: number; ranking: NodeRanking }
  | { type: 'activationsStreamed'; frame: ActivationFrame; step: number }
  | { type: 'datasetLoaded'; requestId: number }
  | { type: 'progressReported'; progress: TrainingProgress }
  | { type: 'stepped'; requestId: number; progress: TrainingProgress }
  | {
      type: 'checkpointSaved';
      requestId: number;
      epoch: number;
      step: number;
      params: Float32Array;
      velocity: Float32Array;
      testAccuracy: number | null;
    }
  | { type: 'evaluated'; requestId: number; accuracy: number; loss: number; images: number }
  | { type: 'countersRead'; requestId: number; draws: number; syncReadbacks: number; liveTextures: number }
  | { type: 'trainingDiverged'; epoch: number; step: number; loss: number }
  | { type: 'failed'; requestId: number | null; message: string; problem?: RunProblem }
  | { type: 'pong'; nonce: number }
  | { type: 'runArchiveRead'; requestId: number; run: LoadedRun };

/** A MessagePort, a Worker or a worker's `self`: what both sides talk through. */
export interface Endpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** MessagePorts only: begin delivering queued messages. */
  start?(): void;
  /** A worker's own scope or a MessagePort: stop for good (used to simulate a crashed worker). */
  close?(): void;
}
