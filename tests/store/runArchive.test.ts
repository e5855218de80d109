import { i18n } from '../../src/i18n/i18n';
import { messageText } from '../../src/i18n/useMessage';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadRun } from '../../src/engine/model/runLoader';
import { MAX_CHECKPOINTS } from '../../src/engine/model/runValidation';
import { exportNote, exportRun, importRun } from '../../src/store/runArchive';
import { recordFromLoadedRun } from '../../src/store/runRecord';
import { validRunFiles, zipFiles } from '../engine/model/runFixtures';

const dir = join(import.meta.dirname, '..', '..', 'public', 'models', 'lenet5-default');

describe('run files (a zip of the run folder)', () => {
  it('export then import gives the same checkpoints, weights and accuracies', async () => {
    const loaded = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
    const run = recordFromLoadedRun('shipped', loaded);
    const back = await importRun(exportRun(run), 'shipped.zip');
    expect(back.name).toBe('shipped');
    expect(back.checkpoints.map((c) => [c.epoch, c.testAccuracy])).toEqual(
      run.checkpoints.map((c) => [c.epoch, c.testAccuracy]),
    );
    back.checkpoints.forEach((c, i) => expect(c.params).toEqual(run.checkpoints[i].params));
  });

  it('never writes a run import refuses: past 200 checkpoints it thins them evenly, and says so', async () => {
    const loaded = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
    const shipped = recordFromLoadedRun('long', loaded);
    const last = shipped.checkpoints[shipped.checkpoints.length - 1];
    // 251 checkpoints (epoch 0 and 250 epochs), one of them with a weight that is not a number.
    const checkpoints = Array.from({ length: 251 }, (_, epoch) => {
      const params = last.params!.slice();
      params[0] = epoch === 100 ? NaN : epoch; // tells the checkpoints apart after the round trip
      return { epoch, testAccuracy: 0.99, params };
    });
    const run = { ...shipped, checkpoints };
    const back = await importRun(exportRun(run), 'long.zip');
    expect(back.checkpoints.length).toBe(MAX_CHECKPOINTS);
    const epochs = back.checkpoints.map((c) => c.epoch);
    expect(epochs[0]).toBe(0);
    expect(epochs[epochs.length - 1]).toBe(250);
    expect(epochs).not.toContain(100);
    const gaps = epochs.slice(1).map((e, i) => e - epochs[i]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2); // evenly spread: 250 over 200 is one or two apart
    back.checkpoints.forEach((c) => expect(c.params![0]).toBe(c.epoch));
    const note = exportNote(run)!;
    expect(messageText(i18n.t, note)).toBe(
      'Exported 200 of 251 checkpoints, leaving out 1 with weights that are not finite numbers and 50 more because a ' +
        'run file holds at most 200 (the first, the last and checkpoints spread evenly between them are kept).',
    );
    expect(messageText(i18n.getFixedT('zh'), note)).toContain('200');
    expect(exportNote(shipped)).toBeNull();
  });

  it('refuses a file that is not a zip, and a zip whose checkpoint is truncated, naming the problem', async () => {
    await expect(importRun(new TextEncoder().encode('hello'), 'notes.txt')).rejects.toThrow(
      /notes.txt: not a run file/,
    );
    const loaded = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
    const last = loaded.manifest.checkpoints[loaded.manifest.checkpoints.length - 1];
    const files = {
      'manifest.json': new Uint8Array(readFileSync(join(dir, 'manifest.json'))),
      ...Object.fromEntries(
        loaded.manifest.checkpoints.map((c) => [
          c.file,
          new Uint8Array(readFileSync(join(dir, c.file))).subarray(0, c === last ? 100 : undefined),
        ]),
      ),
    };
    await expect(importRun(zipSync(files), 'cut.zip')).rejects.toThrow(
      new RegExp(`cut.zip/${last.file.replace('.', '\\.')}: .*truncated`),
    );
  });

  it('is a thin wrapper over readRunArchive: hostile files are refused with the file name first', async () => {
    const files = [...validRunFiles()];
    await expect(importRun(zipFiles([...files, ['../evil.bin', new Uint8Array(4)]]), 'evil.zip')).rejects.toThrow(
      /^evil\.zip: entry "\.\.\/evil\.bin" has a path/,
    );
    await expect(importRun(zipFiles([...files, ['extra.bin', new Uint8Array(4)]]), 'extra.zip')).rejects.toThrow(
      /^extra\.zip: contains "extra\.bin", which manifest\.json does not list/,
    );
    const record = await importRun(zipFiles(files), '<img src=x onerror=alert(1)>.zip');
    expect(record.name).toBe('<img src=x onerror=alert(1)>'); // plain text: React renders it escaped
    expect(record.ranges?.c1.out).toEqual([0, 2]);
  });
});
