/**
 * The equivariance panel's data: the maps of one layer for the probe's whole-pixel shift, measured on the view's
 * engine (probeController.equivariance: two forward passes) again whenever the input, the weights shown, the shift
 * or the layer change (at most one measurement in flight; the latest wins).
 */
import { useEffect, useState } from 'react';
import type { EquivarianceMaps } from '../../engine/probe/equivariance';
import { errorText } from '../../i18n/message';
import { useAppStore } from '../../store/appStore';
import type { ProbeController } from '../../store/probeController';
import { useFrameVersion } from '../view/useFrameVersion';

/** What the panel shows: the maps (null before the first measurement), and a problem if it failed. */
export interface EquivarianceState {
  readonly maps: EquivarianceMaps | null;
  readonly problem: string | null;
}

/** The equivariance maps of `layer` for the shift (dx, dy) (whole pixels; null: none to compare). */
export function useEquivariance(
  probe: ProbeController,
  layer: string,
  shift: { dx: number; dy: number } | null,
): EquivarianceState {
  const [state, setState] = useState<EquivarianceState>({ maps: null, problem: null });
  const version = useFrameVersion();
  const input = useAppStore((s) => s.input);
  const dx = shift?.dx ?? null;
  const dy = shift?.dy ?? null;
  useEffect(() => {
    if (dx === null || dy === null || !input) return;
    let live = true;
    const timer = setTimeout(() => {
      probe.equivariance(layer, { dx, dy }).then(
        (maps) => {
          if (live) setState({ maps, problem: null });
        },
        (error: unknown) => {
          if (live) setState({ maps: null, problem: errorText(error) });
        },
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [probe, layer, dx, dy, input, version]);
  return state;
}
