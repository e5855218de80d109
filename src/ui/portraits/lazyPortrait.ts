/** The neuron portrait's content, split out of the first bundle (React.lazy): loaded when the portrait opens. */
import { lazy } from 'react';

/** The pinned node's top digits, histogram and feature image. */
export const LazyPortraitContent = lazy(() =>
  import('./PortraitContent').then((m) => ({ default: m.PortraitContent })),
);
