import { useRef } from 'react';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { SHIPPED_RUNS } from '../../store/compareReading';
import { exportNote, exportRun } from '../../store/runArchive';

const LABELS: Record<string, string> = { ...SHIPPED_RUNS, 'my-run': 'your run (trained here)' };

/** Chooses the run the view and timeline show; exports it as a file, or imports one (refused with a message when bad). */
export function RunPicker({ engine }: { engine: EngineConnection }) {
  const run = useAppStore((s) => s.run);
  const picker = useRef<HTMLInputElement>(null);
  const names = useAppStore((s) => s.runNames);
  const note = useAppStore((s) => s.runNote);
  const fail = (error: unknown) => useAppStore.getState().set({ error: error instanceof Error ? error.message : String(error) });

  const download = () => {
    const record = engine.selectedRun();
    const url = URL.createObjectURL(new Blob([exportRun(record) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
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
      <label>run <select data-testid="run-picker" value={run ?? ''} onChange={(e) => {
        const next = engine.runs.get(e.target.value);
        if (next) engine.showRun(next).catch(fail);
      }}>
        {names.map((name) => <option key={name} value={name}>{Object.hasOwn(LABELS, name) ? LABELS[name] : name}</option>)}
      </select></label>
      <button type="button" data-testid="export-run" onClick={download}>Export</button>
      {/* A real button opens the file picker, so the keyboard reaches it; the input itself stays hidden. */}
      <button type="button" data-testid="import-button" onClick={() => picker.current?.click()}>Import</button>
      <input ref={picker} type="file" hidden aria-label="Import a run (.zip)" accept=".zip,application/zip" data-testid="import-run"
        onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) upload(file).catch((error: unknown) => fail(new Error(`Import refused: ${error instanceof Error ? error.message : String(error)}`))); }} />
      {note && <p role="status" data-testid="run-note">{note}</p>}
    </div>
  );
}
