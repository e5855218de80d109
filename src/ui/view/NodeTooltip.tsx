import type { LayerSpec, LossKind } from '../../engine/model/layerSpec';
import { useRef } from 'react';
import { useAppStore } from '../../store/appStore';
import { frameHolder } from '../../store/frameHolder';
import { nodeIndex, type NodeRef } from '../../engine/model/nodeRef';
import { describeLayer } from '../../viz/layerDescription';
import { DeltaDetails } from '../backprop/DeltaDetails';
import { useTooltipPlacement } from './useTooltipPlacement';
import { useFrameVersion } from './useFrameVersion';

/** How the focused node's value was computed, in words. */
export function computationOf(layer: LayerSpec, focus: NodeRef): string {
  switch (layer.kind) {
    case 'input':
      return 'a pixel of the preprocessed drawing (0 = paper, 1 = ink)';
    case 'conv': {
      const maps = layer.connections[focus.c];
      return `sum of the ${layer.kernelSize}x${layer.kernelSize} window x kernel over map${maps.length > 1 ? 's' : ''} {${maps.join(',')}} + bias, then ${layer.activation}`;
    }
    case 'pool':
      return layer.pooling === 'max'
        ? 'the largest of its 2x2 window'
        : layer.pooling === 'mean'
          ? 'the mean of its 2x2 window'
          : `coefficient x sum of its 2x2 window + bias, then ${layer.activation}`;
    case 'dense':
      return layer.activation === 'softmax'
        ? `weights . the ${layer.inFeatures} f6 units + bias (a logit), then softmax over the 10 digits`
        : `weights . all ${layer.inFeatures} inputs + bias, then ${layer.activation}`;
  }
}

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

/** The tooltip's one-line summary, also announced to screen readers. */
function summaryOf(layer: LayerSpec, focus: NodeRef, value: number | null): string {
  const where = layer.kind === 'dense' ? `unit ${focus.c}` : `map ${focus.c}, row ${focus.y}, column ${focus.x}`;
  return `${focus.layer} ${where}: value ${value === null ? 'not computed yet' : value.toFixed(4)}`;
}

/**
 * The focused node's layer, map, position, value, pre-activation and computation, beside the pointer
 * (or beside the node when it is pinned or chosen with the keyboard), kept inside the view.
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
  const where = layer.kind === 'dense' ? `unit ${focus.c}` : `map ${focus.c}, row ${focus.y}, column ${focus.x}`;
  const poolCells = layer.kind === 'pool' && frame ? poolWindow(layers, l, focus) : null;
  return (
    <>
      <p className="visually-hidden" aria-live="polite" data-testid="node-announcement">
        {summaryOf(layer, focus, value)}, {computationOf(layer, focus)}
      </p>
      <div className="tooltip" data-testid="node-tooltip" ref={box} role="tooltip">
        <div>
          <strong>{focus.layer}</strong> <span className="muted">{describeLayer(layer)}</span>
        </div>
        <div>
          {where}
          {pinned ? ' (pinned: Esc clears)' : ''}
        </div>
        <div>
          value {value === null ? '-' : value.toFixed(4)}
          {pre !== null ? `, before activation ${pre.toFixed(4)}` : ''}
        </div>
        <div className="muted">{computationOf(layer, focus)}</div>
        {backwardView && frameHolder.backward && (
          <DeltaDetails layers={layers} loss={loss} params={params()} focus={focus} />
        )}
        {poolCells && !backwardView && (
          <div className="pool-window" data-testid="pool-window">
            {poolCells.map((cell, k) => (
              <span key={k} className={cell.winner ? 'winner' : ''}>
                {cell.value.toFixed(3)}
              </span>
            ))}
          </div>
        )}
      </div>
    </>
  );
}
