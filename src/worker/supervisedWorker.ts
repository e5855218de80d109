/**
 * The page's end of the engine worker, watched: an Endpoint that forwards to the current worker, pings
 * it every HEARTBEAT_MS and reports it dead when it raised an error, sent a message that could not be
 * read, or left a ping unanswered for HUNG_AFTER_MS (a worker that closed itself sends nothing at all).
 * `replace()` starts a fresh worker behind the same Endpoint, so the EngineClient and its subscribers stay.
 */
import type { EngineCommand, EngineEvent, Endpoint } from './protocol';

/** How often the worker is pinged. */
export const HEARTBEAT_MS = 1000;
/**
 * A worker that has not answered a ping for this long is taken as hung. The worker answers between
 * slices of work (training slices of 30 ms, predictions in chunks), so only a stuck worker stays silent.
 */
export const HUNG_AFTER_MS = 8000;

/** What a worker-like object must offer (a real Worker, or a MessagePort-backed fake in tests). */
export interface WorkerLike extends Endpoint {
  terminate(): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: MessageEvent) => void): void;
}

/** An Endpoint over a worker that is replaced when it dies. */
export class SupervisedWorker implements Endpoint {
  private worker: WorkerLike;
  private readonly listeners = new Set<(event: MessageEvent) => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastAnswer = 0;
  private lastBeat = 0;
  private nonce = 0;
  private dead = false;

  constructor(
    private readonly create: () => WorkerLike,
    private readonly onDeath: (reason: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.worker = this.attach(create());
  }

  private readonly onMessage = (event: MessageEvent) => {
    const data = event.data as EngineEvent;
    this.lastAnswer = this.now();
    if (data?.type === 'pong') return;
    this.listeners.forEach((listener) => listener(event));
  };

  private readonly onError = (event: MessageEvent | ErrorEvent) => {
    const detail = 'message' in event && typeof event.message === 'string' && event.message ? `: ${event.message}` : '';
    this.die(event.type === 'messageerror' ? 'it sent a message that could not be read' : `it failed${detail}`);
  };

  private attach(worker: WorkerLike): WorkerLike {
    worker.addEventListener('message', this.onMessage);
    worker.addEventListener('error', this.onError as (event: MessageEvent) => void);
    worker.addEventListener('messageerror', this.onError as (event: MessageEvent) => void);
    worker.start?.();
    this.lastAnswer = this.now();
    this.lastBeat = this.lastAnswer;
    this.dead = false;
    this.timer ??= setInterval(() => this.beat(), HEARTBEAT_MS);
    return worker;
  }

  private beat(): void {
    if (this.dead) return;
    const now = this.now();
    // A page that could not run its timers (a long task, a background tab) could not read the answers
    // either: the worker gets a fresh window instead of being blamed for the page's stall.
    if (now - this.lastBeat > 3 * HEARTBEAT_MS) this.lastAnswer = now;
    this.lastBeat = now;
    if (now - this.lastAnswer > HUNG_AFTER_MS) {
      this.die(`it did not answer for ${Math.round(HUNG_AFTER_MS / 1000)} s`);
      return;
    }
    this.worker.postMessage({ type: 'ping', nonce: ++this.nonce } satisfies EngineCommand, []);
  }

  private die(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    this.onDeath(reason);
  }

  /** Terminates the current worker and starts a fresh one behind this Endpoint. */
  replace(): void {
    this.detach();
    this.worker = this.attach(this.create());
  }

  private detach(): void {
    this.worker.removeEventListener('message', this.onMessage);
    this.worker.removeEventListener('error', this.onError as (event: MessageEvent) => void);
    this.worker.removeEventListener('messageerror', this.onError as (event: MessageEvent) => void);
    this.worker.terminate();
  }

  /** Stops watching and terminates the worker (the engine stays down). */
  stop(): void {
    this.dead = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.detach();
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    if (!this.dead) {
      this.worker.postMessage(message, transfer);
      return;
    }
    // No worker to ask while a new one starts: a request fails at once instead of waiting forever.
    const requestId = (message as { requestId?: unknown } | null)?.requestId;
    if (typeof requestId !== 'number') return;
    const failed: EngineEvent = {
      type: 'failed',
      requestId,
      message: 'the engine is not running (it stopped and is being restarted)',
    };
    queueMicrotask(() => this.listeners.forEach((listener) => listener({ data: failed } as MessageEvent)));
  }

  addEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
    this.listeners.delete(listener);
  }
}
