import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Vector3 } from 'three';
import type { LayerSpec } from '../engine/model/layerSpec';
import { useAppStore } from '../store/appStore';
import { frameHolder } from '../store/frameHolder';
import { deltaScaleTexts } from './deltaScaleText';
import { compactLabels } from './labelSpace';
import { layerLabelList } from './layerLabelList';
import type { NetworkLayout } from './layout/networkLayout';
import { sceneHolder } from './sceneHolder';

/** CSS pixels kept between a layer label and the canvas's left edge. */
const EDGE = 4;

/**
 * Layer names and shapes beside their planes and the digit above each output node: one DOM overlay
 * whose labels are moved after every 3D frame by projecting their anchors (no React re-render). A
 * layer's label sits left of the leftmost end of its plane's left edge, level with that edge's middle, but
 * inside the canvas (were it past the left edge, it slides over its plane rather than be cut; hidden once
 * that middle leaves the canvas at the top or bottom, or that end at the right);
 * on a narrow canvas it gives the name only (labelSpace.ts). In the backward view it gives the layer's colour scale.
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
    /** The labels' widths and heights (measured again when their text or visibility changes). */
    let sizes: [number, number][] | null = null;
    /** In the backward view each layer's label gives its colour scale (deltaScaleText.ts); true when a text changed. */
    const writeScales = (): boolean => {
      const { viewKind, deltaPart, deltaScale } = useAppStore.getState();
      const backward = viewKind === 'backward' ? frameHolder.backward : null;
      const key = backward ? `${frameHolder.version}|${deltaPart}|${deltaScale}` : '';
      if (key === shown) return false;
      shown = key;
      const texts = backward ? deltaScaleTexts(t, language, backward, deltaPart, deltaScale) : [];
      layout.layers.forEach((_, l) => {
        const element = scales.current[l];
        if (element) element.textContent = texts[l] ?? '';
      });
      return true;
    };
    const place = () => {
      if (writeScales()) sizes = null;
      const { camera, width, height } = sceneHolder;
      if (!camera) return;
      if (compact !== compactLabels(width)) {
        compact = compactLabels(width);
        sizes = null;
        details.current.forEach((element) => {
          if (element) element.style.display = compact ? 'none' : '';
        });
      }
      const measured = (sizes ??= refs.current.map((element) => {
        const label = element?.firstElementChild as HTMLElement | null;
        return [label?.offsetWidth ?? 0, label?.offsetHeight ?? 0];
      }));
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
        if (label.className === 'layer-label') {
          // Inside the frame: never past the left edge, nor cut at the top or bottom while its plane is in view; its
          // right end (the plane's left end) past the right edge means the whole plane is out of view to the right.
          const [w, h] = measured[i];
          visible &&= y >= 0 && y <= height && x <= width;
          x = Math.max(x, w + EDGE);
          y = Math.min(Math.max(y, h / 2 + EDGE), height - h / 2 - EDGE);
        }
        const style = visible ? `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)` : 'none';
        if (placed[i] === style) return; // an unmoved camera leaves the labels alone
        if (placed[i] === 'none' && style !== 'none') sizes = null; // measured again once shown
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
