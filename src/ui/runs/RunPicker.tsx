import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { message } from '../../i18n/message';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { exportNote, exportRun } from '../../store/runArchive';
import { useMessageText } from '../../i18n/useMessage';
import { errorDetail } from '../problems/problemMessage';
import { wholeRun } from '../../store/runRecord';
import { useRunName } from './useRunName';

/** Chooses the run the view and timeline show; exports it as a file, or imports one (refused with a message when bad). */
export function RunPicker({ engine }: { engine: EngineConnection }) {
  const run = useAppStore((s) => s.run);
  const picker = useRef<HTMLInputElement>(null);
  const names = useAppStore((s) => s.runNames);
  const { t } = useTranslation('runs');
  const runName = useRunName();
  const fail = (error: unknown) =>
    useAppStore.getState().set({ error: message('messages', 'failed', { detail: errorDetail(error) }) });
  const note = useAppStore((s) => s.runNote);
  const text = useMessageText();

  /** A shipped run's checkpoints not fetched yet are fetched first (the timeline shows their progress). */
  const download = async () => {
    const record = await wholeRun(engine.selectedRun());
    const url = URL.createObjectURL(
      new Blob([exportRun(record) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `${record.name}.zip`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    useAppStore.getState().set({ runNote: exportNote(record) });
  };

  const upload = async (file: File) => {
    const record = await engine.importRun(new Uint8Array(await file.arrayBuffer()), file.name);
    let name = record.name;
    for (let n = 2; engine.runs.has(name); n++) name = `${record.name} (${n})`;
    await engine.showRun({ ...record, name });
    useAppStore.getState().set({ error: null });
  };

  return (
    <div className="run-picker">
      <label>
        {t('picker.label')}{' '}
        <select
          data-testid="run-picker"
          value={run ?? ''}
          onChange={(e) => {
            const next = engine.runs.get(e.target.value);
            if (next) engine.showRun(next).catch(fail);
          }}
        >
          {names.map((name) => (
            <option key={name} value={name}>
              {runName(name)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="export-run" onClick={() => download().catch(fail)}>
        {t('picker.export')}
      </button>
      {/* A real button opens the file picker, so the keyboard reaches it; the input itself stays hidden. */}
      <button type="button" data-testid="import-button" onClick={() => picker.current?.click()}>
        {t('picker.import')}
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        aria-label={t('picker.importFile')}
        accept=".zip,application/zip"
        data-testid="import-run"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file)
            upload(file).catch((error: unknown) =>
              useAppStore.getState().set({ error: message('runs', 'importRefused', { detail: errorDetail(error) }) }),
            );
        }}
      />
      {note && (
        <p role="status" data-testid="run-note">
          {text(note)}
        </p>
      )}
    </div>
  );
}
