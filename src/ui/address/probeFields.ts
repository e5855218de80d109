/**
 * The transform probe's and the close-up's part of the page's address (the codec is store/probeAddress.ts):
 * what the app state gives the address, and the address's fields applied to the app, each checked on its own.
 */
import { mapGeometry } from '../../engine/probe/equivariance';
import type { AddressField } from '../../store/addressState';
import { useAppStore, type AppState } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import type { ProbeAddress } from '../../store/probeAddress';

/** The store fields this part of the address follows. */
export const PROBE_WATCHED: readonly (keyof AppState)[] = ['probe', 'closeup', 'probePanel'];

/** What the address carries of the probe and the close-up for the app state `s` (defaults left out). */
export function probeFieldsOf(s: AppState): ProbeAddress {
  const { closeup, probePanel } = s;
  return {
    probe: s.probe,
    probePanel: probePanel.open ? { layer: probePanel.layer, map: probePanel.map } : null,
    slide: closeup.slide ? closeup.speed : null,
    stride: closeup.stride !== 1 ? closeup.stride : null,
    padding: closeup.padding !== 0 ? closeup.padding : null,
    closeupMap: closeup.map !== 0 ? closeup.map : null,
    closeupFolded: closeup.folded || null,
  };
}

/** Runs one restoring step; a failure is noted under `field`. */
export type AddressStep = (field: AddressField, action: () => Promise<void> | void) => Promise<void>;

/** Applies the address's transform, probe panel and close-up settings (after its drawing and view). */
export async function applyProbeFields(
  connection: EngineConnection,
  state: ProbeAddress,
  step: AddressStep,
): Promise<void> {
  if (state.probe) await step('probe', () => connection.probe.setProbe(state.probe));
  const { set, closeup, layers } = useAppStore.getState();
  if (state.probePanel) {
    const { layer, map } = state.probePanel;
    await step('probePanel', () => {
      mapGeometry(layers, layer); // a map layer of this run (throws for a dense or unknown one)
      const channels = layers.find((l) => l.id === layer)!.shape[0];
      if (map >= channels) throw new RangeError(`${layer} has maps 0-${channels - 1}`);
      set({ probePanel: { open: true, layer, map } });
    });
  }
  const changes = {
    ...(state.slide !== null ? { slide: true, speed: state.slide } : {}),
    ...(state.stride !== null ? { stride: state.stride } : {}),
    ...(state.padding !== null ? { padding: state.padding } : {}),
    ...(state.closeupMap !== null ? { map: state.closeupMap } : {}),
    ...(state.closeupFolded ? { folded: true } : {}),
  };
  if (Object.keys(changes).length > 0) set({ closeup: { ...closeup, ...changes } });
}
