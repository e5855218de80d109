import { useTranslation } from 'react-i18next';
import { ATTRIBUTION_METHODS, type AttributionMethod } from '../../engine/interpret/attribute';
import { useAppStore, type AttributionChoice } from '../../store/appStore';

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Changes the attribution's settings in the store. */
export function chooseAttribution(change: Partial<AttributionChoice>): void {
  const { attribution, set } = useAppStore.getState();
  set({ attribution: { ...attribution, ...change } });
}

/** The method, the digit explained (default: the reading) and the digit it is contrasted with ("A rather than B"). */
export function AttributionChoices() {
  const { t } = useTranslation('attribution');
  const choice = useAppStore((s) => s.attribution);
  const reading = useAppStore((s) => s.prediction?.label ?? null);
  const explained = choice.target ?? reading;
  const digit = (value: string) => (value === '' ? null : Number(value));
  return (
    <div className="attribution-choices">
      <label>
        {t('attribution.method')}{' '}
        <select
          data-testid="attribution-method"
          value={choice.method}
          onChange={(e) => chooseAttribution({ method: e.target.value as AttributionMethod })}
        >
          {ATTRIBUTION_METHODS.map((method) => (
            <option key={method} value={method}>
              {t(`attribution.methods.${method}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('attribution.target')}{' '}
        <select
          data-testid="attribution-target"
          value={choice.target ?? ''}
          onChange={(e) => {
            const target = digit(e.target.value);
            chooseAttribution({ target, ...(target !== null && target === choice.contrast ? { contrast: null } : {}) });
          }}
        >
          <option value="">
            {reading === null ? t('attribution.targetReadingNone') : t('attribution.targetReading', { digit: reading })}
          </option>
          {DIGITS.map((d) => (
            <option key={d} value={d}>
              {t('attribution.digit', { digit: d })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('attribution.contrast')}{' '}
        <select
          data-testid="attribution-contrast"
          value={choice.contrast ?? ''}
          onChange={(e) => chooseAttribution({ contrast: digit(e.target.value) })}
        >
          <option value="">{t('attribution.contrastNone')}</option>
          {DIGITS.map((d) => (
            <option key={d} value={d} disabled={d === explained}>
              {t('attribution.digit', { digit: d })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
