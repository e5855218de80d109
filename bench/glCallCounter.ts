/** Counting the draws and synchronous readbacks a piece of code issues on a WebGL2 context. */
import type { TrainingStepCounters } from './engineBench';

type GlMethod = (...args: unknown[]) => unknown;

const DRAW_METHODS = [
  'drawArrays',
  'drawElements',
  'drawArraysInstanced',
  'drawElementsInstanced',
  'drawRangeElements',
];
const READBACK_METHODS = ['readPixels', 'getBufferSubData'];

/**
 * Runs `work` with `gl`'s draw and readback methods wrapped, and returns how many of each it called.
 * A synchronous readback is `getBufferSubData` or a `readPixels` into client memory (no PIXEL_PACK_BUFFER bound).
 */
export function countGlCalls(gl: WebGL2RenderingContext, work: () => void): TrainingStepCounters {
  const counts: TrainingStepCounters = { drawsPerTrainingStep: 0, syncReadbacksPerTrainingStep: 0 };
  const methods = gl as unknown as Record<string, GlMethod>;
  const restore: (() => void)[] = [];
  const wrap = (name: string, count: (args: unknown[]) => void) => {
    const ownBefore = Object.prototype.hasOwnProperty.call(gl, name);
    const original = methods[name]!;
    methods[name] = (...args: unknown[]) => {
      count(args);
      return original.apply(gl, args);
    };
    restore.push(() => {
      if (ownBefore) methods[name] = original;
      else delete methods[name];
    });
  };
  for (const name of DRAW_METHODS)
    wrap(name, () => {
      counts.drawsPerTrainingStep++;
    });
  for (const name of READBACK_METHODS) {
    wrap(name, () => {
      if (name === 'getBufferSubData' || gl.getParameter(gl.PIXEL_PACK_BUFFER_BINDING) === null) {
        counts.syncReadbacksPerTrainingStep++;
      }
    });
  }
  try {
    work();
  } finally {
    for (const undo of restore) undo();
  }
  return counts;
}
