/** The interpretation slice of the app's state (combined with the others in appSlices.ts): attribution and portraits. */
import type { AttributionMethod } from '../engine/interpret/attribute';

/** What the attribution on the pad explains and how (src/ui/interpret); its maps live in frameHolder.attribution. */
export interface AttributionChoice {
  /** Whether the heatmap is on. */
  readonly on: boolean;
  readonly method: AttributionMethod;
  /** The digit explained; null: the network's reading. */
  readonly target: number | null;
  /** "target rather than contrast" (z_target − z_contrast); null: the target's logit alone. */
  readonly contrast: number | null;
  /** SmoothGrad's noisy copies n and noise σ, integrated gradients' steps m, occlusion's patch p, Grad-CAM's layer. */
  readonly samples: number;
  readonly sigma: number;
  readonly steps: number;
  readonly patch: number;
  readonly layer: string;
}

/** Attribution on the pad and the neuron portrait (src/ui/interpret, store/interpretController.ts). */
export interface InterpretSlice {
  attribution: AttributionChoice;
  /** The heatmap is also shown on the 3D view's input plane (a frame kind of the one view). */
  attributionOnView: boolean;
  /** The portrait panel of the pinned node is open. */
  portraitOpen: boolean;
  /** The per-checkpoint portrait pass under way: the share of its work done, or null when none runs. */
  portraitProgress: number | null;
}
