import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { LayerSpec } from '../engine/model/layerSpec';
import { useAppStore } from '../store/appStore';
import { frameHolder } from '../store/frameHolder';
import { formatNumber } from './deltaExplanation';
import { deltaLayerValues, deltaScale } from './deltaView';
import { compactLabels } from './labelSpace';
import { describeLayer } from './layerDescription';
import type { NetworkLayout, Vec3 } from './layout/networkLayout';
import { sceneHolder } from './sceneHolder';

/** A label and the points it hangs from: a layer's name left of its plane's left edge (both ends), or a digit over its output node. */
interface Label {
  key: string;
  anchors: readonly Vec3[];
  className: string;
  title: string;
  detail: string | null;
}

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
  const output = layout.layers[layout.layers.length - 1];
  const labels: Label[] = [
    ...layout.layers.map((layer, l): Label => {
      const { min, max } = layer.bounds;
      const y = layer.positions[1];
      return {
        key: layer.id,
        anchors: [
          [min[0], y, min[2]],
          [min[0], y, max[2]],
        ],
        className: 'layer-label',
        title: layer.id,
        detail: describeLayer(layers[l]),
      };
    }),
    ...Array.from({ length: output.count }, (_, digit): Label => ({
      key: `digit-${digit}`,
      className: 'digit-label',
      title: String(digit),
      detail: null,
      anchors: [
        [
          output.positions[3 * digit],
          output.positions[3 * digit + 1],
          output.positions[3 * digit + 2] - output.nodeSize * 1.4,
        ],
      ],
    })),
  ];

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
          ? `${part} ±${formatNumber(deltaScale(deltaLayerValues(backward, l, deltaPart)))}`
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
