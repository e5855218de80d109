/**
 * The transform probe's side of the engine connection: sets the shift, rotation and scale the network's
 * input is read under (networkInput.ts), runs the invariance sweeps in the worker (the selected checkpoint,
 * and the shipped runs beside it: max pooling against LeCun's subsampling), and measures equivariance
 * (two forward passes of the view's engine: the untransformed input and its whole-pixel shift).
 */
import { checkpointParams } from './runRecord';
import { checkTransform, IDENTITY_TRANSFORM, transformInput, type InputTransform } from '../engine/data/inputTransform';
import { equivarianceMaps, mapGeometry, type EquivarianceMaps } from '../engine/probe/equivariance';
import { isSweepKind, probabilityRows, sweepValues, type SweepKind } from '../engine/probe/invarianceSweep';
import { frameValues } from '../engine/activationFrame';
import type { EngineClient } from '../worker/engineClient';
import { useAppStore, type InvarianceSweepSet } from './appStore';
import { SWEPT_SHIPPED_RUNS } from './compareReading';
import type { RunRecord } from './runRecord';

/** What the probe's panels and the automation API call. */
export interface ProbeController {
  /** Sets (or clears, with null) the transform; resolves when the view shows the transformed input. */
  setProbe(transform: Partial<InputTransform> | null): Promise<void>;
  /**
   * One invariance sweep of the untransformed input under the weights shown (the selected checkpoint or its
   * teaching copy) and, with `withShipped`, each other shipped run at its last checkpoint; kept in `sweeps`.
   */
  sweep(kind: SweepKind, withShipped?: boolean): Promise<InvarianceSweepSet>;
  /** The equivariance maps of a map layer for a whole-pixel shift (default: the probe's dx, dy). */
  equivariance(layerId: string, shift?: { dx: number; dy: number }): Promise<EquivarianceMaps>;
}

interface Dependencies {
  client: EngineClient;
  runs: ReadonlyMap<string, RunRecord>;
  selected(): { run: RunRecord; index: number };
  /** The weights the view shows (the selected checkpoint's, or its teaching copy's). */
  params(): Float32Array;
  /** Reads an input (the store's, untransformed; the probe is applied on the way) and resolves when it is shown. */
  infer(input: Float32Array | null): Promise<void>;
}

const untransformed = () => useAppStore.getState().input ?? new Float32Array(1024);

/** Creates the controller; sweeps are forgotten whenever the input or the weights shown change. */
export function createProbeController(deps: Dependencies): ProbeController {
  const { client } = deps;
  useAppStore.subscribe((state, before) => {
    const changed =
      state.input !== before.input ||
      state.run !== before.run ||
      state.checkpointIndex !== before.checkpointIndex ||
      state.teaching !== before.teaching;
    if (changed && Object.keys(state.sweeps).length > 0) state.set({ sweeps: {} });
  });

  return {
    async setProbe(transform) {
      const probe = transform === null ? null : checkTransform(transform);
      useAppStore.getState().set({ probe });
      await deps.infer(useAppStore.getState().input);
    },
    async sweep(kind, withShipped = true) {
      if (!isSweepKind(kind)) throw new Error(`a sweep is 'shift', 'rotate' or 'scale', got ${String(kind)}`);
      const cached = useAppStore.getState().sweeps[kind];
      if (cached && (cached.runs.length > 1 || !withShipped)) return cached;
      const input = useAppStore.getState().input;
      const { run, index } = deps.selected();
      const params = deps.params();
      const teaching = useAppStore.getState().teaching !== null;
      const entries = [{ run: run.name, epoch: run.checkpoints[index].epoch, selected: true, params, record: run }];
      for (const name of withShipped ? SWEPT_SHIPPED_RUNS : []) {
        const other = deps.runs.get(name);
        const last = other?.checkpoints.at(-1);
        if (!other || !last || (other === run && index === other.checkpoints.length - 1 && !teaching)) continue;
        const lastParams = await checkpointParams(other, other.checkpoints.length - 1);
        entries.push({ run: name, epoch: last.epoch, selected: false, params: lastParams, record: other });
      }
      const probabilities = await client.sweepInvariance(
        input ?? new Float32Array(1024),
        kind,
        entries.map((e) => ({ architecture: e.record.architecture, params: e.params })),
      );
      const result: InvarianceSweepSet = {
        kind,
        values: sweepValues(kind),
        runs: entries.map((e, n) => ({
          run: e.run,
          epoch: e.epoch,
          selected: e.selected,
          probabilities: probabilityRows(probabilities[n]),
        })),
      };
      // Kept only if nothing it was computed from changed meanwhile.
      const now = useAppStore.getState();
      if (now.input === input && deps.params() === params && deps.selected().run === run)
        now.set({ sweeps: { ...now.sweeps, [kind]: result } });
      return result;
    },
    async equivariance(layerId, shift) {
      const { dx, dy } = shift ?? useAppStore.getState().probe ?? IDENTITY_TRANSFORM;
      const layers = useAppStore.getState().layers;
      mapGeometry(layers, layerId); // a dense layer has no map to shift
      if (!Number.isInteger(dx) || !Number.isInteger(dy))
        throw new RangeError(`equivariance is measured for whole-pixel shifts, got (${dx}, ${dy})`);
      const input = untransformed();
      const shifted = transformInput(input, { ...IDENTITY_TRANSFORM, dx, dy });
      const [original, moved] = [await client.infer(input), await client.infer(shifted)];
      return equivarianceMaps(layers, layerId, frameValues(original, layerId), frameValues(moved, layerId), dx, dy);
    },
  };
}
