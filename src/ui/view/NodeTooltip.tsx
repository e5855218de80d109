import { useRef } from 'react';
import type { LayerSpec, LossKind } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import { frameHolder } from '../../store/frameHolder';
import { nodeIndex, type NodeRef } from '../../engine/model/nodeRef';
import { describeLayer } from '../../viz/layerDescription';
import { formatFixed } from '../../i18n/format';
import { useTranslation } from 'react-i18next';
import { computationOf, placeOf, summaryOf } from './nodeWords';
import { DeltaDetails } from '../backprop/DeltaDetails';
import { AlphaTooltip } from '../combinations/AlphaTooltip';
import { PortraitLink } from '../portraits/PortraitToggle';
import { useTooltipPlacement } from './useTooltipPlacement';
import { useFrameVersion } from './useFrameVersion';
import './view.css';

/** The four values of a pooling cell's 2x2 source window (row-major), the max-pooling winner marked. */
function poolWindow(layers: readonly LayerSpec[], l: number, focus: NodeRef): { value: number; winner: boolean }[] {
  const frame = frameHolder.frame!;
  const below = frame.layers[l - 1];
  const [, h, w] = layers[l - 1].shape;
  const argmax = frame.layers[l].argmax;
  const cell = nodeIndex(layers[l], focus);
  return [0, 1, 2, 3].map((slot) => {
    const y = 2 * focus.y + (slot >> 1),
      x = 2 * focus.x + (slot & 1);
    return {
      value: frame.values[below.out[0] + (focus.c * h + y) * w + x],
      winner: argmax !== null && frame.values[argmax[0] + cell] === slot,
    };
  });
}

/**
 * The focused node's layer, map, position, value, pre-activation and computation, near the pointer (or the node
 * when it is pinned or chosen with the keyboard), clear of the node, its sources and their maps, inside the view.
 */
export function NodeTooltip({
  layers,
  loss,
  params,
}: {
  layers: readonly LayerSpec[];
  loss: LossKind;
  params: () => Float32Array;
}) {
  const focus = useAppStore((s) => s.focus);
  const pinned = useAppStore((s) => s.pinned);
  const backwardView = useAppStore((s) => s.viewKind === 'backward');
  const language = useAppStore((s) => s.language);
  const { t } = useTranslation('view');
  const { t: tViz } = useTranslation('viz');
  const box = useRef<HTMLDivElement>(null);
  useFrameVersion();
  useTooltipPlacement(box, layers, focus, pinned);
  const l = focus ? layers.findIndex((s) => s.id === focus.layer) : -1;
  if (!focus || l < 0) return <p className="visually-hidden" aria-live="polite" data-testid="node-announcement" />;
  const layer = layers[l];
  const frame = frameHolder.frame;
  const part = frame?.layers[l];
  const i = nodeIndex(layer, focus);
  const value = part ? frame!.values[part.out[0] + i] : null;
  const pre = part?.pre ? frame!.values[part.pre[0] + i] : null;
  const where = placeOf(t, layer, focus);
  const number = (v: number) => formatFixed(language, v, 4);
  const poolCells = layer.kind === 'pool' && frame ? poolWindow(layers, l, focus) : null;
  return (
    <>
      <p className="visually-hidden" aria-live="polite" data-testid="node-announcement">
        {summaryOf(t, language, layer, focus, value)}
      </p>
      <div className="tooltip" data-testid="node-tooltip" data-pinned={pinned} ref={box} role="tooltip">
        <div>
          <strong>{focus.layer}</strong> <span className="muted">{describeLayer(tViz, layer)}</span>
        </div>
        <div>{pinned ? t('node.pinned', { where }) : where}</div>
        <div>
          {pre === null
            ? t('node.value', { value: value === null ? '-' : number(value) })
            : t('node.valueAndPre', { value: value === null ? '-' : number(value), pre: number(pre) })}
        </div>
        <div className="muted">{computationOf(t, layer, focus)}</div>
        <AlphaTooltip layers={layers} params={params()} focus={focus} backward={backwardView} />
        {pinned && <PortraitLink />}
        {backwardView && frameHolder.backward && (
          <DeltaDetails layers={layers} loss={loss} params={params()} focus={focus} />
        )}
        {poolCells && !backwardView && (
          <div className="pool-window" data-testid="pool-window">
            {poolCells.map((cell, k) => (
              <span key={k} className={cell.winner ? 'winner' : ''}>
                {formatFixed(language, cell.value, 3)}
              </span>
            ))}
          </div>
        )}
      </div>
    </>
  );
}
