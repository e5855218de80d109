import { useState } from 'react';
import { useAppStore } from '../../store/appStore';
import { DAMAGED_STORAGE, deleteSavedRun, readRawRecord } from '../../store/runStorage';
import { rawRecordJson } from '../../store/storedRunValidation';

/**
 * Records in this browser's run storage that the page could not use: each is named with its problem and kept as
 * it is, and can be exported as JSON (its raw value, typed arrays written out with their type) or deleted.
 */
export function DamagedRuns() {
  const damaged = useAppStore((s) => s.damagedRuns);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
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
      setNote(`Run '${key}' could not be exported: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };

  const remove = async (key: string) => {
    if (
      !window.confirm(
        `Delete run '${key}' from this browser's storage? This cannot be undone; export it first to keep its data.`,
      )
    )
      return;
    setNote(null);
    setBusy(key);
    try {
      await deleteSavedRun(key);
      if ((await readRawRecord(key).catch(() => undefined)) !== undefined) {
        setNote(`Run '${key}' could not be deleted; it is still in this browser's storage.`);
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
            <li key={key}>
              This browser&apos;s storage for this page is damaged: {problem}. No saved run was restored, and nothing in
              it was changed.
            </li>
          ) : (
            <li key={key}>
              Run &apos;{key}&apos; in this browser&apos;s storage is damaged: {problem}. It is kept as it is.
              <span className="damaged-actions">
                <button type="button" data-testid={`damaged-export-${key}`} onClick={() => void exportRaw(key)}>
                  export raw data
                </button>
                <button
                  type="button"
                  data-testid={`damaged-delete-${key}`}
                  disabled={busy === key}
                  onClick={() => void remove(key)}
                >
                  delete
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      {note && <p className="damaged-note">{note}</p>}
    </div>
  );
}
