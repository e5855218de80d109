import { useTranslation } from 'react-i18next';
import { useMessageText } from '../../i18n/useMessage';
import { useAppStore } from '../../store/appStore';
import './share.css';

/** The short note naming what the page's address carried that could not be used (malformed, outdated, not here); dismissible. */
export function AddressNote() {
  const { t } = useTranslation('address');
  const text = useMessageText();
  const note = useAppStore((s) => s.addressNote);
  return (
    <div role="status">
      {note && (
        <div className="address-note" data-testid="address-note">
          <p>{t('note', { list: note.map(text).join(t('listSeparator')) })}</p>
          <button
            type="button"
            aria-label={t('dismiss')}
            onClick={() => useAppStore.getState().set({ addressNote: null })}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
