import { useTranslation } from 'react-i18next';
import { useMessageText } from '../../i18n/useMessage';
import { useAppStore } from '../../store/appStore';
import './engineStatus.css';

/** What just happened to the engine (a restart, a lost GPU context), at the top of the controls until dismissed. */
export function EngineNote() {
  const { t } = useTranslation('engineStatus');
  const note = useAppStore((s) => s.engineNote);
  const text = useMessageText();
  return (
    <div className="engine-note" role="status" aria-live="polite" data-testid="engine-note">
      {note && (
        <>
          <p>{text(note)}</p>
          <button type="button" onClick={() => useAppStore.getState().set({ engineNote: null })}>
            {t('dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
