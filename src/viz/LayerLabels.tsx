import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { LayerSpec } from '../engine/model/layerSpec';
import { useAppStore } from '../store/appStore';
import { frameHolder } from '../store/frameHolder';
import { formatNumber } from './deltaExplanation';
import { deltaLayerValues, deltaScale } from './deltaView';
import type { NetworkLayout, Vec3 } from './layout/networkLayout';
import { sceneHolder } from './sceneHolder';

function describe(layer: LayerSpec): string {
  const [c, h, w] = layer.shape;
  if (layer.kind === 'dense') return `fully connected, ${c} units`;
  if (layer.kind === 'pool') return `${layer.pooling} pooling 2x2, ${c}@${h}x${w}`;
  if (layer.kind === 'conv') return `conv 5x5 + ${layer.activation}, ${c}@${h}x${w}`;
  return `${c}@${h}x${w} pixels`;
}

interface Label { key: string; anchor: Vec3; className: string; title: string; detail: string | null }

/**
 * Layer names and shapes beside their planes and the digit beside each output node: one DOM overlay
 * whose labels are moved every animation frame by projecting their anchors (no React re-render).
 */
export function LayerLabels({ layout, layers }: { layout: NetworkLayout; layers: readonly LayerSpec[] }) {
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const scales = useRef<(HTMLSpanElement | null)[]>([]);
  const output = layout.layers[layout.layers.length - 1];
  const labels: Label[] = [
    ...layout.layers.map((layer, l) => ({ key: layer.id, anchor: layer.labelAnchor, className: 'layer-label', title: layer.id, detail: describe(layers[l]) })),
    ...Array.from({ length: output.count }, (_, digit): Label => ({
      key: `digit-${digit}`, className: 'digit-label', title: String(digit), detail: null,
      anchor: [output.positions[3 * digit], output.positions[3 * digit + 1], output.positions[3 * digit + 2] - output.nodeSize * 1.4],
    })),
  ];

  useEffect(() => {
    const point = new Vector3();
    let id = 0;
    let shown = '';
    /** In the backward view each layer's label gives its colour scale: the largest |δ| of the layer. */
    const writeScales = () => {
      const { viewKind, deltaPart } = useAppStore.getState();
      const backward = viewKind === 'backward' ? frameHolder.backward : null;
      const key = backward ? `${frameHolder.version}|${deltaPart}` : '';
      if (key === shown) return;
      shown = key;
      layout.layers.forEach((layer, l) => {
        const element = scales.current[l];
        if (!element) return;
        const part = deltaPart === 'pre' && backward?.layers[l]?.pre ? 'δ' : l === 0 ? 'dL/dx' : 'dL/da';
        element.textContent = backward ? `${part} ±${formatNumber(deltaScale(deltaLayerValues(backward, l, deltaPart)))}` : '';
      });
    };
    const place = () => {
      writeScales();
      const { camera, width, height } = sceneHolder;
      labels.forEach((label, i) => {
        const element = refs.current[i];
        if (!element || !camera) return;
        point.set(...label.anchor).project(camera);
        const visible = point.z < 1 && point.z > -1;
        element.style.display = visible ? '' : 'none';
        element.style.transform = `translate(${((point.x + 1) / 2) * width}px, ${((1 - point.y) / 2) * height}px)`;
      });
      id = requestAnimationFrame(place);
    };
    id = requestAnimationFrame(place);
    return () => cancelAnimationFrame(id);
  });

  return (
    <div className="labels" aria-hidden>
      {labels.map((label, i) => (
        <div key={label.key} ref={(el) => { refs.current[i] = el; }} className="label-anchor">
          <div className={label.className}>
            <strong>{label.title}</strong>
            {label.detail && <span>{label.detail}</span>}
            {label.className === 'layer-label' && <span className="delta-scale" ref={(el) => { scales.current[i] = el; }} />}
          </div>
        </div>
      ))}
    </div>
  );
}
