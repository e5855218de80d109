import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Vector3 } from 'three';
import type { LayerSpec } from '../engine/model/layerSpec';
import { formatSignificant } from '../i18n/format';
import { useAppStore } from '../store/appStore';
import { frameHolder } from '../store/frameHolder';
import { deltaLayerValues, deltaScale } from './deltaView';
import { compactLabels } from './labelSpace';
import { layerLabelList } from './layerLabelList';
import type { NetworkLayout } from './layout/networkLayout';
import { sceneHolder } from './sceneHolder';

/**
 * Layer names and shapes beside their planes and the digit beside each output node: one DOM overlay
 * whose labels are moved after every 3D frame by projecting their anchors (no React re-render). A
 * layer's label sits left of the leftmost end of its plane's left edge, level with that edge's middle;
 * on a narrow canvas it gives the name only (labelSpace.ts).
 */
export function LayerLabels({ layout, layers }: { layout: NetworkLayout; layers: readonly LayerSpec[] }) {
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const details = useRef<(HTMLSpanElement | null)[]>([]);
  const scales = useRef<(HTMLSpanElement | null)[]>([]);
  const { t } = useTranslation('viz');
  const language = useAppStore((s) => s.language);
  const labels = layerLabelList(layout, layers, t);

  useEffect(() => {
    const point = new Vector3();
    let shown = '';
    let compact: boolean | null = null;
    const placed: string[] = [];
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
        element.textContent = backward
          ? `${part} ±${formatSignificant(language, deltaScale(deltaLayerValues(backward, l, deltaPart)), 4)}`
          : '';
      });
    };
    const place = () => {
      writeScales();
      const { camera, width, height } = sceneHolder;
      if (!camera) return;
      if (compact !== compactLabels(width)) {
        compact = compactLabels(width);
        details.current.forEach((element) => {
          if (element) element.style.display = compact ? 'none' : '';
        });
      }
      labels.forEach((label, i) => {
        const element = refs.current[i];
        if (!element) return;
        let x = Infinity,
          y = 0,
          visible = true;
        for (const anchor of label.anchors) {
          point.set(...anchor).project(camera);
          visible &&= point.z < 1 && point.z > -1;
          x = Math.min(x, ((point.x + 1) / 2) * width);
          y += (((1 - point.y) / 2) * height) / label.anchors.length;
        }
        const style = visible ? `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)` : 'none';
        if (placed[i] === style) return; // an unmoved camera leaves the labels alone
        placed[i] = style;
        element.style.display = visible ? '' : 'none';
        if (visible) element.style.transform = style;
      });
    };
    sceneHolder.frameListeners.add(place);
    sceneHolder.invalidate();
    return () => {
      sceneHolder.frameListeners.delete(place);
    };
  });

  return (
    <div className="labels" aria-hidden>
      {labels.map((label, i) => (
        <div
          key={label.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          className="label-anchor"
        >
          <div className={label.className}>
            <strong>{label.title}</strong>
            {label.detail && (
              <span
                ref={(el) => {
                  details.current[i] = el;
                }}
              >
                {label.detail}
              </span>
            )}
            {label.className === 'layer-label' && (
              <span
                className="delta-scale"
                ref={(el) => {
                  scales.current[i] = el;
                }}
              />
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
