import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConvLayerSpec, DenseLayerSpec, LayerSpec } from '../../engine/model/layerSpec';
import { parameterLayout } from '../../engine/model/parameters';
import { frameHolder } from '../../store/frameHolder';
import { ConvKernelGrid } from './ConvKernelGrid';
import { ConvKernelPairs } from './ConvKernelPairs';
import { DenseGradientStrip } from './DenseGradientStrip';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { type KernelPickHandlers, type KernelSource } from './kernelImages';
import { useFrameVersion } from '../view/useFrameVersion';
import './kernels.css';

/** What the learned-kernels panel reads and what its clicks call. */
export interface LearnedKernelsProps extends KernelPickHandlers {
  readonly layers: readonly LayerSpec[];
  /** The shown weights: the selected checkpoint's or the teaching copy's (flat parameter layout). */
  params(): Float32Array;
}

/**
 * The conv layers' learned kernels (c1, c3) as small images of their weights, from the weights alone; in the
 * backward view the parameter gradients dL/dW of the last backward pass (frameHolder.backward) beside them, and
 * the dense layers' per-unit gradient norms. Clicking a kernel tap focuses its map and picks that weight for the
 * gradient check.
 */
export function LearnedKernels({ layers, params, onFocusMap, onPickWeight }: LearnedKernelsProps) {
  const { t } = useTranslation('kernels');
  const language = useAppStore((s) => s.language);
  const version = useFrameVersion();
  const backward = frameHolder.backward;
  const weights = params();
  const layout = useMemo(() => parameterLayout(layers), [layers]);
  const source = useMemo<KernelSource | null>(() => {
    const gradients = backward && backward.gradients.length === layout.size ? backward.gradients : null;
    const shown = weights.length === layout.size ? weights : null;
    // The holder's frame and the weights array may change in place: the revision says when.
    return gradients || shown ? { gradients, weights: shown, layout, revision: version } : null;
  }, [backward, weights, layout, version]);
  const handlers = { onFocusMap, onPickWeight };
  const gradients = source?.gradients ?? null;
  const dense = layers.filter((layer): layer is DenseLayerSpec => layer.kind === 'dense');
  return (
    <section className="kernel-gradients" data-testid="learned-kernels" aria-label={t('title')}>
      <h2>{gradients ? t('titleGradients') : t('title')}</h2>
      {backward && !gradients && <p className="muted">{t('otherArchitecture')}</p>}
      <p className="muted">
        {backward && gradients
          ? t('intro', { loss: formatSignificant(language, backward.loss, 4), label: backward.label })
          : t('weightsIntro')}
      </p>
      {source &&
        layers
          .filter((layer): layer is ConvLayerSpec => layer.kind === 'conv')
          .map((layer) =>
            layer.inShape[0] === 1 ? (
              <ConvKernelPairs key={layer.id} layer={layer} source={source} {...handlers} />
            ) : (
              <ConvKernelGrid key={layer.id} layer={layer} source={source} {...handlers} />
            ),
          )}
      {gradients && dense.length > 0 && (
        <section className="kernel-section" aria-label={t('dense.region')}>
          <h3>
            {t('dense.title')} <span className="muted">{t('dense.norm')}</span>
          </h3>
          {dense.map((layer) => (
            <DenseGradientStrip key={layer.id} layer={layer} source={source!} onFocusMap={onFocusMap} />
          ))}
          <p className="kernel-caption muted">{t('dense.caption')}</p>
        </section>
      )}
    </section>
  );
}
