import { Trans, useTranslation } from 'react-i18next';
import { formatFixed, formatPercent, formatSignificant } from '../../i18n/format';
import { useAppStore, type TeachingState } from '../../store/appStore';

/** What teaching did: steps taken and the loss before and now, whether the reading flipped, and its cost once measured. */
export function TeachStatus({ teaching, label }: { teaching: TeachingState; label: number | null }) {
  const { t } = useTranslation('backprop');
  const language = useAppStore((s) => s.language);
  const lossNow = useAppStore((s) => s.backward?.loss ?? null);
  const loss = (value: number | null) => (value === null ? '-' : formatSignificant(language, value, 3));
  return (
    <>
      <p>
        {t('teach.status', {
          steps: t('teach.steps', { count: teaching.steps, before: loss(teaching.lossStart), after: loss(lossNow) }),
          reading:
            teaching.flippedAfter !== null
              ? t('teach.flipped', { count: teaching.flippedAfter, label })
              : t('teach.notYet', { label }),
        })}
      </p>
      {teaching.cost && (
        <p>
          <Trans
            t={t}
            i18nKey="teach.cost"
            values={{
              label,
              images: formatFixed(language, teaching.cost.images),
              after: formatPercent(language, teaching.cost.after),
              before: formatPercent(language, teaching.cost.before),
            }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
    </>
  );
}
