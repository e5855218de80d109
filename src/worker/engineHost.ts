/**
 * The worker side of the protocol: answers commands, and runs training in slices between which
 * commands (a drawing to infer, a pause) are handled. Which engine computes, and its fallback to
 * the CPU when WebGL2 is missing or its context is lost, is engineSlot.ts.
 */
import type { MnistSet } from '../engine/data/mnistInput';
import type { ComputeBackend } from './computeBackend';
import { DEFAULT_FACTORIES, type BackendFactories } from './backendFactories';
import { BackpropCommands, isBackpropCommand } from './backpropCommands';
import { ExplorerCommands, isExplorerCommand } from './explorerCommands';
import { readArchiveCommand } from './importCommands';
import { EngineSlot } from './engineSlot';
import { GpuBackend } from './gpuBackend';
import { transferables, type EngineCommand, type EngineEvent, type Endpoint } from './protocol';
import { checkInput, isDiverged } from './runGuards';
import { TrainingSession } from './trainingSession';
import { createWaitTurn, pollSleep } from './waitTurn';

export type { BackendFactories } from './backendFactories';

const SLICE_MS = 30;
const STREAM_MS = 33;
const REPORT_MS = 250;
/** Serves the engine protocol on `endpoint` until the returned function is called. */
export function serveEngine(endpoint: Endpoint, factories: BackendFactories = DEFAULT_FACTORIES): () => void {
  const host = new EngineHost(endpoint, factories);
  const listener = (event: MessageEvent) => void host.handle(event.data as EngineCommand);
  endpoint.addEventListener('message', listener);
  endpoint.start?.(); // a MessagePort delivers nothing until started
  return () => endpoint.removeEventListener('message', listener);
}

class EngineHost {
  private readonly slot: EngineSlot;
  private data: { train: MnistSet; test: MnistSet } | null = null;
  private drawing: Float32Array | null = null;
  private session: TrainingSession | null = null;
  private pumping = false;
  /** Test images evaluated at each automatic checkpoint (0: none). */
  private evaluateImages = 0;
  private readonly waitTurn = createWaitTurn();
  private readonly backprop: BackpropCommands;
  private readonly explorer: ExplorerCommands;
  /** Set by a simulated fault: the worker stops answering anything. */
  private hung = false;

  constructor(
    private readonly endpoint: Endpoint,
    factories: BackendFactories,
  ) {
    this.slot = new EngineSlot(factories, {
      post: (event) => this.post(event),
      currentStep: () => this.session?.step ?? null,
      resume: (backend, step) => {
        if (!this.session || !this.data) return;
        backend.beginTraining(this.data.train, this.session.settings, step);
        this.session.step = step;
      },
    });
    this.explorer = new ExplorerCommands(
      (event) => this.post(event),
      () => this.data?.test ?? null,
    );
    this.backprop = new BackpropCommands(
      this.slot,
      (event) => this.post(event),
      () => this.explorer.test(),
    );
  }

  private post(event: EngineEvent): void {
    if (this.hung) return; // a hung worker says nothing, even while a training pump would go on
    this.endpoint.postMessage(event, transferables(event));
  }

  private requireBackend(): ComputeBackend {
    return this.slot.require();
  }

