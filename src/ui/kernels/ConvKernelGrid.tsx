import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tensorSpec } from '../../engine/model/parameters';
import { pickHandler, type ConvSectionProps } from './ConvKernelPairs';
import { KernelCanvas } from './KernelCanvas';
import { convKernelImages, maxAbs, weightName, type KernelRamp } from './kernelImages';
import { ScaleCaption } from './ScaleCaption';

/**
 * A conv layer with many kernels (c3): rows are its output maps, columns the input maps; a cell is the
 * kernel between them (empty where they are not connected), showing its weights, or (in the backward view, as
 * chosen) its gradient.
 */
export function ConvKernelGrid({ layer, source, ...handlers }: ConvSectionProps) {
  const { t } = useTranslation('kernels');
  const [shown, setShown] = useState<KernelRamp>('gradient');
  const name = weightName(layer);
  const { offset, size } = tensorSpec(source.layout, name);
  const ramp: KernelRamp = (shown === 'weight' && source.weights) || !source.gradients ? 'weight' : 'gradient';
  const images = useMemo(() => {
    const at = tensorSpec(source.layout, weightName(layer)).offset;
    return convKernelImages(layer, ramp === 'weight' ? source.weights! : source.gradients!, at, ramp);
  }, [layer, source, ramp]);
  const [outMaps, inMaps] = [layer.shape[0], layer.inShape[0]];
  const byPair = new Map(images.images.map((image) => [image.oc * inMaps + image.ic, image]));
  const k = layer.kernelSize;
  return (
    <section className="kernel-section" aria-label={t('conv.region', { layer: layer.id })}>
      <h3>
        {layer.id} <span className="muted">{t('conv.count', { count: images.images.length, size: k })}</span>
        {source.gradients && source.weights && (
          <span className="kernel-toggle">
            <button type="button" aria-pressed={ramp === 'gradient'} onClick={() => setShown('gradient')}>
              {t('conv.showGradient')}
            </button>
            <button type="button" aria-pressed={ramp === 'weight'} onClick={() => setShown('weight')}>
              {t('conv.showWeight')}
            </button>
          </span>
        )}
      </h3>
      <div className="kernel-grid" style={{ gridTemplateColumns: `auto repeat(${inMaps}, 1fr)` }}>
        <span className="kernel-axis muted">{t('conv.mapAxis')}</span>
        {Array.from({ length: inMaps }, (_, ic) => (
          <span key={ic} className="kernel-axis muted">
            {t('conv.inputAxis', { map: ic })}
          </span>
        ))}
        {Array.from({ length: outMaps }, (_, oc) => [
          <span key={`row-${oc}`} className="kernel-axis">
            {oc}
          </span>,
          ...Array.from({ length: inMaps }, (_, ic) => {
            const image = byPair.get(oc * inMaps + ic);
            return image ? (
              <KernelCanvas
                key={`${oc}-${ic}`}
                pixels={image.pixels}
                width={k}
                height={k}
                onPick={pickHandler(layer, oc, ic, handlers)}
                testId={`kernel-${layer.id}-${oc}-${ic}`}
                label={t(ramp === 'gradient' ? 'conv.gridGradient' : 'conv.gridWeight', {
                  layer: layer.id,
                  out: oc,
                  in: ic,
                })}
              />
            ) : (
              <span key={`${oc}-${ic}`} className="kernel-empty" aria-hidden="true" />
            );
          }),
        ])}
      </div>
      {byPair.size < outMaps * inMaps && (
        <p className="kernel-caption muted">{t('conv.gridCaption', { layer: layer.id })}</p>
      )}
      <ScaleCaption
        tensor={name}
        weightScale={source.weights && maxAbs(source.weights, offset, size)}
        gradientScale={source.gradients && maxAbs(source.gradients, offset, size)}
      />
    </section>
  );
}
