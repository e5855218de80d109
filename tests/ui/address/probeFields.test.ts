/**
 * The probe's and the close-up's part of the page's address: what the app state gives it (defaults left out), that
 * it survives the codec, and how an address's fields are applied (each checked against the run shown on its own).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../../src/engine/model/lenet5';
import { decodeAddress, encodeAddress, EMPTY_ADDRESS, type AddressField } from '../../../src/store/addressState';
import { useAppStore } from '../../../src/store/appStore';
import { DEFAULT_CLOSEUP, DEFAULT_PROBE_PANEL } from '../../../src/store/closeupSettings';
import type { EngineConnection } from '../../../src/store/connectEngine';
import { EMPTY_PROBE_ADDRESS } from '../../../src/store/probeAddress';
import { applyProbeFields, probeFieldsOf } from '../../../src/ui/address/probeFields';

const initial = useAppStore.getState();
afterEach(() => useAppStore.setState(initial, true));

/** A connection whose probe records the transforms it is given. */
function fakeConnection(set: unknown[]): EngineConnection {
  return {
    probe: {
      setProbe: async (transform: unknown) => {
        set.push(transform);
      },
    },
  } as unknown as EngineConnection;
}

/** Applies `state`, collecting the fields whose step failed. */
async function apply(fragment: string): Promise<{ failed: AddressField[]; probes: unknown[] }> {
  const failed: AddressField[] = [];
  const probes: unknown[] = [];
  const { state } = decodeAddress(fragment);
  await applyProbeFields(fakeConnection(probes), state, async (field, action) => {
    try {
      await action();
    } catch {
      failed.push(field);
    }
  });
  return { failed, probes };
}

describe("the probe's and close-up's address fields", () => {
  it('carry nothing at the defaults', () => {
    expect(probeFieldsOf(useAppStore.getState())).toEqual(EMPTY_PROBE_ADDRESS);
  });

  it('carry the transform, the open panel and every close-up setting that is not the default, through the codec', () => {
    const { set } = useAppStore.getState();
    set({
      probe: { dx: -3, dy: 2, rotate: 12.5, scale: 0.85 },
      probePanel: { open: true, layer: 's2', map: 4 },
      closeup: { folded: true, slide: true, speed: 30, map: 2, stride: 3, padding: 2 },
    });
    const fields = probeFieldsOf(useAppStore.getState());
    expect(fields).toEqual({
      probe: { dx: -3, dy: 2, rotate: 12.5, scale: 0.85 },
      probePanel: { layer: 's2', map: 4 },
      slide: 30,
      stride: 3,
      padding: 2,
      closeupMap: 2,
      closeupFolded: true,
    });
    const text = encodeAddress({ ...EMPTY_ADDRESS, ...fields });
    expect(text).toBe('v=1&probe=-3,2,12.5,0.85&probepanel=s2.4&slide=30&stride=3&padding=2&inmap=2&closeup=folded');
    expect(decodeAddress(text)).toEqual({ state: { ...EMPTY_ADDRESS, ...fields }, ignored: [] });
  });

  it('apply an address: the transform through the probe, the settings to the store', async () => {
    useAppStore.getState().set({ layers: lenet5Layers() });
    const { failed, probes } = await apply('v=1&probe=1,0,0,1&probepanel=c3.15&slide=10&stride=2&closeup=folded');
    expect(failed).toEqual([]);
    expect(probes).toEqual([{ dx: 1, dy: 0, rotate: 0, scale: 1 }]);
    const s = useAppStore.getState();
    expect(s.probePanel).toEqual({ open: true, layer: 'c3', map: 15 });
    expect(s.closeup).toEqual({ ...DEFAULT_CLOSEUP, slide: true, speed: 10, stride: 2, folded: true });
  });

  it('drop a panel that names a layer without maps, or a map the layer lacks, and keep the rest', async () => {
    useAppStore.getState().set({ layers: lenet5Layers() });
    for (const panel of ['f6.0', 'c9.0', 'c1.6']) {
      const { failed } = await apply(`v=1&probepanel=${panel}&padding=1`);
      expect(failed, panel).toEqual(['probePanel']);
      expect(useAppStore.getState().probePanel).toEqual(DEFAULT_PROBE_PANEL);
      expect(useAppStore.getState().closeup.padding).toBe(1);
    }
  });
});
