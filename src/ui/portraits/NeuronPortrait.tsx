import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { formatEpoch } from '../runs/formatEpoch';
import { placeOf } from '../view/nodeWords';
import { LazyPortraitContent } from './lazyPortrait';
import { PortraitProgress } from './PortraitProgress';
import './portraits.css';

/**
 * The neuron portrait, docked beside the view on a desktop and below it on smaller screens (never over it):
 * what the pinned node, of any layer, responds to at the selected checkpoint. Without a pinned node it says
 * how to pin one.
 */
export function NeuronPortrait({ engine }: { engine: EngineConnection }) {
  const { t } = useTranslation('portraits');
  const { t: tView } = useTranslation('view');
  const language = useAppStore((s) => s.language);
  const open = useAppStore((s) => s.portraitOpen);
  const focus = useAppStore((s) => s.focus);
  const pinned = useAppStore((s) => s.pinned);
  const layers = useAppStore((s) => s.layers);
  const epoch = useAppStore((s) => s.checkpoints[s.checkpointIndex]?.epoch ?? null);
  const testImages = useAppStore((s) => s.testImages);
  if (!open) return null;
  const node = pinned ? focus : null;
  const layer = node ? layers.find((l) => l.id === node.layer) : undefined;
  return (
    <section className="neuron-portrait" data-testid="neuron-portrait" aria-label={t('portrait.region')}>
      <header>
        <h2>
          {node && layer
            ? t('portrait.title', { layer: node.layer, where: placeOf(tView, layer, node) })
            : t('portrait.region')}
        </h2>
        <button
          type="button"
          className="portrait-close"
          aria-label={t('portrait.close')}
          onClick={() => useAppStore.getState().set({ portraitOpen: false })}
        >
          ×
        </button>
      </header>
      {node && layer ? (
        <>
          {epoch !== null && (
            <p className="muted">
              {t('portrait.checkpoint', {
                epoch: formatEpoch(language, epoch),
                images: formatFixed(language, Math.min(testImages, 10000)),
              })}
            </p>
          )}
          <Suspense fallback={<PortraitProgress />}>
            <LazyPortraitContent engine={engine} node={node} />
          </Suspense>
        </>
      ) : (
        <p className="muted">{t('portrait.pinHint')}</p>
      )}
    </section>
  );
}
