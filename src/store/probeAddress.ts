/**
 * The transform probe's and the close-up's fields of the address (addressState.ts reads and writes them):
 *
 *   probe=dx,dy,rotate,scale   the transform (left out when there is none)
 *   probepanel=layer.map       the probe's panel open, its equivariance layer and map
 *   slide=speed                the close-up's slide mode on, at that many cells per second
 *   stride=s, padding=p        the c1 close-up's stride and zero padding (left out at 1 and 0)
 *   inmap=j                    the connected input map a conv close-up shows (left out at 0)
 *   closeup=folded             the close-up folded to its heading
 */
import { checkTransform, type InputTransform } from '../engine/data/inputTransform';
import { isPadding, isSlideSpeed, isStride } from './closeupSettings';

/** The probe's and close-up's part of an address; null: not carried. */
export interface ProbeAddress {
  readonly probe: InputTransform | null;
  readonly probePanel: { readonly layer: string; readonly map: number } | null;
  readonly slide: number | null;
  readonly stride: number | null;
  readonly padding: number | null;
  readonly closeupMap: number | null;
  readonly closeupFolded: true | null;
}

/** The fields of this part, as the notes about an address name them. */
export type ProbeAddressField = 'probe' | 'probePanel' | 'slide' | 'stride' | 'padding' | 'closeupMap' | 'closeup';

/** Nothing of the probe or the close-up carried. */
export const EMPTY_PROBE_ADDRESS: ProbeAddress = {
  probe: null,
  probePanel: null,
  slide: null,
  stride: null,
  padding: null,
  closeupMap: null,
  closeupFolded: null,
};

/** The keys of this part of an address. */
export const PROBE_KEYS = ['probe', 'probepanel', 'slide', 'stride', 'padding', 'inmap', 'closeup'];

/** Reads one key of the address with `parse`; a value that parses to null (or throws) is noted as malformed. */
export type FieldReader = <T>(key: string, name: ProbeAddressField, parse: (value: string) => T | null) => T | null;

const NUMBER = /^-?\d{1,4}(\.\d{1,24})?(e[-+]?\d{1,3})?$/;
const digits = (value: string) => (/^\d{1,4}$/.test(value) ? Number(value) : null);

/** The key=value pairs of this part, for the fields carried. */
export function encodeProbeFields(state: ProbeAddress): [string, string][] {
  const fields: [string, string][] = [];
  const { probe, probePanel } = state;
  if (probe) fields.push(['probe', [probe.dx, probe.dy, probe.rotate, probe.scale].map(String).join(',')]);
  if (probePanel) fields.push(['probepanel', `${probePanel.layer}.${probePanel.map}`]);
  if (state.slide !== null) fields.push(['slide', String(state.slide)]);
  if (state.stride !== null) fields.push(['stride', String(state.stride)]);
  if (state.padding !== null) fields.push(['padding', String(state.padding)]);
  if (state.closeupMap !== null) fields.push(['inmap', String(state.closeupMap)]);
  if (state.closeupFolded) fields.push(['closeup', 'folded']);
  return fields;
}

/** This part of an address, each field read on its own through `read`. */
export function decodeProbeFields(read: FieldReader): ProbeAddress {
  return {
    probe: read('probe', 'probe', (value) => {
      const parts = value.split(',');
      if (parts.length !== 4 || !parts.every((part) => NUMBER.test(part))) return null;
      const [dx, dy, rotate, scale] = parts.map(Number);
      return checkTransform({ dx, dy, rotate, scale }); // throws on a scale <= 0: malformed
    }),
    probePanel: read('probepanel', 'probePanel', (value) => {
      const match = /^([A-Za-z0-9_-]{1,32})\.(\d{1,4})$/.exec(value);
      return match ? { layer: match[1], map: Number(match[2]) } : null;
    }),
    slide: read('slide', 'slide', (value) => {
      const speed = digits(value);
      return speed !== null && isSlideSpeed(speed) ? speed : null;
    }),
    stride: read('stride', 'stride', (value) => {
      const stride = digits(value);
      return stride !== null && isStride(stride) ? stride : null;
    }),
    padding: read('padding', 'padding', (value) => {
      const padding = digits(value);
      return padding !== null && isPadding(padding) ? padding : null;
    }),
    closeupMap: read('inmap', 'closeupMap', digits),
    closeupFolded: read('closeup', 'closeup', (value) => (value === 'folded' ? true : null)),
  };
}
