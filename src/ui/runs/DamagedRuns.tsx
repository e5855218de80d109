import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, message, type Message } from '../../i18n/message';
import { useMessageText } from '../../i18n/useMessage';
import { useAppStore } from '../../store/appStore';
import { DAMAGED_STORAGE, deleteSavedRun, readRawRecord } from '../../store/runStorage';
import { rawRecordJson } from '../../store/storedRunValidation';
import { problemMessage } from '../problems/problemMessage';

/**
 * Records in this browser's run storage that the page could not use: each is named with its problem and kept as
 * it is, and can be exported as JSON (its raw value, typed arrays written out with their type) or deleted.
 */
export function DamagedRuns() {
  const damaged = useAppStore((s) => s.damagedRuns);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<Message | null>(null);
  const { t } = useTranslation('runs');
  const text = useMessageText();
  if (damaged.length === 0) return null;

  const exportRaw = async (key: string) => {
    setNote(null);
    try {
      const json = rawRecordJson(await readRawRecord(key));
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${key.replace(/[^\w.-]+/g, '_') || 'run'}.damaged.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setNote(message('runs', 'damaged.exportFailed', { run: key, detail: errorText(error) }));
    }
  };

  const remove = async (key: string) => {
    if (!window.confirm(t('damaged.confirmDelete', { run: key }))) return;
    setNote(null);
    setBusy(key);
    try {
      await deleteSavedRun(key);
      if ((await readRawRecord(key).catch(() => undefined)) !== undefined) {
        setNote(message('runs', 'damaged.deleteFailed', { run: key }));
        return;
      }
      const { damagedRuns, set } = useAppStore.getState();
      set({ damagedRuns: damagedRuns.filter((d) => d.key !== key) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div role="alert" className="damaged-runs" data-testid="damaged-runs">
      <ul>
        {damaged.map(({ key, problem }) =>
          key === DAMAGED_STORAGE ? (
            <li key={key}>{t('damaged.storage', { problem: text(problemMessage(problem)) })}</li>
          ) : (
            <li key={key}>
              {t('damaged.run', { run: key, problem: text(problemMessage(problem)) })}
              <span className="damaged-actions">
                <button type="button" data-testid={`damaged-export-${key}`} onClick={() => void exportRaw(key)}>
                  {t('damaged.export')}
                </button>
                <button
                  type="button"
                  data-testid={`damaged-delete-${key}`}
                  disabled={busy === key}
                  onClick={() => void remove(key)}
                >
                  {t('damaged.delete')}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      {note && <p className="damaged-note">{text(note)}</p>}
    </div>
  );
}
