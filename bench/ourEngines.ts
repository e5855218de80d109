/** Factories of this project's own engines for the benchmark page (placeholders until they are wired). */
import type { EngineBenchFactory } from './engineBench';

/** The project's WebGL2 engine. */
export const createWebgl2Bench: EngineBenchFactory = async () => {
  throw new Error('not wired yet');
};

/** The project's plain-TypeScript reference engine. */
export const createReferenceBench: EngineBenchFactory = async () => {
  throw new Error('not wired yet');
};
