/**
 * Teaching: plain SGD steps (w <- w - η dL/dw, the tutorial's eq. 8) on one image and label, on a
 * scratch copy of the weights the worker loaded. The loaded weights are kept untouched, so undo
 * returns to them exactly; loading other weights or training ends the teaching.
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { MnistSet } from '../engine/data/mnistInput';
import type { ComputeBackend, WaitTurn } from './computeBackend';
import type { HeldWeights } from './engineSlot';

/** The result of some teaching steps. */
export interface Taught {
  readonly lossBefore: number;
  readonly lossAfter: number;
  readonly frame: ActivationFrame;
  readonly backward: BackwardFrame;
  /** The teaching copy's weights after the steps (a copy). */
  readonly params: Float32Array;
}

/** The teaching copy beside the loaded weights. */
export class TeachingCopy {
  private base: HeldWeights | null = null;
  private params: Float32Array | null = null;
  /** The backend the copy was last put into (another one, after a fallback, gets it again). */
  private backend: ComputeBackend | null = null;
  private baseAccuracy: { limit: number; accuracy: number } | null = null;
  /** Steps taught since the loaded weights. */
  steps = 0;

  /** True while the backend computes with a teaching copy. */
  get active(): boolean {
    return this.params !== null;
  }

  /** Forgets the copy (the caller has loaded other weights, or training begins). */
  reset(): void {
    this.base = null;
    this.params = null;
    this.backend = null;
    this.baseAccuracy = null;
    this.steps = 0;
  }

  /** Puts the copy into `backend` when it is not there yet (after an engine fallback). */
  sync(backend: ComputeBackend): void {
    if (this.params && this.base && this.backend !== backend) {
      backend.load(this.base.architecture, this.params, null);
      this.backend = backend;
    }
  }

  /** Takes `steps` steps of size `learningRate` on `input` against `label`, starting from `loaded` when not teaching yet. */
  teach(
    backend: ComputeBackend,
    loaded: HeldWeights,
    input: Float32Array,
    label: number,
    steps: number,
    learningRate: number,
  ): Taught {
    if (!Number.isInteger(steps) || steps < 1 || steps > 1000)
      throw new RangeError(`steps must be a whole number from 1 to 1000, got ${steps}`);
    if (!(learningRate > 0 && learningRate <= 10))
      throw new RangeError(`the learning rate must be in (0, 10], got ${learningRate}`);
    if (!Number.isInteger(label) || label < 0 || label > 9)
      throw new RangeError(`the label must be a digit 0-9, got ${label}`);
    if (!this.params || !this.base) {
      this.base = loaded;
      this.params = loaded.params.slice();
    }
    this.sync(backend);
    this.backend = backend;
    const base = this.base;
    let params: Float32Array = this.params;
    let lossBefore = NaN;
    for (let s = 0; s < steps; s++) {
      const { backward } = backend.backward(input, label);
      if (s === 0) lossBefore = backward.loss;
      const next = params.slice();
      for (let i = 0; i < next.length; i++) next[i] -= learningRate * backward.gradients[i];
      if (!next.every(Number.isFinite)) {
        throw new Error(
          `teaching step ${s + 1} made the weights infinite; they are as before it. Try a smaller learning rate`,
        );
      }
      params = next;
      this.params = next;
      backend.load(base.architecture, next, null);
      this.steps++;
    }
    const { frame, backward } = backend.backward(input, label);
    return { lossBefore, lossAfter: backward.loss, frame, backward, params: params.slice() };
  }

  /** Returns the backend to the loaded weights exactly. */
  undo(backend: ComputeBackend): void {
    if (this.base) backend.load(this.base.architecture, this.base.params, this.base.velocity);
    this.reset();
  }

  /** Accuracy on the first `limit` test images with the loaded weights (cached) and with the teaching copy. */
  async evaluate(
    backend: ComputeBackend,
    test: MnistSet,
    limit: number,
    waitTurn: WaitTurn,
  ): Promise<{ before: number; after: number; images: number }> {
    if (!this.params || !this.base) throw new Error('nothing has been taught: press teach first');
    const images = Math.min(limit, test.count);
    if (this.baseAccuracy?.limit !== images) {
      backend.load(this.base.architecture, this.base.params, this.base.velocity);
      const accuracy = (await backend.evaluate(test, images, waitTurn)).accuracy;
      this.baseAccuracy = { limit: images, accuracy };
      backend.load(this.base.architecture, this.params, null);
    }
    this.sync(backend);
    const after = (await backend.evaluate(test, images, waitTurn)).accuracy;
    return { before: this.baseAccuracy.accuracy, after, images };
  }
}
