/**
 * Runs the invariance sweeps the panel shows: once the input has stayed the same for a moment, each sweep missing
 * from the store (shift, then rotation, then scale), one at a time, for the selected checkpoint and the shipped
 * networks beside it (probeController.sweep); the store forgets them when the input or the weights change.
 */
import { useEffect, useState } from 'react';
import { SWEEP_KINDS } from '../../engine/probe/invarianceSweep';
import { errorText } from '../../i18n/message';
import { useAppStore } from '../../store/appStore';
import type { ProbeController } from '../../store/probeController';

/** How long the input must stay the same before the sweeps run (ms): not at every stroke while drawing. */
const SETTLE = 400;

/** Whether sweeps are still on their way, and the last failure. */
export function useSweeps(probe: ProbeController): { running: boolean; problem: string | null } {
  const input = useAppStore((s) => s.input);
  const sweeps = useAppStore((s) => s.sweeps);
  const [settled, setSettled] = useState<Float32Array | null>(null);
  const [problem, setProblem] = useState<{ input: Float32Array; text: string } | null>(null);
  const next = SWEEP_KINDS.find((kind) => !sweeps[kind]) ?? null;

  useEffect(() => {
    const timer = setTimeout(() => setSettled(input), SETTLE);
    return () => clearTimeout(timer);
  }, [input]);

  const failed = problem !== null && problem.input === input;
  useEffect(() => {
    if (!settled || settled !== input || next === null || failed) return;
    let live = true;
    probe.sweep(next, true).catch((error: unknown) => {
      if (live) setProblem({ input: settled, text: errorText(error) });
    });
    return () => {
      live = false;
    };
  }, [probe, settled, input, next, failed]);

  return { running: input !== null && next !== null && !failed, problem: failed ? problem.text : null };
}
