import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { formatEpoch } from '../runs/formatEpoch';
import { PenaltyCheckPanel } from '../penalties/PenaltyCheckPanel';
import { useRunName } from '../runs/useRunName';
import { AlphaGrid, type AlphaCell } from './AlphaGrid';
import { ALPHA_RAMP_CSS, ALPHA_THRESHOLD, alphaSparsity, lecunMatrix } from './alphaMatrix';
import { useShownAlpha } from './useShownAlpha';
import './combinations.css';

const LECUN = lecunMatrix();

/**
 * The α panel, shown while a run with learned combinations is shown: its 16x6 α at the selected checkpoint beside
 * LeCun's 1998 table (and, when chosen, another learned run's α), the sparsity, and the gradient check on a logit.
 */
export function AlphaPanel({ engine }: { engine: EngineConnection }) {
  const { t } = useTranslation('combinations');
  const { t: tPenalties } = useTranslation('penalties');
  const language = useAppStore((s) => s.language);
  const runName = useRunName();
  const [compareWith, setCompareWith] = useState<string | null>(null);
  const [pointed, setPointed] = useState<{ cell: AlphaCell; text: string } | null>(null);
  const [picked, setPicked] = useState<AlphaCell | null>(null);
  const { shown, compared, learnedRuns } = useShownAlpha(engine, compareWith);
  if (!shown) return null;
  const number = (v: number) => formatFixed(language, v, 3);
  const describe = (cell: AlphaCell, value: number) =>
    t('grid.cell', { out: cell.out, in: cell.in, value: number(value) });
  const describeLecun = (cell: AlphaCell, value: number) =>
    value > 0 ? t('grid.lecunOn', { out: cell.out, in: cell.in }) : t('grid.lecunOff', { out: cell.out, in: cell.in });
  const point = (describeCell: typeof describe, value: (cell: AlphaCell) => number) => (cell: AlphaCell | null) =>
    setPointed(cell ? { cell, text: describeCell(cell, value(cell)) } : null);
  const sparsity = shown.alpha ? alphaSparsity(shown.alpha) : null;
  /** A run's name, with its α penalty when known (two runs trained here differ by it). */
  const named = (run: string) => {
    const penalty = engine.runs.get(run)?.alphaPenalty;
    return penalty
      ? t('compare.option', {
          run: runName(run),
          penalty: tPenalties(`penalty.choice.${penalty.kind}`),
          lambda: penalty.lambda,
        })
      : runName(run);
  };
  return (
    <section className="alpha-panel" data-testid="alpha-panel" data-epoch={shown.epoch} aria-label={t('title')}>
      <p className="muted">{t('intro')}</p>
      <div className="alpha-grids">
        {shown.alpha ? (
          <AlphaGrid
            matrix={shown.alpha}
            caption={t('grid.learned', { epoch: formatEpoch(language, shown.epoch) })}
            testId="alpha-grid"
            describe={describe}
            picked={picked}
            onPoint={point(describe, (c) => shown.alpha!.values[c.out * 6 + c.in])}
            onPick={setPicked}
          />
        ) : (
          <p className="muted">{t('fetching', { epoch: formatEpoch(language, shown.epoch) })}</p>
        )}
        {compared?.alpha && (
          <AlphaGrid
            matrix={compared.alpha}
            caption={t('grid.compared', { run: named(compared.run), epoch: formatEpoch(language, compared.epoch) })}
            testId="alpha-grid-compared"
            describe={describe}
            onPoint={point(describe, (c) => compared.alpha!.values[c.out * 6 + c.in])}
          />
        )}
        <AlphaGrid
          matrix={LECUN}
          caption={t('grid.lecun')}
          testId="alpha-grid-lecun"
          describe={describeLecun}
          onPoint={point(describeLecun, (c) => LECUN.values[c.out * 6 + c.in])}
        />
      </div>
      <p className="muted small alpha-axes">{t('grid.corner')}</p>
      <div className="alpha-scale" aria-hidden="true">
        <span>{t('scale')}</span>
        <span className="alpha-ramp" style={{ background: ALPHA_RAMP_CSS }} />
        <span>{t('scaleEnd')}</span>
      </div>
      <p className="muted small">{t('scaleNote')}</p>
      <p className="alpha-readout" aria-live="polite" data-testid="alpha-readout">
        {pointed ? pointed.text : t('readoutHint')}
      </p>
      {sparsity && (
        <p data-testid="alpha-sparsity" data-mean={sparsity.mean}>
          {t('sparsity', {
            threshold: ALPHA_THRESHOLD,
            mean: formatFixed(language, sparsity.mean, 2),
            least: Math.min(...sparsity.perMap),
            most: Math.max(...sparsity.perMap),
          })}
        </p>
      )}
      <label className="alpha-compare" title={t('compare.help')}>
        {t('compare.label')}{' '}
        <select
          data-testid="alpha-compare"
          value={compareWith ?? ''}
          onChange={(e) => setCompareWith(e.target.value || null)}
        >
          <option value="">{t('compare.none')}</option>
          {learnedRuns.map((name) => (
            <option key={name} value={name}>
              {named(name)}
            </option>
          ))}
        </select>
      </label>
      <PenaltyCheckPanel engine={engine} picked={picked} />
    </section>
  );
}
