/**
 * The engine the worker computes with, and the last weights it can resume a run from: which
 * backend runs (the GPU one; the WebAssembly engine when WebGL2 is missing, a software renderer or its
 * context is lost; the CPU reference when WebAssembly is missing too), how it falls back to a CPU
 * engine and back to a restored GPU, and the weights that survive the switch.
 */
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import { startBackend, type BackendFactories } from './backendFactories';
import type { ComputeBackend } from './computeBackend';
import type { Backend, EngineEvent, EngineReason } from './protocol';

/** Weights the worker holds: those loaded, then each checkpoint's. */
export interface HeldWeights {
  readonly architecture: ArchitectureOptions;
  readonly params: Float32Array;
  readonly velocity: Float32Array | null;
  /** Training steps the weights stand for. */
  readonly step: number;
}

/** What the slot needs from the rest of the worker. */
export interface SlotHooks {
  post(event: EngineEvent): void;
  /** The step the current run has reached, or null without a run. */
  currentStep(): number | null;
  /** Restarts the current run's training on `backend` at `step` (weights just reloaded); no-op without a run. */
  resume(backend: ComputeBackend, step: number): void;
}

/** The backend in use and the weights it can resume from. */
export class EngineSlot {
  private backend: ComputeBackend | null = null;
  private held: HeldWeights | null = null;
  /** Threads the WebAssembly engine may train on (the `start` command's `wasmThreads`). */
  private wasmThreads: 1 | 2 = 2;

  constructor(
    private readonly factories: BackendFactories,
    private readonly hooks: SlotHooks,
  ) {}

  /** Starts the preferred backend (falling back to a CPU engine with a reason); returns the reason, if any. */
  start(prefer: Backend | 'auto', wasmThreads: 1 | 2 = 2): { backend: ComputeBackend; reason: EngineReason | null } {
    this.wasmThreads = wasmThreads;
    const started = startBackend(
      prefer,
      this.factories,
      () => this.fallBack({ code: 'contextLost' }),
      () => this.restoreGpu(),
      wasmThreads,
    );
    this.backend = started.backend;
    return started;
  }

  /** The backend in use (moving to a CPU engine first if the GPU context was lost). */
  require(): ComputeBackend {
    if (!this.backend) throw new Error('the engine has not started');
    if (this.backend.isLost()) this.fallBack({ code: 'contextLost' });
    return this.backend!;
  }

  /** The backend in use, or null before start. */
  get current(): ComputeBackend | null {
    return this.backend;
  }

  /** The weights held (null before any load). */
  get weights(): HeldWeights | null {
    return this.held;
  }

  /** Loads new weights into the backend and holds them. */
  load(architecture: ArchitectureOptions, params: Float32Array, velocity: Float32Array | null): void {
    this.held = { architecture, params: params.slice(), velocity, step: 0 };
    this.require().load(architecture, params, velocity);
  }

  /** Holds a checkpoint's weights (the point a run resumes from after a switch or a divergence). */
  hold(params: Float32Array, velocity: Float32Array, step: number): void {
    if (this.held) this.held = { ...this.held, params: params.slice(), velocity: velocity.slice(), step };
  }

  /** Puts the held weights back into the backend and resumes the run from their step. */
  reloadLastWeights(): void {
    const weights = this.held;
    if (!weights || !this.backend) return;
    this.backend.load(weights.architecture, weights.params, weights.velocity);
    this.hooks.resume(this.backend, weights.step);
  }

  /**
   * Moves to a CPU engine, the WebAssembly one where it starts, else the reference, continuing from the
   * held weights, and says why (the engine it moved to says the rest).
   */
  fallBack(reason: EngineReason): void {
    if (this.backend?.kind === 'cpu' || this.backend?.kind === 'wasm') return;
    let next: ComputeBackend | null = null;
    try {
      next = this.factories.wasm?.(this.wasmThreads) ?? null;
    } catch {
      // The reference engine below runs everywhere.
    }
    this.backend = next ?? this.factories.cpu();
    this.reloadLastWeights();
    this.hooks.post({ type: 'backendChanged', backend: this.backend.kind, reason });
  }

  /** Moves back to a restored GPU context, carrying over the CPU engine's current weights (ours to restore only). */
  private restoreGpu(): void {
    try {
      const gpu = this.factories.gpu(
        () => this.fallBack({ code: 'contextLost' }),
        () => this.restoreGpu(),
      );
      const current = this.backend;
      const snapshot = current ? { params: current.parameters(), velocity: current.velocity() } : null;
      current?.dispose();
      this.backend = gpu;
      if (this.held && snapshot)
        this.held = { ...this.held, ...snapshot, step: this.hooks.currentStep() ?? this.held.step };
      this.reloadLastWeights();
      this.hooks.post({ type: 'backendChanged', backend: 'webgl2', reason: { code: 'contextRestored' } });
    } catch {
      // Staying on the CPU is correct when the GPU cannot be brought back.
    }
  }
}
