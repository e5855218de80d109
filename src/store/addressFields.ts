/** What an address carries (the codec is addressState.ts): its state, drawing and field names, and the empty state. */
import type { AttributionMethod } from '../engine/interpret/attribute';
import type { NodeRef } from '../engine/model/nodeRef';
import type { Language } from '../i18n/catalog';
import { EMPTY_PROBE_ADDRESS, type ProbeAddress, type ProbeAddressField } from './probeAddress';

/** One pen or eraser stroke on the pad: points in quarter pad pixels, x and y interleaved. */
export interface PadStroke {
  readonly eraser: boolean;
  readonly points: readonly number[];
}

/** Where the network's input comes from in an address. */
export type AddressDrawing =
  | { readonly kind: 'strokes'; readonly strokes: readonly PadStroke[] }
  | { readonly kind: 'input'; readonly input: Float32Array }
  | { readonly kind: 'test'; readonly index: number };

/** What an address carries; null: not carried. */
export interface AddressState extends ProbeAddress {
  readonly run: string | null;
  readonly epoch: number | null;
  readonly drawing: AddressDrawing | null;
  readonly focus: NodeRef | null;
  readonly traceMode: 'direct' | 'full' | null;
  readonly colourMode: 'fixed' | 'perDrawing' | 'difference' | null;
  readonly cameraPreset: string | null;
  /** The backward view: the label it is computed against, 'reading' for the network's reading; null: forward view. */
  readonly backward: number | 'reading' | null;
  /** The language the app is shown in. */
  readonly language: Language | null;
  /** The tutorial chapter open (its id), or null. */
  readonly chapter: string | null;
  /** Presentation mode on (`presentation=1`); null: not carried (off). */
  readonly presentation: true | null;
  /** The heatmap on the pad: its method, the digit explained (null: the reading) and the contrast digit; null: off. */
  readonly attribution: AddressAttribution | null;
  /** The neuron portrait open (`portrait=1`); null: not carried (closed). */
  readonly portrait: true | null;
}

/** The attribution an address carries. */
export interface AddressAttribution {
  readonly method: AttributionMethod;
  readonly target: number | null;
  readonly contrast: number | null;
}

/** The fields of an address, as the notes about it name them. */
export type AddressField =
  | 'drawing'
  | 'input'
  | 'test'
  | 'run'
  | 'checkpoint'
  | 'focus'
  | 'trace'
  | 'colour'
  | 'camera'
  | 'backward'
  | 'language'
  | 'chapter'
  | 'presentation'
  | 'view'
  | 'attribution'
  | 'target'
  | 'contrast'
  | 'portrait'
  | ProbeAddressField;

/** The address format written and read here. */
export const ADDRESS_VERSION = '1';

/** An empty state: nothing carried. */
export const EMPTY_ADDRESS: AddressState = {
  run: null,
  epoch: null,
  drawing: null,
  focus: null,
  traceMode: null,
  colourMode: null,
  cameraPreset: null,
  backward: null,
  language: null,
  chapter: null,
  presentation: null,
  attribution: null,
  portrait: null,
  ...EMPTY_PROBE_ADDRESS,
};
