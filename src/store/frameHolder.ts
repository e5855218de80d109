/**
 * The activations the view shows, kept out of React state: the engine connection writes the latest
 * frame here and bumps `version`; the 3D view reads it inside useFrame and recolours in place.
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { BackwardFrame } from '../engine/backwardFrame';
import type { Attribution } from '../engine/interpret/attribute';

/** The latest frame and a counter that changes whenever it does. */
export interface FrameHolder {
  frame: ActivationFrame | null;
  /** The frame of the previous checkpoint for the same drawing (difference mode), or null. */
  previous: ActivationFrame | null;
  /** The backward pass of the shown input (the backward view), or null. */
  backward: BackwardFrame | null;
  version: number;
  /** performance.now() of the input event that led to this frame (latency measurement). */
  inputTime: number;
  /** The attribution map shown on the pad (and on the view's input plane in that mode), or null. */
  attribution: Attribution | null;
  /** Changes whenever `attribution` does (without changing `version`: the view repaints only when it shows it). */
  attributionVersion: number;
}

/** The one frame holder of the page. */
export const frameHolder: FrameHolder = {
  frame: null,
  previous: null,
  backward: null,
  version: 0,
  inputTime: 0,
  attribution: null,
  attributionVersion: 0,
};

/** Called after every change so the on-demand canvas redraws (set by the view). */
export const frameListeners = new Set<() => void>();

/** Replaces the shown frame. */
export function showFrame(frame: ActivationFrame | null, inputTime = performance.now()): void {
  frameHolder.frame = frame;
  frameHolder.version++;
  frameHolder.inputTime = inputTime;
  frameListeners.forEach((listener) => listener());
}

/** Replaces the shown backward pass (null: none), keeping the activations. */
export function showBackward(backward: BackwardFrame | null): void {
  frameHolder.backward = backward;
  frameHolder.version++;
  frameListeners.forEach((listener) => listener());
}

/** Replaces the shown attribution (null: none); `repaintView` when the view's input plane shows it. */
export function showAttribution(attribution: Attribution | null, repaintView: boolean): void {
  frameHolder.attribution = attribution;
  frameHolder.attributionVersion++;
  attributionListeners.forEach((listener) => listener());
  if (repaintView) frameListeners.forEach((listener) => listener());
}

/** Called after every change of the shown attribution (the pad's overlay and read-outs). */
export const attributionListeners = new Set<() => void>();

/** The top digit and the ten probabilities of a frame. */
export function predictionOf(frame: ActivationFrame) {
  const output = frame.layers[frame.layers.length - 1];
  const probabilities = Array.from(frame.values.subarray(output.out[0], output.out[0] + output.out[1]));
  return { label: probabilities.indexOf(Math.max(...probabilities)), probabilities };
}
