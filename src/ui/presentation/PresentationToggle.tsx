import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';

/** Presentation mode on and off (also `presentation=1` in the address). */
export function PresentationToggle() {
  const { t } = useTranslation('shell');
  const on = useAppStore((s) => s.presentation);
  return (
    <button
      type="button"
      className="presentation-toggle"
      data-testid="presentation-toggle"
      aria-pressed={on}
      title={t('presentationHint')}
      onClick={() => useAppStore.getState().set({ presentation: !on })}
    >
      {t('presentation')}
    </button>
  );
}
