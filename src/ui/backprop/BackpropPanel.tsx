import { Trans, useTranslation } from 'react-i18next';
import type { LossKind } from '../../engine/model/layerSpec';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { NothingToLearnNote } from './NothingToLearnNote';
import './backpropPanel.css';

/**
 * The backward view's switches: what the drawing should be (preselected to the network's reading),
 * the view itself, δ or dL/d(activation), the colour scale (per layer or shared), the loss of this drawing
 * (with a plain note when there is almost nothing to learn), and skipping the sweep.
 */
export function BackpropPanel({ loss }: { loss: LossKind }) {
  const { t } = useTranslation('backprop');
  const language = useAppStore((s) => s.language);
  const trueLabel = useAppStore((s) => s.trueLabel);
  const prediction = useAppStore((s) => s.prediction);
  const viewKind = useAppStore((s) => s.viewKind);
  const deltaPart = useAppStore((s) => s.deltaPart);
  const deltaScale = useAppStore((s) => s.deltaScale);
  const backward = useAppStore((s) => s.backward);
  const sweeping = useAppStore((s) => s.sweepStart !== null);
  const set = useAppStore((s) => s.set);
  const label = trueLabel ?? prediction?.label ?? null;
  return (
    <section className="backprop" aria-label={t('backward.region')}>
      <div className="true-label" role="group" aria-label={t('backward.labelGroup')}>
        <span>{t('backward.thisIsA')}</span>
        {Array.from({ length: 10 }, (_, digit) => (
          <button
            key={digit}
            type="button"
            data-testid={`true-label-${digit}`}
            aria-pressed={label === digit}
            className={trueLabel === null && label === digit ? 'reading' : ''}
            onClick={() => set({ trueLabel: digit })}
          >
            {digit}
          </button>
        ))}
      </div>
      <p className="muted small">
        {trueLabel === null ? t('backward.preselected') : t('backward.youSay', { label: trueLabel })}
      </p>
      <label>
        <input
          type="checkbox"
          data-testid="backprop-toggle"
          checked={viewKind === 'backward'}
          onChange={(e) => set({ viewKind: e.target.checked ? 'backward' : 'forward' })}
        />{' '}
        {t('backward.toggle')}
      </label>
      {viewKind === 'backward' && (
        <>
          <label>
            <input
              type="checkbox"
              data-testid="delta-part"
              checked={deltaPart === 'out'}
              onChange={(e) => set({ deltaPart: e.target.checked ? 'out' : 'pre' })}
            />{' '}
            {t('backward.part')}
          </label>
          <label className="delta-scale-choice">
            {t('backward.scale.label')}{' '}
            <select
              data-testid="delta-scale"
              value={deltaScale}
              onChange={(e) => set({ deltaScale: e.target.value === 'shared' ? 'shared' : 'layer' })}
            >
              <option value="layer">{t('backward.scale.layer')}</option>
              <option value="shared">{t('backward.scale.shared')}</option>
            </select>
          </label>
          {sweeping && (
            <button type="button" data-testid="sweep-skip" onClick={() => set({ sweepStart: null })}>
              {t('backward.skipSweep')}
            </button>
          )}
          <p className="backprop-loss" data-testid="backprop-loss">
            {backward ? (
              <Trans
                t={t}
                i18nKey="backward.loss"
                values={{
                  label: backward.label,
                  loss: formatSignificant(language, backward.loss, 4),
                  name: t(`backward.lossName.${loss}`),
                }}
                components={{ strong: <strong />, muted: <span className="muted" /> }}
              />
            ) : (
              t('backward.drawFirst')
            )}
          </p>
          <NothingToLearnNote />
        </>
      )}
    </section>
  );
}
