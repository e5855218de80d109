import { useTranslation } from 'react-i18next';
import { errorText, message } from '../../i18n/message';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { flyTo } from '../../viz/sceneHolder';
import { BackpropPanel } from './BackpropPanel';
import { GradientCheckPanel } from './GradientCheckPanel';
import { LearnedKernels } from '../kernels/LearnedKernels';
import { TeachPanel } from '../teaching/TeachPanel';

/** Focuses the centre node of a map (a dense unit itself) and flies the camera to its layer. */
function focusMap(layers: readonly LayerSpec[], layerId: string, map: number): void {
  const layer = layers.find((l) => l.id === layerId);
  if (!layer) return;
  const [, h, w] = layer.shape;
  useAppStore
    .getState()
    .set({ focus: { layer: layerId, c: map, y: Math.floor(h / 2), x: Math.floor(w / 2) }, pinned: true });
  if (layer.kind !== 'dense') flyTo(layerId);
}

/**
 * The side panels of learning: the label and the backward view, teaching; and (closed at first) the learned
 * kernels, with their gradients in the backward view, and the gradient check.
 */
export function LearningPanels({ engine, layers }: { engine: EngineConnection; layers: readonly LayerSpec[] }) {
  const { t } = useTranslation('backprop');
  const kernels = useTranslation('kernels').t;
  const check = (tensor: string, index: number) => engine.backprop.checkGradient(tensor, index);
  const report = (error: unknown) =>
    useAppStore.getState().set({ error: message('messages', 'gradientCheckFailed', { detail: errorText(error) }) });
  return (
    <>
      <details className="panel" open>
        <summary>{t('panels.learning')}</summary>
        <BackpropPanel loss={engine.selectedRun().architecture.loss} />
        <TeachPanel backprop={engine.backprop} />
      </details>
      <details className="panel" data-section="gradients">
        <summary>{kernels('section')}</summary>
        <LearnedKernels
          layers={layers}
          params={engine.params}
          onFocusMap={(layer, map) => focusMap(layers, layer, map)}
          onPickWeight={(tensor, index) => void check(tensor, index).catch(report)}
        />
        <GradientCheckPanel layers={layers} check={check} />
      </details>
    </>
  );
}
