import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionsAccuracy } from '../../src/engine/model/predictions';
import { loadRun } from '../../src/engine/model/runLoader';
import { loadMnistSplit } from '../../scripts/mnistFiles';

const root = join(import.meta.dirname, '../..');

function startTrain(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/train.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

const readDir = (dir: string) => async (name: string) => new Uint8Array(readFileSync(join(dir, name)));

describe('npm run train', () => {
  it('writes a loadable run with epoch 0, the early checkpoints and every epoch', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lenet-run-')), 'run');
    const run = startTrain(['--epochs', '2', '--train-subset', '640', '--test-subset', '200', '--out', out]);
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toMatch(/images\/s/);
    expect(run.output()).toMatch(/time left/);
    const loaded = await loadRun(readDir(out), out);
    expect(loaded.manifest.checkpoints.map((c) => c.epoch)).toEqual([0, 0.0625, 0.125, 0.25, 0.5, 1, 2]);
    expect(loaded.manifest.checkpoints[0]!.trainLoss).toBeNull();
    expect(loaded.manifest.training).toMatchObject({ trainImages: 640, testImages: 200 });
    // every checkpoint lists its predictions on the 200 test images, and they give its test accuracy
    const labels = loadMnistSplit('test').labels;
    loaded.manifest.checkpoints.forEach((c, i) => {
      expect((c as { predictions?: unknown }).predictions).toEqual({
        file: c.file.replace(/\.bin$/, '.predictions.bin'),
        images: 200,
      });
      expect(predictionsAccuracy(loaded.predictions[i]!, labels)).toBe(c.testAccuracy);
    });
  });

  it('keeps the finished epochs when interrupted', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lenet-run-')), 'run');
    const run = startTrain([
      '--epochs',
      '200',
      '--train-subset',
      '256',
      '--test-subset',
      '100',
      '--no-early-checkpoints',
      '--out',
      out,
    ]);
    const deadline = Date.now() + 60_000;
    while (!/epoch 2: test accuracy/.test(run.output()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output()).toMatch(/interrupted: the finished checkpoints/);
    const loaded = await loadRun(readDir(out), out);
    const epochs = loaded.manifest.checkpoints.map((c) => c.epoch);
    expect(epochs.slice(0, 3)).toEqual([0, 1, 2]);
    expect(epochs.length).toBeLessThan(201);
  });

  it('refuses to overwrite an existing run and explains bad options', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lenet-run-')), 'run');
    const first = startTrain(['--epochs', '1', '--train-subset', '64', '--test-subset', '50', '--out', out]);
    expect(await first.exited).toBe(0);
    const second = startTrain(['--epochs', '1', '--out', out]);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already holds a run/);
    const bad = startTrain(['--activation', 'gelu']);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/--activation gelu: expected one of relu, tanh, sigmoid/);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });
});
