/**
 * The heavy panels, split out of the first bundle (React.lazy): the backward pass with the kernels' gradients,
 * the test-set explorer and the training charts. They load when first shown, or earlier with `preloadPanels`
 * once the page is idle after its first reading.
 */
import { lazy } from 'react';
import { preloadCloseup } from '../closeup/CloseupMount';
import { preloadProbe } from '../probe/ProbeSection';

const learning = () => import('../backprop/LearningPanels');
const explorer = () => import('../explorer/ExplorerContent');
const charts = () => import('../charts/TrainingCharts');

/** The backward pass, teaching, the parameter gradients and the gradient check (src/ui/backprop, src/ui/kernels). */
export const LazyLearningPanels = lazy(() => learning().then((m) => ({ default: m.LearningPanels })));

/** The explorer's confusion matrix, gallery, accuracy heatmap and digit history (src/ui/explorer). */
export const LazyExplorerContent = lazy(() => explorer().then((m) => ({ default: m.ExplorerContent })));

/** The training charts, the momentum charts and the run comparison (src/ui/charts, src/ui/momentum, src/ui/compare). */
export const LazyTrainingCharts = lazy(() => charts().then((m) => ({ default: m.TrainingCharts })));

/** Fetches the panels' code without showing them (a failure is left to their first showing). */
export function preloadPanels(): void {
  for (const load of [learning, explorer, charts]) load().catch(() => undefined);
  preloadCloseup();
  preloadProbe();
}
