/**
 * The interpretation room's heavier parts, split out of the first bundle (React.lazy): the attribution's controls
 * and read-outs (loaded when the heatmap is turned on) and the neuron portrait's content (when it opens).
 */
import { lazy } from 'react';

const controls = () => import('./AttributionControls');
const portrait = () => import('./PortraitContent');

/** The method, target and options of the heatmap, and its read-outs. */
export const LazyAttributionControls = lazy(() => controls().then((m) => ({ default: m.AttributionControls })));

/** The pinned node's top digits, histogram and feature image. */
export const LazyPortraitContent = lazy(() => portrait().then((m) => ({ default: m.PortraitContent })));
