/**
 * The worker side of the protocol: answers commands, handing each family to its module (training:
 * trainingPump.ts; the backward view: backpropCommands.ts; the explorer: explorerCommands.ts; the
 * transform probe: probeCommands.ts; attribution, portraits and feature images: interpretCommands.ts). Which engine
 * computes, and its fallback when WebGL2 is missing or its context is lost, is engineSlot.ts.
 */
import type { MnistSet } from '../engine/data/mnistInput';
import { problemOf } from '../engine/model/runFormatError';
import type { ComputeBackend } from './computeBackend';
import { DEFAULT_FACTORIES, type BackendFactories } from './backendFactories';
import { BackpropCommands, isBackpropCommand } from './backpropCommands';
import { ExplorerCommands, isExplorerCommand } from './explorerCommands';
import { readArchiveCommand } from './importCommands';
import { isProbeCommand, ProbeCommands, scratchBackend } from './probeCommands';
import { InterpretCommands, isInterpretCommand } from './interpretCommands';
import { EngineSlot } from './engineSlot';
import { GpuBackend } from './gpuBackend';
import { transferables, type EngineCommand, type EngineEvent, type Endpoint } from './protocol';
import { checkInput } from './runGuards';
import { isTrainingCommand, TrainingPump } from './trainingPump';
import { pollSleep } from './waitTurn';

export type { BackendFactories } from './backendFactories';

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
  private readonly training: TrainingPump;
  private readonly backprop: BackpropCommands;
  private readonly explorer: ExplorerCommands;
  private readonly probe: ProbeCommands;
  private readonly interpret: InterpretCommands;
  /** Set by a simulated fault: the worker stops answering anything. */
  private hung = false;

  constructor(
    private readonly endpoint: Endpoint,
    factories: BackendFactories,
  ) {
    this.slot = new EngineSlot(factories, {
      post: (event) => this.post(event),
      currentStep: () => this.training.session?.step ?? null,
      resume: (backend, step) => this.training.resume(backend, step),
    });
    this.training = new TrainingPump(this.slot, {
      post: (event) => this.post(event),
      data: () => this.data,
      drawing: () => this.drawing,
      teaching: () => this.backprop.teaching.active,
    });
    this.explorer = new ExplorerCommands(
      (event) => this.post(event),
      () => this.data?.test ?? null,
    );
    this.probe = new ProbeCommands(
      () => scratchBackend(factories),
      (event) => this.post(event),
    );
    this.backprop = new BackpropCommands(
      this.slot,
      (event) => this.post(event),
      () => this.explorer.test(),
    );
    this.interpret = new InterpretCommands(
      this.slot,
      this.backprop.teaching,
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
      const message = error instanceof Error ? error.message : String(error);
      const problem = problemOf(error); // a refusal as data too, for the page to show in its language
      this.post({ type: 'failed', requestId, message, ...(problem && { problem }) });
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
    if (isProbeCommand(command)) {
      await this.probe.execute(command);
      return;
    }
    if (isInterpretCommand(command)) {
      await this.interpret.execute(command);
      return;
    }
    if (isBackpropCommand(command)) {
      // Teaching replaces the weights a paused run would continue from.
      if (command.type === 'teach' || command.type === 'undoTeach') this.training.stop();
      await this.backprop.execute(command);
      return;
    }
    if (isTrainingCommand(command)) {
      await this.training.execute(command);
      return;
    }
    switch (command.type) {
      case 'start': {
        const started = this.slot.start(command.prefer, command.wasmThreads);
        this.post({
          type: 'started',
          backend: started.backend.kind,
          renderer: started.backend.renderer,
          reason: started.reason,
        });
        return;
      }
      case 'loadWeights':
        this.training.stop();
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
}
