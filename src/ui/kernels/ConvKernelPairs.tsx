import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConvLayerSpec } from '../../engine/model/layerSpec';
import { tensorSpec } from '../../engine/model/parameters';
import { KernelCanvas } from './KernelCanvas';
import {
  convKernelImages,
  kernelPairs,
  kernelPick,
  weightName,
  type KernelPickHandlers,
  type KernelSource,
} from './kernelImages';
import { ScaleCaption } from './ScaleCaption';

/** A conv layer's section of the learned-kernels panel. */
export interface ConvSectionProps extends KernelPickHandlers {
  readonly layer: ConvLayerSpec;
  readonly source: KernelSource;
}

/** Calls the handlers for a click at (fx, fy) on kernel (oc, ic). */
export function pickHandler(
  layer: ConvLayerSpec,
  oc: number,
  ic: number,
  { onFocusMap, onPickWeight }: KernelPickHandlers,
) {
  return (fx: number, fy: number) => {
    const pick = kernelPick(layer, oc, ic, fx, fy);
    onFocusMap(layer.id, pick.map);
    onPickWeight(pick.tensor, pick.index);
  };
}

/** A conv layer with few kernels (c1): each kernel's weights, with its gradient dL/dW beside it in the backward view. */
export function ConvKernelPairs({ layer, source, ...handlers }: ConvSectionProps) {
  const { t } = useTranslation('kernels');
  const name = weightName(layer);
  const offset = tensorSpec(source.layout, name).offset;
  const gradients = useMemo(
    () => source.gradients && convKernelImages(layer, source.gradients, offset, 'gradient'),
    [layer, source, offset],
  );
  const weights = useMemo(
    () => source.weights && convKernelImages(layer, source.weights, offset, 'weight'),
    [layer, source, offset],
  );
  const k = layer.kernelSize;
  const pairs = kernelPairs(layer);
  const count = { count: pairs.length, size: k };
  return (
    <section
      className="kernel-section"
      aria-label={t(gradients ? 'conv.pairsRegion' : 'conv.region', { layer: layer.id })}
    >
      <h3>
        {layer.id}{' '}
        <span className="muted">{gradients ? t('conv.pairsCount', count) : t('conv.weightsCount', count)}</span>
      </h3>
      <div className={gradients && weights ? 'kernel-pairs' : 'kernel-pairs single'}>
        {pairs.map(({ oc, ic }, i) => {
          const weight = weights?.images[i];
          const gradient = gradients?.images[i];
          const pick = pickHandler(layer, oc, ic, handlers);
          const from = layer.inShape[0] > 1;
          const which = { layer: layer.id, out: oc, in: ic };
          const suffix = from ? `-${ic}` : '';
          return (
            <figure key={i} className="kernel-pair">
              {weight && (
                <KernelCanvas
                  pixels={weight.pixels}
                  width={k}
                  height={k}
                  onPick={pick}
                  testId={`kernel-${layer.id}-${oc}${suffix}-weight`}
                  label={t(from ? 'conv.pairWeightFrom' : 'conv.pairWeight', which)}
                />
              )}
              {gradient && (
                <KernelCanvas
                  pixels={gradient.pixels}
                  width={k}
                  height={k}
                  onPick={pick}
                  testId={`kernel-${layer.id}-${oc}${suffix}`}
                  label={t(from ? 'conv.pairGradientFrom' : 'conv.pairGradient', which)}
                />
              )}
              <figcaption>{oc}</figcaption>
            </figure>
          );
        })}
      </div>
      <ScaleCaption tensor={name} weightScale={weights?.scale ?? null} gradientScale={gradients?.scale ?? null} />
    </section>
  );
}
