import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { reloadToUpdate } from './offline';

/**
 * Says a new version of the app is installed and waiting, with a button to reload to it: the page never reloads
 * on its own (the address keeps the drawing across the reload).
 */
export function UpdateBanner() {
  const ready = useAppStore((s) => s.updateReady);
  const { t } = useTranslation('shell');
  if (!ready) return null;
  return (
    <p className="update-banner" role="status" data-testid="update-banner">
      {t('update.ready')}{' '}
      <button type="button" data-testid="update-reload" onClick={reloadToUpdate}>
        {t('update.reload')}
      </button>
    </p>
  );
}
