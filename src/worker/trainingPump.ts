/**
 * The worker's training run: the `train`, `pause`, `step`, `setHyperparameters` and `saveCheckpoint`
 * commands, and the pump that trains in slices between which other commands (a drawing to infer, a
 * pause) are handled, streaming the drawing's activations and reporting progress.
 */
import type { PlannedBatch } from '../engine/batchPlan';
import type { MnistSet } from '../engine/data/mnistInput';
import type { ComputeBackend } from './computeBackend';
import type { EngineSlot } from './engineSlot';
import type { EngineCommand, EngineEvent } from './protocol';
import { measuredStep } from './layerStats';
import { isDiverged } from './runGuards';
import { saveCheckpoint, type CheckpointContext } from './trainingCheckpoint';
import { TrainingSession } from './trainingSession';
import { createWaitTurn, pollSleep } from './waitTurn';

const SLICE_MS = 30;
const STREAM_MS = 33;
const REPORT_MS = 250;

/** The commands this module answers. */
export type TrainingCommand = Extract<
  EngineCommand,
  { type: 'train' | 'pause' | 'step' | 'setHyperparameters' | 'saveCheckpoint' }
>;

const TRAINING_COMMANDS: ReadonlySet<EngineCommand['type']> = new Set([
  'train',
  'pause',
  'step',
  'setHyperparameters',
  'saveCheckpoint',
]);

/** True for the commands `TrainingPump.execute` answers. */
export function isTrainingCommand(command: EngineCommand): command is TrainingCommand {
  return TRAINING_COMMANDS.has(command.type);
}

/** What the pump needs from the rest of the worker. */
export interface PumpHooks {
  post(event: EngineEvent): void;
  /** The MNIST sets sent with `setDataset`, or null before. */
  data(): { train: MnistSet; test: MnistSet } | null;
  /** The drawing whose activations stream while training, or null. */
  drawing(): Float32Array | null;
  /** True while a teaching copy replaces the loaded weights. */
  teaching(): boolean;
}

/** The run being trained in the worker, if any, and the loop that trains it. */
export class TrainingPump {
  session: TrainingSession | null = null;
  private pumping = false;
  /** Test images evaluated at each automatic checkpoint (0: none). */
  private evaluateImages = 0;
  private readonly waitTurn = createWaitTurn();
  private readonly checkpoints: CheckpointContext;

  constructor(
    private readonly slot: EngineSlot,
    private readonly hooks: PumpHooks,
  ) {
    this.checkpoints = { slot, hooks, session: () => this.session };
  }

  async execute(command: TrainingCommand): Promise<void> {
    switch (command.type) {
      case 'train': {
        const data = this.hooks.data();
        if (!data) throw new Error('no dataset: send setDataset first');
        if (!this.slot.weights) throw new Error('no weights: send loadWeights first');
        if (this.hooks.teaching())
          throw new Error('the network is being taught one drawing: undo the teaching or load weights first');
        const backend = this.slot.require();
        const stepsPerEpoch = Math.ceil(data.train.count / command.settings.batchSize);
        if (!this.session || this.session.settings !== command.settings) {
          backend.beginTraining(data.train, command.settings, command.stepsDone);
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
        for (let i = 0; i < command.batches; i++) await this.trainOne(session, i === command.batches - 1);
        const stats = await this.slot.require().readStatistics(pollSleep);
        this.hooks.post({
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
        await saveCheckpoint(this.checkpoints, command.requestId);
        return;
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }

  /** Ends the run (new weights were loaded, or the network is taught a drawing). */
  stop(): void {
    if (this.session) this.session.status = 'paused';
    this.session = null;
  }

  /** Restarts the current run's training on `backend` at `step` (after the engine changed); no-op without a run. */
  resume(backend: ComputeBackend, step: number): void {
    const data = this.hooks.data();
    if (!this.session || !data) return;
    backend.beginTraining(data.train, this.session.settings, step);
    this.session.step = step;
  }

  private requireSession(): TrainingSession {
    if (!this.session) throw new Error('no training run: send train first');
    return this.session;
  }

  /** Trains one batch; with `measure`, keeps the momentum charts' figures of it (layerStats.ts). */
  private async trainOne(session: TrainingSession, measure = false): Promise<void> {
    const backend = this.slot.require();
    const architecture = this.slot.weights?.architecture;
    let batch: PlannedBatch;
    if (measure && architecture) {
      // The slice's statistics so far, so that the report can also give the measured step's own loss.
      session.statsBeforeMeasured = await backend.readStatistics(pollSleep);
      const measured = await measuredStep(backend, session.hyperparameters, architecture, pollSleep);
      batch = measured.batch;
      session.layerStats = measured.stats;
    } else {
      batch = backend.trainStep(session.hyperparameters);
      await backend.settle(pollSleep);
    }
    const checkpointEpoch = session.record(batch);
    if (checkpointEpoch !== null) await saveCheckpoint(this.checkpoints, null, this.evaluateImages, checkpointEpoch);
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
        while (performance.now() < sliceEnd && session.status === 'running' && !session.finished) {
          // Once a report is due, the slice ends after one more step, measured for the momentum charts.
          const reportDue = performance.now() - lastReport >= REPORT_MS;
          await this.trainOne(session, reportDue);
          if (reportDue) break;
        }
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
          const stats = session.reportStatistics(await this.slot.require().readStatistics(pollSleep));
          if (stats && isDiverged(stats.loss)) {
            this.diverged(session, stats.loss);
            break;
          }
          this.hooks.post({
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
        this.hooks.post({
          type: 'failed',
          requestId: null,
          message: `training stopped: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    } finally {
      this.pumping = false;
    }
  }

  /** True when work failed because the GPU context went away (the run then moves to a CPU engine). */
  private lostDuringWork(backend: ComputeBackend | null): boolean {
    if (backend?.kind !== 'webgl2' || !backend.isLost()) return false;
    this.slot.fallBack({ code: 'contextLost' });
    return this.session?.status === 'running';
  }

  private streamDrawing(session: TrainingSession): void {
    const drawing = this.hooks.drawing();
    if (!drawing) return;
    this.hooks.post({ type: 'activationsStreamed', frame: this.slot.require().infer(drawing), step: session.step });
  }

  /** Pauses a run whose loss is no longer finite and returns the weights to the last good checkpoint. */
  private diverged(session: TrainingSession, loss: number): void {
    session.status = 'paused';
    this.hooks.post({ type: 'trainingDiverged', epoch: session.epoch, step: session.step, loss });
    this.slot.reloadLastWeights();
    this.hooks.post({ type: 'progressReported', progress: session.progress(null, null) });
  }
}