  async handle(command: EngineCommand): Promise<void> {
    if (this.hung) return;
    const requestId = 'requestId' in command ? command.requestId : null;
    try {
      await this.execute(command);
    } catch (error) {
      this.post({ type: 'failed', requestId, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async execute(command: EngineCommand): Promise<void> {
    if (command.type === 'ping') {
      this.post({ type: 'pong', nonce: command.nonce });
      return;
    }
    if (command.type === 'simulateFault') {
      if (command.fault === 'hang') this.hung = true;
      else this.endpoint.close?.();
      return;
    }
    if (command.type === 'readRunArchive') {
      await readArchiveCommand(command, (event) => this.post(event));
      return;
    }
    if (isExplorerCommand(command)) {
      await this.explorer.execute(command);
      return;
    }
    if (isBackpropCommand(command)) {
      // Teaching replaces the weights a paused run would continue from.
      if (command.type === 'teach' || command.type === 'undoTeach') this.stopSession();
      await this.backprop.execute(command);
      return;
    }
    switch (command.type) {
      case 'start': {
        const started = this.slot.start(command.prefer);
        this.post({
          type: 'started',
          backend: started.backend.kind,
          renderer: started.backend.renderer,
          reason: started.reason,
        });
        return;
      }
      case 'loadWeights':
        this.stopSession();
        this.backprop.teaching.reset();
        this.slot.load(command.architecture, command.params, command.velocity);
        this.post({ type: 'weightsLoaded', requestId: command.requestId });
        return;
      case 'infer': {
        checkInput(command.input);
        const backend = this.requireBackend();
        this.backprop.teaching.sync(backend);
        this.post({ type: 'inferred', requestId: command.requestId, frame: backend.infer(command.input) });
        return;
      }
      case 'setDrawing':
        checkInput(command.input);
        this.drawing = command.input;
        return;
      case 'setDataset':
        this.data = { train: command.train, test: command.test };
        this.post({ type: 'datasetLoaded', requestId: command.requestId });
        return;
      case 'train': {
        if (!this.data) throw new Error('no dataset: send setDataset first');
        if (!this.slot.weights) throw new Error('no weights: send loadWeights first');
        if (this.backprop.teaching.active)
          throw new Error('the network is being taught one drawing: undo the teaching or load weights first');
        const backend = this.requireBackend();
        const stepsPerEpoch = Math.ceil(this.data.train.count / command.settings.batchSize);
        if (!this.session || this.session.settings !== command.settings) {
          backend.beginTraining(this.data.train, command.settings, command.stepsDone);
          this.session = new TrainingSession(command.settings, command.stepsDone, stepsPerEpoch, command.epochs);
          this.evaluateImages = command.evaluateImages;
        }
        // A run with no epochs left to go (the page's "1 batch") only opens the session: a fast engine would
        // otherwise train a whole 30 ms slice before the `step` command that follows is read.
        if (this.session.finished) return;
        this.session.status = 'running';
        void this.pump();
        return;
      }
      case 'pause':
        if (this.session) this.session.status = 'paused';
        return;
      case 'step': {
        const session = this.requireSession();
        session.status = 'paused';
        for (let i = 0; i < command.batches; i++) await this.trainOne(session);
        const stats = await this.requireBackend().readStatistics(pollSleep);
        this.post({
          type: 'stepped',
          requestId: command.requestId,
          progress: session.progress(stats?.loss ?? null, stats?.accuracy ?? null),
        });
        this.streamDrawing(session);
        return;
      }
      case 'setHyperparameters':
        if (this.session) this.session.hyperparameters = command.hyperparameters;
        return;
      case 'saveCheckpoint':
        await this.saveCheckpoint(command.requestId);
        return;
      case 'evaluate': {
        if (!this.data) throw new Error('no dataset: send setDataset first');
        const limit = Math.min(command.limit ?? this.data.test.count, this.data.test.count);
        const result = await this.requireBackend().evaluate(this.data.test, limit, pollSleep);
        this.post({ type: 'evaluated', requestId: command.requestId, ...result });
        return;
      }
      case 'counters':
        this.post({ type: 'countersRead', requestId: command.requestId, ...this.requireBackend().counters() });
        return;
      case 'loseContext': {
        const backend = this.requireBackend();
        if (!(backend instanceof GpuBackend)) throw new Error('the CPU engine has no WebGL context to lose');
        backend.simulateContextLoss(command.restoreAfterMs);
        return;
      }
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }

  private requireSession(): TrainingSession {
    if (!this.session) throw new Error('no training run: send train first');
    return this.session;
  }

  private stopSession(): void {
    if (this.session) this.session.status = 'paused';
    this.session = null;
  }

  private async trainOne(session: TrainingSession): Promise<void> {
    const backend = this.requireBackend();
    const batch = backend.trainStep(session.hyperparameters);
    await backend.settle(pollSleep);
    const checkpointEpoch = session.record(batch);
    if (checkpointEpoch !== null) await this.saveCheckpoint(null, this.evaluateImages, checkpointEpoch);
  }

  /** Saves (and posts) the current weights; automatic checkpoints carry the epoch mark they stand for (1/16, 1, 2...). */
  private async saveCheckpoint(
    requestId: number | null,
    evaluateImages = 0,
    mark: number | null = null,
  ): Promise<void> {
    const backend = this.requireBackend();
    const { params, velocity } = await backend.snapshot(pollSleep);
    const limit = Math.min(evaluateImages, this.data?.test.count ?? 0);
    const testAccuracy = limit > 0 ? (await backend.evaluate(this.data!.test, limit, pollSleep)).accuracy : null;
    const step = this.session?.step ?? 0;
    const epoch = mark ?? this.session?.epoch ?? 0;
    if (params.some((v) => !Number.isFinite(v))) {
      throw new Error(`the weights at epoch ${epoch.toFixed(3)} are not finite; the checkpoint was not saved`);
    }
    this.slot.hold(params, velocity, step);
    this.post({ type: 'checkpointSaved', requestId: requestId ?? -1, epoch, step, params, velocity, testAccuracy });
  }

  /** Trains in slices until paused, streaming the drawing's activations and reporting progress. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    let lastReport = 0,
      lastStream = 0;
    const backendAtStart = this.slot.current;
    try {
      for (
        let session = this.session;
        session && session.status === 'running' && session === this.session;
        session = this.session
      ) {
        const sliceEnd = performance.now() + SLICE_MS;
        while (performance.now() < sliceEnd && session.status === 'running' && !session.finished)
          await this.trainOne(session);
        // A run replaced while a step settled (a new train command) reports nothing more: its
        // successor reports for itself.
        if (session !== this.session) continue;
        if (session.finished) session.status = 'paused';
        const now = performance.now();
        if (now - lastStream >= STREAM_MS) {
          lastStream = now;
          this.streamDrawing(session);
        }
        if (now - lastReport >= REPORT_MS || session.status !== 'running') {
          lastReport = now;
          const stats = await this.requireBackend().readStatistics(pollSleep);
          if (stats && isDiverged(stats.loss)) {
            this.diverged(session, stats.loss);
            break;
          }
          this.post({
            type: 'progressReported',
            progress: session.progress(stats?.loss ?? null, stats?.accuracy ?? null),
          });
        }
        await this.waitTurn();
      }
    } catch (error) {
      if (this.lostDuringWork(backendAtStart)) {
        this.pumping = false;
        void this.pump(); // the run continues on the CPU from the last weights held
        return;
      }
      const session = this.session;
      const stats = session ? await this.slot.current?.readStatistics(pollSleep).catch(() => null) : null;
      if (session && stats && isDiverged(stats.loss)) this.diverged(session, stats.loss);
      else {
        if (session) session.status = 'paused';
        this.post({
          type: 'failed',
          requestId: null,
          message: `training stopped: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    } finally {
      this.pumping = false;
    }
  }

  /** True when work failed because the GPU context went away (the run then moves to the CPU). */
  private lostDuringWork(backend: ComputeBackend | null): boolean {
    if (backend?.kind !== 'webgl2' || !backend.isLost()) return false;
    this.slot.fallBackToCpu('the WebGL context was lost');
    return this.session?.status === 'running';
  }

  private streamDrawing(session: TrainingSession): void {
    if (!this.drawing) return;
    this.post({ type: 'activationsStreamed', frame: this.requireBackend().infer(this.drawing), step: session.step });
  }

  /** Pauses a run whose loss is no longer finite and returns the weights to the last good checkpoint. */
  private diverged(session: TrainingSession, loss: number): void {
    session.status = 'paused';
    this.post({ type: 'trainingDiverged', epoch: session.epoch, step: session.step, loss });
    this.slot.reloadLastWeights();
    this.post({ type: 'progressReported', progress: session.progress(null, null) });
  }
}
