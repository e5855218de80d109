/** The attribution shown on the pad and its status, for React (they change outside the store, up to once a frame). */
import { useSyncExternalStore } from 'react';
import type { Attribution } from '../../engine/interpret/attribute';
import { attributionListeners, frameHolder } from '../../store/frameHolder';
import { attributionStatus, type AttributionStatus } from './attributionRunner';

const subscribe = (listener: () => void) => {
  attributionListeners.add(listener);
  return () => attributionListeners.delete(listener);
};

/** The attribution shown now (frameHolder.attribution), or null. */
export function useShownAttribution(): Attribution | null {
  return useSyncExternalStore(subscribe, () => frameHolder.attribution);
}

/** Whether a map is being computed, and why none could be. */
export function useAttributionStatus(): AttributionStatus {
  return useSyncExternalStore(attributionStatus.subscribe, attributionStatus.get);
}
