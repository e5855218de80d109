/** The learned combinations' and runs' members of `window.lenet`: α at the selected checkpoint, and choosing a run. */
import type { EngineConnection } from '../../store/connectEngine';
import { heldParams } from '../../store/runRecord';
import { alphaFromParams, alphaRows } from '../combinations/alphaMatrix';

/** The learned combinations' part of `window.lenet`. */
export interface CombinationsAutomation {
  /** α (16 rows of 6 softmax values, row = c3 map) at the selected checkpoint, or null for a run without learned combinations. */
  alpha(): number[][] | null;
  /**
   * Shows run `id` (the shipped `lenet5-default`, `lenet5-classic`, `lenet5-learned`, or a run trained or imported
   * here, as `state().run` names it) at its last checkpoint; resolves when the view shows it.
   */
  selectRun(id: string): Promise<void>;
}

/** The members, over the connection (`require` throws before it is up). */
export function combinationsAutomation(require: () => EngineConnection): CombinationsAutomation {
  return {
    alpha() {
      const connection = require();
      const run = connection.selectedRun();
      const alpha = alphaFromParams(run.architecture.layers, heldParams(run, connection.selectedIndex()));
      return alpha && alphaRows(alpha);
    },
    async selectRun(id) {
      const connection = require();
      const run = connection.runs.get(id);
      if (!run) throw new Error(`no run ${String(id)}; runs: ${[...connection.runs.keys()].join(', ')}`);
      await connection.showRun(run);
    },
  };
}
