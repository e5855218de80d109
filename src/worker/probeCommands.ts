/**
 * The worker's answers to the transform probe: invariance sweeps (every shifted, turned or scaled copy of
 * one input read by each network sent) on a scratch engine of their own (the WebAssembly one where it
 * starts, else the reference engine), so the weights loaded for the view, a teaching copy and a training
 * run are never disturbed.
 */
import { isSweepKind, sweepInputs } from '../engine/probe/invarianceSweep';
import type { BackendFactories } from './backendFactories';
import type { ComputeBackend, WaitTurn } from './computeBackend';
import type { EngineCommand, EngineEvent } from './protocol';
import { checkInput } from './runGuards';
import { createWaitTurn } from './waitTurn';

/** Forward passes between two turns of the worker's event loop (so it keeps answering the page's heartbeat). */
const PASSES_PER_TURN = 64;

/** The commands this module answers. */
export type ProbeCommand = Extract<EngineCommand, { type: 'sweepInvariance' }>;

/** True for the commands `ProbeCommands.execute` answers. */
export function isProbeCommand(command: EngineCommand): command is ProbeCommand {
  return command.type === 'sweepInvariance';
}

/**
 * The softmax outputs of `count` inputs (each 1024 values of `inputs`), flat (input i, class k at i * 10 + k),
 * one forward pass each, yielding with `waitTurn` every few passes; the one place to swap for a batched pass.
 */
export async function batchProbabilities(
  backend: ComputeBackend,
  inputs: Float32Array,
  count: number,
  waitTurn: WaitTurn,
): Promise<Float32Array> {
  const probabilities = new Float32Array(count * 10);
  for (let i = 0; i < count; i++) {
    const frame = backend.infer(inputs.subarray(i * 1024, (i + 1) * 1024));
    const [offset] = frame.layers[frame.layers.length - 1].out;
    probabilities.set(frame.values.subarray(offset, offset + 10), i * 10);
    if ((i + 1) % PASSES_PER_TURN === 0) await waitTurn();
  }
  return probabilities;
}

/** The probe's scratch engine: the WebAssembly one when it starts, else the reference engine. */
export function scratchBackend(factories: BackendFactories): ComputeBackend {
  try {
    if (factories.wasm) return factories.wasm();
  } catch {
    // No WebAssembly engine here: the reference engine computes the same sweeps, slower.
  }
  return factories.cpu();
}

/** Answers the probe's commands on a scratch backend made on first use, one command at a time. */
export class ProbeCommands {
  private scratch: ComputeBackend | null = null;
  /** The command being answered: the next one waits for it (they share the scratch backend's weights). */
  private queue: Promise<void> = Promise.resolve();
  /** Resumes as soon as the messages already queued are handled (a timer would be clamped to 4 ms). */
  private readonly waitTurn = createWaitTurn();

  constructor(
    private readonly makeScratch: () => ComputeBackend,
    private readonly post: (event: EngineEvent) => void,
  ) {}

  /** Answers `command` after the ones before it. */
  execute(command: ProbeCommand): Promise<void> {
    const done = this.queue.then(() => this.answer(command));
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async answer(command: ProbeCommand): Promise<void> {
    switch (command.type) {
      case 'sweepInvariance': {
        checkInput(command.input);
        if (!isSweepKind(command.kind))
          throw new Error(`a sweep is 'shift', 'rotate' or 'scale', got ${String(command.kind)}`);
        if (command.networks.length === 0) throw new Error('a sweep needs at least one network');
        const { inputs, count } = sweepInputs(command.input, command.kind);
        this.scratch ??= this.makeScratch();
        const probabilities: Float32Array[] = [];
        for (const { architecture, params } of command.networks) {
          this.scratch.load(architecture, params, null);
          probabilities.push(await batchProbabilities(this.scratch, inputs, count, this.waitTurn));
        }
        this.post({ type: 'invarianceSwept', requestId: command.requestId, kind: command.kind, probabilities });
        return;
      }
      default: {
        const never: never = command.type;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }
}
