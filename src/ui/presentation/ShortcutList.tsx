import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { SHORTCUTS } from './shortcuts';

/** The keys a teacher uses, listed in presentation mode. */
export function ShortcutList() {
  const { t } = useTranslation('shell');
  const on = useAppStore((s) => s.presentation);
  if (!on) return null;
  return (
    <section className="shortcut-list" aria-label={t('shortcuts.title')}>
      <h2>{t('shortcuts.title')}</h2>
      <dl>
        {SHORTCUTS.map(({ key, action }) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`shortcuts.${action}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
