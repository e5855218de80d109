import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadRun } from '../../src/engine/model/runLoader';
import { exportRun, importRun } from '../../src/store/runArchive';
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

  it('refuses a file that is not a zip, and a zip whose checkpoint is truncated, naming the problem', async () => {
    await expect(importRun(new TextEncoder().encode('hello'), 'notes.txt')).rejects.toThrow(
      /notes.txt: not a run file/,
    );
    const loaded = await loadRun(async (file) => new Uint8Array(readFileSync(join(dir, file))), dir);
    const files = {
      'manifest.json': new Uint8Array(readFileSync(join(dir, 'manifest.json'))),
      ...Object.fromEntries(
        loaded.manifest.checkpoints.map((c) => [
          c.file,
          new Uint8Array(readFileSync(join(dir, c.file))).subarray(0, c.epoch === 15 ? 100 : undefined),
        ]),
      ),
    };
    await expect(importRun(zipSync(files), 'cut.zip')).rejects.toThrow(/cut.zip\/epoch-15.bin: .*truncated/);
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
