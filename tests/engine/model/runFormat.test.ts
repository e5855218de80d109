import { describe, expect, it } from 'vitest';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../../src/engine/model/lenet5';
import { initialParameters } from '../../../src/engine/model/initialize';
import { parameterLayout } from '../../../src/engine/model/parameters';
import { checkpointFileName, createManifest, encodeCheckpoint } from '../../../src/engine/model/runFormat';
import { loadRun } from '../../../src/engine/model/runLoader';

function runFiles(manifest: object, checkpoint: Uint8Array): Map<string, Uint8Array> {
  return new Map([
    ['manifest.json', new TextEncoder().encode(JSON.stringify(manifest))],
    ['epoch-00.bin', checkpoint],
  ]);
}

const reader = (files: Map<string, Uint8Array>) => async (name: string) => {
  const bytes = files.get(name);
  if (!bytes) throw new Error('not found');
  return bytes;
};

function validRun() {
  const params = initialParameters(lenet5Layers(DEFAULT_ARCHITECTURE), 1) as Float32Array;
  const manifest = { ...createManifest(DEFAULT_ARCHITECTURE),
    checkpoints: [{ epoch: 0, file: 'epoch-00.bin', testAccuracy: 0.1, trainLoss: null }] };
  return { params, manifest, bytes: encodeCheckpoint(params) };
}

describe('the lenet5-run/1 format', () => {
  it('lists PyTorch-named tensors at byte offsets and 61,706 parameters for the default network', () => {
    const manifest = createManifest(DEFAULT_ARCHITECTURE);
    expect(manifest.tensors.map((t) => `${t.name}:${t.shape.join('x')}@${t.offset}`)).toEqual([
      'c1.weight:6x1x5x5@0', 'c1.bias:6@600', 'c3.weight:16x6x5x5@624', 'c3.bias:16@10224',
      'c5.weight:120x400@10288', 'c5.bias:120@202288', 'f6.weight:84x120@202768', 'f6.bias:84@243088',
      'output.weight:10x84@243424', 'output.bias:10@246784',
    ]);
    expect(parameterLayout(lenet5Layers(DEFAULT_ARCHITECTURE)).size).toBe(61706);
    expect(manifest.c3Table).toBeUndefined();
  });

  it('adds subsampling tensors and the c3 table for the classic variant', () => {
    const manifest = createManifest({ ...DEFAULT_ARCHITECTURE, pooling: 'subsample', c3Connectivity: 'lenet5' });
    expect(manifest.tensors.map((t) => t.name)).toContain('s4.coeff');
    expect(manifest.c3Table!.flat()).toHaveLength(60);
  });

  it('names checkpoint files by epoch, fractions included', () => {
    expect(checkpointFileName(0)).toBe('epoch-00.bin');
    expect(checkpointFileName(12)).toBe('epoch-12.bin');
    expect(checkpointFileName(0.0625)).toBe('epoch-00.0625.bin');
  });

  it('round-trips a checkpoint exactly', async () => {
    const { params, manifest, bytes } = validRun();
    const run = await loadRun(reader(runFiles(manifest, bytes)));
    expect(run.checkpoints[0]).toEqual(params);
  });

  const refusals: [string, (m: Record<string, unknown>, b: Uint8Array) => [unknown, Uint8Array], RegExp][] = [
    ['an unknown format', (m, b) => [{ ...m, format: 'lenet5-run/2' }, b], /format is "lenet5-run\/2"/],
    ['an unknown activation', (m, b) => [{ ...m, architecture: { ...(m.architecture as object), activation: 'gelu' } }, b], /architecture.activation is "gelu"/],
    ['a tensor of the wrong shape', (m, b) => [{ ...m, tensors: (m.tensors as object[]).map((t, i) => i === 0 ? { ...t, shape: [6, 1, 3, 3] } : t) }, b], /tensor 0/],
    ['a truncated checkpoint', (m, b) => [m, b.subarray(0, b.length - 4)], /epoch-00\.bin: .*truncated/],
    ['a checkpoint that is too long', (m, b) => [m, new Uint8Array(b.length + 4)], /epoch-00\.bin: 246828 bytes, expected 246824/],
    ['a NaN value', (m, b) => { const c = b.slice(); new DataView(c.buffer).setFloat32(8, NaN, true); return [m, c]; }, /parameter 2 \(c1\.weight\) is NaN/],
    ['an infinite value', (m, b) => { const c = b.slice(); new DataView(c.buffer).setFloat32(246820, Infinity, true); return [m, c]; }, /output\.bias\) is Infinity/],
    ['a file name with a path', (m, b) => [{ ...m, checkpoints: [{ epoch: 0, file: '../x.bin', testAccuracy: null, trainLoss: null }] }, b], /plain name/],
    ['epochs out of order', (m, b) => [{ ...m, checkpoints: [{ epoch: 1, file: 'epoch-00.bin', testAccuracy: null, trainLoss: null }, { epoch: 0, file: 'epoch-00.bin', testAccuracy: null, trainLoss: null }] }, b], /epochs must increase/],
  ];

  it.each(refusals)('refuses %s with a message naming the problem', async (_, corrupt, message) => {
    const { manifest, bytes } = validRun();
    const [badManifest, badBytes] = corrupt(manifest as unknown as Record<string, unknown>, bytes);
    await expect(loadRun(reader(runFiles(badManifest as object, badBytes)))).rejects.toThrow(message);
  });

  it('refuses a manifest that is not JSON and a missing checkpoint file', async () => {
    const files = new Map([['manifest.json', new TextEncoder().encode('{ not json')]]);
    await expect(loadRun(reader(files), 'runs/x')).rejects.toThrow(/runs\/x\/manifest.json: /);
    const { manifest } = validRun();
    await expect(loadRun(reader(new Map([['manifest.json', new TextEncoder().encode(JSON.stringify(manifest))]])), 'runs/x'))
      .rejects.toThrow(/runs\/x\/epoch-00.bin: cannot be read/);
  });
});
