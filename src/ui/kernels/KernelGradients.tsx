import { useMemo } from 'react';
import type { ConvLayerSpec, DenseLayerSpec, LayerSpec } from '../../engine/model/layerSpec';
import { parameterLayout } from '../../engine/model/parameters';
import { frameHolder } from '../../store/frameHolder';
import { ConvKernelGrid } from './ConvKernelGrid';
import { ConvKernelPairs } from './ConvKernelPairs';
import { DenseGradientStrip } from './DenseGradientStrip';
import { formatNumber } from '../backprop/gradientCheckText';
import { type KernelPickHandlers, type KernelSource } from './kernelImages';
import { useFrameVersion } from '../view/useFrameVersion';

/** What the kernel-gradient panel reads and what its clicks call. */
export interface KernelGradientsProps extends KernelPickHandlers {
  readonly layers: readonly LayerSpec[];
  /** The shown weights: the selected checkpoint's or the teaching copy's (flat parameter layout). */
  params(): Float32Array;
}

/**
 * The parameter gradients dL/dW of the last backward pass (frameHolder.backward): conv kernels as
 * small images beside their weights, dense layers as per-unit gradient norms. Clicking a kernel tap
 * focuses its map and picks that weight for the gradient check.
 */
export function KernelGradients({ layers, params, onFocusMap, onPickWeight }: KernelGradientsProps) {
  const version = useFrameVersion();
  const backward = frameHolder.backward;
  const weights = params();
  const layout = useMemo(() => parameterLayout(layers), [layers]);
  const source = useMemo<KernelSource | null>(
    () =>
      backward && backward.gradients.length === layout.size
        ? { gradients: backward.gradients, weights: weights.length === layout.size ? weights : null, layout }
        : null,
    // version: the holder's frame and the weights array may change in place.
    [backward, weights, layout, version],
  );
  const handlers = { onFocusMap, onPickWeight };
  const dense = layers.filter((layer): layer is DenseLayerSpec => layer.kind === 'dense');
  return (
    <section className="kernel-gradients" data-testid="kernel-gradients" aria-label="Parameter gradients">
      <h2>Parameter gradients</h2>
      {!backward && <p className="muted">Turn on the backward view to see gradients.</p>}
      {backward && !source && (
        <p className="muted">The backward pass shown belongs to another architecture than these layers.</p>
      )}
      {backward && source && (
        <>
          <p className="muted">
            dL/dW of one backward pass: loss {formatNumber(backward.loss)} against label {backward.label}. Click a
            kernel tap to check its derivative.
          </p>
          {layers
            .filter((layer): layer is ConvLayerSpec => layer.kind === 'conv')
            .map((layer) =>
              layer.inShape[0] === 1 ? (
                <ConvKernelPairs key={layer.id} layer={layer} source={source} {...handlers} />
              ) : (
                <ConvKernelGrid key={layer.id} layer={layer} source={source} {...handlers} />
              ),
            )}
          {dense.length > 0 && (
            <section className="kernel-section" aria-label="Dense layers' gradient norms">
              <h3>
                dense layers <span className="muted">||dL/dW[j][:]||₂ per unit j</span>
              </h3>
              {dense.map((layer) => (
                <DenseGradientStrip key={layer.id} layer={layer} source={source} onFocusMap={onFocusMap} />
              ))}
              <p className="kernel-caption muted">
                each strip scaled by its own largest norm (white 0, red max); click a unit to focus it
              </p>
            </section>
          )}
        </>
      )}
    </section>
  );
}
