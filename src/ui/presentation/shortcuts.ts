/**
 * The keys a teacher uses in front of a class (listed in presentation mode, active always): C clears the pad,
 * P pins the most active pooling cell, B turns the backward view on and off, [ and ] step the checkpoints,
 * E opens the test-set explorer, F turns presentation mode on and off. Keys typed into a field, or with a modifier, are
 * left alone.
 */
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { strongestNode } from '../../viz/strongestNode';

/** A shortcut: its key (as KeyboardEvent.key) and the catalog key of what it does. */
export const SHORTCUTS = [
  { key: 'C', action: 'clear' },
  { key: 'P', action: 'pin' },
  { key: 'B', action: 'backward' },
  { key: '[', action: 'previous' },
  { key: ']', action: 'next' },
  { key: 'E', action: 'explorer' },
  { key: 'F', action: 'presentation' },
] as const;

/** The pooling layer a "most active cell" is pinned in: the one in close-up, else the first. */
export function poolingLayerFor(layers: readonly { id: string; kind: string }[], cameraPreset: string): string | null {
  const close = layers.find((layer) => layer.id === cameraPreset && layer.kind === 'pool');
  return close?.id ?? layers.find((layer) => layer.kind === 'pool')?.id ?? null;
}

/** Pins the most active cell of the pooling layer in close-up (or s2); returns false when nothing is read yet. */
export function pinMostActivePooling(): boolean {
  const { layers, cameraPreset, viewKind, set } = useAppStore.getState();
  const layer = poolingLayerFor(layers, cameraPreset);
  const node = layer ? strongestNode(layers, layer, viewKind === 'backward') : null;
  if (!node) return false;
  set({ focus: node, pinned: true });
  return true;
}

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** Listens for the shortcuts on the window; returns the function that stops listening. */
export function listenForShortcuts(engine: EngineConnection): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const s = useAppStore.getState();
    const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
    if (key === 'C') document.querySelector<HTMLButtonElement>('[data-testid="clear-pad"]')?.click();
    else if (key === 'P') pinMostActivePooling();
    else if (key === 'B') s.set({ viewKind: s.viewKind === 'backward' ? 'forward' : 'backward' });
    else if (key === '[' && s.checkpointIndex > 0) void engine.selectCheckpoint(s.checkpointIndex - 1);
    else if (key === ']' && s.checkpointIndex < s.checkpoints.length - 1)
      void engine.selectCheckpoint(s.checkpointIndex + 1);
    else if (key === 'E') s.set({ explorerOpen: !s.explorerOpen });
    else if (key === 'F') s.set({ presentation: !s.presentation });
    else return;
    event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
