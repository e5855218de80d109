import { useTranslation } from 'react-i18next';
import type { ActivationFrame } from '../../engine/activationFrame';
import type { LayerSpec } from '../../engine/model/layerSpec';
import type { NodeRef } from '../../engine/model/nodeRef';
import { useAppStore } from '../../store/appStore';
import { frameHolder } from '../../store/frameHolder';
import { useFrameVersion } from '../view/useFrameVersion';
import { closeupLayer } from './closeupTarget';
import { ConvCloseup } from './ConvCloseup';
import { DenseCloseup } from './DenseCloseup';
import { PoolCloseup } from './PoolCloseup';
import './closeup.css';

/** True when `frame` holds the layers of `layers` (not a frame of another architecture still on screen). */
function frameFits(frame: ActivationFrame | null, layers: readonly LayerSpec[]): frame is ActivationFrame {
  return frame !== null && frame.layers.length === layers.length && frame.layers.every((l, i) => l.id === layers[i].id);
}

/**
 * The close-up of the pinned node, docked beside the view (in the controls column; below the view on smaller
 * screens): its heading and fold button, then the arithmetic of a conv node (`conv-closeup`), a pooling cell
 * (`pool-closeup`) or a dense unit (`dense-closeup`), recomputed whenever the view shows a new frame.
 */
export function CloseupDock({ layers, params }: { layers: readonly LayerSpec[]; params: () => Float32Array }) {
  const { t } = useTranslation('closeup');
  const focus = useAppStore((s) => s.focus);
  const pinned = useAppStore((s) => s.pinned);
  const closeup = useAppStore((s) => s.closeup);
  const set = useAppStore((s) => s.set);
  useFrameVersion();
  const target = closeupLayer(layers, focus, pinned);
  if (!target || !focus) return null;
  const { layer, index } = target;
  const frame = frameHolder.frame;
  const heading =
    layer.kind === 'dense'
      ? t('heading.dense', { layer: layer.id, unit: focus.c })
      : t(`heading.${layer.kind}`, { layer: layer.id, map: focus.c, row: focus.y, column: focus.x });
  const props = { layers, index, focus: focus as NodeRef, params: params() };
  return (
    <section className="closeup" aria-label={t('region')} data-testid={`${layer.kind}-closeup`}>
      <header className="closeup-header">
        <h2>{heading}</h2>
        <button
          type="button"
          aria-expanded={!closeup.folded}
          aria-label={closeup.folded ? t('unfoldLabel') : t('foldLabel')}
          onClick={() => set({ closeup: { ...closeup, folded: !closeup.folded } })}
        >
          {closeup.folded ? t('unfold') : t('fold')}
        </button>
      </header>
      {!closeup.folded &&
        (!frameFits(frame, layers) ? (
          <p className="muted">{t('notRead')}</p>
        ) : layer.kind === 'conv' ? (
          <ConvCloseup {...props} frame={frame} />
        ) : layer.kind === 'pool' ? (
          <PoolCloseup {...props} frame={frame} />
        ) : (
          <DenseCloseup {...props} frame={frame} />
        ))}
    </section>
  );
}
