import { useTranslation } from 'react-i18next';
import { formatFixed, formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { layerColour, QUANTITIES, type readingAt } from './momentumSeries';

/** Every layer's gradient norm, velocity norm, update-to-weight ratio and momentum gain at the report read. */
export function MomentumTable({
  reading,
  layers,
}: {
  reading: NonNullable<ReturnType<typeof readingAt>>;
  layers: readonly string[];
}) {
  const { t } = useTranslation('momentum');
  const language = useAppStore((s) => s.language);
  const value = (v: number) => (Number.isFinite(v) ? formatSignificant(language, v, 3) : '—');
  return (
    <div className="momentum-reading" aria-live="off">
      <p className="chart-at">
        {t('momentum.at', {
          step: formatFixed(language, reading.step),
          momentum: formatSignificant(language, reading.momentum, 3),
        })}
      </p>
      <table className="momentum-table">
        <thead>
          <tr>
            <th scope="col">{t('momentum.column.layer')}</th>
            {QUANTITIES.map((q) => (
              <th key={q} scope="col" title={t(`momentum.quantity.${q}`)}>
                {t(`momentum.column.${q}`)}
              </th>
            ))}
            <th scope="col" title={t('momentum.gainTitle')}>
              {t('momentum.column.gain')}
            </th>
          </tr>
        </thead>
        <tbody>
          {reading.layers.map((row) => (
            <tr key={row.layer} data-layer={row.layer}>
              <th scope="row">
                <span className="swatch" style={{ background: layerColour(layers, row.layer) }} />
                {row.layer}
              </th>
              {QUANTITIES.map((q) => (
                <td key={q}>{value(row[q])}</td>
              ))}
              <td>{row.gain === null ? '—' : formatFixed(language, row.gain, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {reading.ceiling !== null && (
        <p className="muted chart-note">
          {t('momentum.ceiling', { ceiling: formatSignificant(language, reading.ceiling, 3) })}
        </p>
      )}
    </div>
  );
}
