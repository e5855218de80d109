import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DenseLayerSpec } from '../../engine/model/layerSpec';
import { tensorSpec } from '../../engine/model/parameters';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { KernelCanvas } from './KernelCanvas';
import { maxAbs, rampImage, rowNorms, weightName, type KernelSource } from './kernelImages';

/** A dense layer's per-unit gradient norms ||dL/dW[j][:]||₂ as a row of thin cells (0: white, the largest: red); nothing without gradients. */
export function DenseGradientStrip({
  layer,
  source,
  onFocusMap,
}: {
  layer: DenseLayerSpec;
  source: KernelSource;
  onFocusMap(layerId: string, map: number): void;
}) {
  const { t } = useTranslation('kernels');
  const language = useAppStore((s) => s.language);
  const units = layer.shape[0];
  const offset = tensorSpec(source.layout, weightName(layer)).offset;
  const strip = useMemo(() => {
    if (!source.gradients) return null;
    const norms = rowNorms(source.gradients, offset, units, layer.inFeatures);
    const max = maxAbs(norms);
    return { max, largest: norms.indexOf(max), pixels: rampImage(norms, 0, units, max, 'gradient') };
  }, [source, offset, units, layer]);
  if (!strip) return null;
  return (
    <div className="norm-row">
      <span className="norm-layer">{layer.id}</span>
      <KernelCanvas
        pixels={strip.pixels}
        width={units}
        height={1}
        className="norm-strip"
        testId={`gradient-norms-${layer.id}`}
        label={t('dense.strip', { layer: layer.id, units })}
        onPick={(fx) => onFocusMap(layer.id, Math.min(units - 1, Math.floor(fx * units)))}
      />
      <span className="norm-max" data-testid={`gradient-norm-max-${layer.id}`}>
        {strip.max > 0
          ? t('dense.maxAt', { value: formatSignificant(language, strip.max), unit: strip.largest })
          : t('dense.max', { value: formatSignificant(language, strip.max) })}
      </span>
    </div>
  );
}
