/** The attribution's controls and read-outs, split out of the first bundle (React.lazy): loaded when the heatmap is turned on. */
import { lazy } from 'react';

/** The method, target and options of the heatmap, and its read-outs. */
export const LazyAttributionControls = lazy(() =>
  import('./AttributionControls').then((m) => ({ default: m.AttributionControls })),
);
