/**
 * Keeps the GPU's queue of submitted work short without stalling: a fence after each unit of work
 * (a training step), and `settle` waits, polling, until at most `ahead` units are still queued.
 * Submitting faster than the GPU runs would only lengthen the queue: an inference asked for
 * between steps would wait behind all of it, and a readback would wait for the whole backlog.
 */
export class FenceQueue {
  private readonly fences: WebGLSync[] = [];

  constructor(private readonly gl: WebGL2RenderingContext) {}

  /** Marks the end of a unit of work and sends it to the GPU. */
  mark(): void {
    const fence = this.gl.fenceSync(this.gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (fence) this.fences.push(fence);
    this.gl.flush();
  }

  /** Resolves once at most `ahead` marked units are unfinished, polling through `wait` (which should sleep, not spin). */
  async settle(wait: () => Promise<void>, ahead = 1): Promise<void> {
    const { gl } = this;
    while (this.fences.length > ahead) {
      if (gl.isContextLost()) {
        this.dispose();
        return;
      }
      if (gl.getSyncParameter(this.fences[0], gl.SYNC_STATUS) === gl.SIGNALED) gl.deleteSync(this.fences.shift()!);
      else await wait();
    }
  }

  /** Forgets every pending fence. */
  dispose(): void {
    for (const fence of this.fences.splice(0)) this.gl.deleteSync(fence);
  }
}
