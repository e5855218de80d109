/**
 * The page's side of the engine protocol over any Endpoint (a Worker, or a MessagePort in tests):
 * requests are matched to their replies by id, and other events go to subscribers.
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { TrainingSettings } from '../engine/batchPlan';
import type { MnistSet } from '../engine/data/mnistInput';
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import type { CheckpointPredictions } from '../engine/model/predictions';
import type { SweepKind } from '../engine/probe/invarianceSweep';
import { EngineFailure } from './engineFailure';
import {
  transferables,
  type Backend,
  type EngineCommand,
  type EngineEvent,
  type Endpoint,
  type Hyperparameters,
} from './protocol';

type Reply<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
type WithoutId<C> = C extends { requestId: number } ? Omit<C, 'requestId'> : never;

/** A typed handle on the engine worker. */
export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { expect: string; resolve: (e: EngineEvent) => void; reject: (e: Error) => void }
  >();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly onMessage = (message: MessageEvent) => this.receive(message.data as EngineEvent);

  constructor(private readonly endpoint: Endpoint) {
    endpoint.addEventListener('message', this.onMessage);
    endpoint.start?.(); // a MessagePort delivers nothing until started
  }

  private receive(event: EngineEvent): void {
    const id = 'requestId' in event ? event.requestId : null;
    const waiting = id !== null ? this.pending.get(id) : undefined;
    if (waiting && (event.type === waiting.expect || event.type === 'failed')) {
      this.pending.delete(id!);
      if (event.type === 'failed') waiting.reject(new EngineFailure(event.message, event.problem));
      else waiting.resolve(event);
      return;
    }
    for (const listener of this.listeners) listener(event);
  }

  /** Sends a command that expects no reply. */
  send(command: EngineCommand): void {
    this.endpoint.postMessage(command, transferables(command));
  }

  /** Sends a command and resolves with its `expect` reply (rejects on `failed`). */
  request<T extends EngineEvent['type']>(command: WithoutId<EngineCommand>, expect: T): Promise<Reply<T>> {
    const requestId = this.nextId++;
    return new Promise<Reply<T>>((resolve, reject) => {
      this.pending.set(requestId, { expect, resolve: resolve as (e: EngineEvent) => void, reject });
      this.send({ ...command, requestId } as EngineCommand);
    });
  }

  /** Subscribes to events that are not replies; returns the unsubscribe function. */
  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts the engine, preferring WebGL2; resolves with the backend that runs and why. `wasmThreads` 1
   * keeps the WebAssembly engine on one thread where it could use two.
   */
  start(prefer: Backend | 'auto' = 'webgl2', wasmThreads?: 1 | 2): Promise<Reply<'started'>> {
    return new Promise((resolve, reject) => {
      const unsubscribe = this.subscribe((event) => {
        if (event.type === 'started') {
          unsubscribe();
          resolve(event);
        }
        if (event.type === 'failed' && event.requestId === null) {
          unsubscribe();
          reject(new EngineFailure(event.message, event.problem));
        }
      });
      this.send({ type: 'start', prefer, ...(wasmThreads ? { wasmThreads } : {}) });
    });
  }

  /** Loads weights (copied: the caller keeps its arrays). */
  async loadWeights(
    architecture: ArchitectureOptions,
    params: Float32Array,
    velocity: Float32Array | null = null,
  ): Promise<void> {
    await this.request(
      { type: 'loadWeights', architecture, params: params.slice(), velocity: velocity?.slice() ?? null },
      'weightsLoaded',
    );
  }

  /** Every layer's activations for one 32x32 input. */
  async infer(input: Float32Array): Promise<ActivationFrame> {
    return (await this.request({ type: 'infer', input: input.slice() }, 'inferred')).frame;
  }

  /** The backward pass of one input against `label` (null: the network's own reading), with its forward frame. */
  backward(input: Float32Array, label: number | null): Promise<Reply<'backwardComputed'>> {
    return this.request({ type: 'backward', input: input.slice(), label }, 'backwardComputed');
  }

  /** `steps` SGD steps on this input alone, on the worker's teaching copy of the loaded weights. */
  teach(input: Float32Array, label: number, steps: number, learningRate: number): Promise<Reply<'taught'>> {
    return this.request({ type: 'teach', input: input.slice(), label, steps, learningRate }, 'taught');
  }

  /** Returns the worker to the loaded weights exactly. */
  async undoTeach(): Promise<void> {
    await this.request({ type: 'undoTeach' }, 'teachingUndone');
  }

  /** Test accuracy on the first `limit` test images before and after the teaching (the dataset must be set). */
  evaluateTeaching(limit: number): Promise<Reply<'teachingEvaluated'>> {
    return this.request({ type: 'evaluateTeaching', limit }, 'teachingEvaluated');
  }

  /** Backprop's derivative of one weight beside the central finite difference (float64, reference engine). */
  checkGradient(
    input: Float32Array,
    label: number,
    tensor: string,
    index: number,
    epsilon = 1e-3,
  ): Promise<Reply<'gradientChecked'>> {
    return this.request(
      { type: 'checkGradient', input: input.slice(), label, tensor, index, epsilon },
      'gradientChecked',
    );
  }

  /** Hands the explorer's test images to the worker (its buffers are transferred). */
  async setTestSet(test: MnistSet): Promise<void> {
    await this.request({ type: 'setTestSet', test }, 'datasetLoaded');
  }

  /** Predictions of these weights on the first `limit` test images (the reference engine; the loaded weights stay). */
  async predict(
    architecture: ArchitectureOptions,
    params: Float32Array,
    limit: number,
  ): Promise<CheckpointPredictions> {
    return (await this.request({ type: 'predict', architecture, params: params.slice(), limit }, 'predicted'))
      .predictions;
  }

  /** One input read by these weights (the reference engine; the loaded weights stay). */
  async inferWith(
    architecture: ArchitectureOptions,
    params: Float32Array,
    input: Float32Array,
  ): Promise<ActivationFrame> {
    return (
      await this.request({ type: 'inferWith', architecture, params: params.slice(), input: input.slice() }, 'inferred')
    ).frame;
  }

  /** One invariance sweep of `input` under each of these weights (the worker's scratch engine; the loaded weights stay). */
  async sweepInvariance(
    input: Float32Array,
    kind: SweepKind,
    networks: readonly { architecture: ArchitectureOptions; params: Float32Array }[],
  ): Promise<Float32Array[]> {
    const command = {
      type: 'sweepInvariance' as const,
      input: input.slice(),
      kind,
      networks: networks.map((n) => ({ architecture: n.architecture, params: n.params.slice() })),
    };
    return (await this.request(command, 'invarianceSwept')).probabilities;
  }

  /** Hands the dataset to the worker (its buffers are transferred). */
  async setDataset(train: MnistSet, test: MnistSet): Promise<void> {
    await this.request({ type: 'setDataset', train, test }, 'datasetLoaded');
  }

  /** Starts or resumes training. */
  train(settings: TrainingSettings, stepsDone: number, epochs: number, evaluateImages = 0): void {
    this.send({ type: 'train', settings, stepsDone, epochs, evaluateImages });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  setHyperparameters(hyperparameters: Hyperparameters): void {
    this.send({ type: 'setHyperparameters', hyperparameters });
  }

  /** Keeps streaming this input's activations while training (null stops it). */
  setDrawing(input: Float32Array | null): void {
    this.send({ type: 'setDrawing', input: input?.slice() ?? null });
  }

  /** Fails every pending request with `message` (the worker behind the endpoint died). */
  failPending(message: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error(message));
    this.pending.clear();
  }

  /** Detaches from the endpoint and fails every pending request. */
  dispose(): void {
    this.endpoint.removeEventListener('message', this.onMessage);
    for (const waiting of this.pending.values()) waiting.reject(new Error('the engine client was disposed'));
    this.pending.clear();
  }
}
