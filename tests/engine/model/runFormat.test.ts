import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../../src/engine/model/lenet5';
import { initialParameters } from '../../../src/engine/model/initialize';
import { parameterLayout } from '../../../src/engine/model/parameters';
import { checkpointFileName, createManifest, encodeCheckpoint } from '../../../src/engine/model/runFormat';
import { loadRun } from '../../../src/engine/model/runLoader';
import { MAX_CHECKPOINTS } from '../../../src/engine/model/runValidation';
import { manifestOf, mapReader, validRunFiles, withManifestText } from './runFixtures';

/**
 * A manifest parsed from JSON, edited freely to make it invalid in one place (any shape is the point here).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON mutated at will to build invalid manifests
type LooseManifest = Record<string, any>;

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
  const manifest = {
    ...createManifest(DEFAULT_ARCHITECTURE),
    checkpoints: [{ epoch: 0, file: 'epoch-00.bin', testAccuracy: 0.1, trainLoss: null }],
  };
  return { params, manifest, bytes: encodeCheckpoint(params) };
}

describe('the lenet5-run/1 format', () => {
  it('lists PyTorch-named tensors at byte offsets and 61,706 parameters for the default network', () => {
    const manifest = createManifest(DEFAULT_ARCHITECTURE);
    expect(manifest.tensors.map((t) => `${t.name}:${t.shape.join('x')}@${t.offset}`)).toEqual([
      'c1.weight:6x1x5x5@0',
      'c1.bias:6@600',
      'c3.weight:16x6x5x5@624',
      'c3.bias:16@10224',
      'c5.weight:120x400@10288',
      'c5.bias:120@202288',
      'f6.weight:84x120@202768',
      'f6.bias:84@243088',
      'output.weight:10x84@243424',
      'output.bias:10@246784',
    ]);
    expect(parameterLayout(lenet5Layers(DEFAULT_ARCHITECTURE)).size).toBe(61706);
    expect(manifest.c3Table).toBeUndefined();
  });

  it('adds subsampling tensors and the c3 table for the classic variant', () => {
    const manifest = createManifest({ ...DEFAULT_ARCHITECTURE, pooling: 'subsample', c3Connectivity: 'lenet5' });
    expect(manifest.tensors.map((t) => t.name)).toContain('s4.coeff');
    expect(manifest.c3Table!.flat()).toHaveLength(60);
  });

  it('adds c3.alphaLogits [16, 6] after c3.bias and no c3 table for learned combinations', () => {
    const options = { ...DEFAULT_ARCHITECTURE, c3Connectivity: 'learned' } as const;
    const manifest = createManifest(options);
    expect(manifest.architecture.c3Connectivity).toBe('learned');
    expect(manifest.tensors.slice(2, 5).map((t) => `${t.name}:${t.shape.join('x')}@${t.offset}`)).toEqual([
      'c3.weight:16x6x5x5@624',
      'c3.bias:16@10224',
      'c3.alphaLogits:16x6@10288',
    ]);
    expect(manifest.tensors[5].offset).toBe(10288 + 16 * 6 * 4);
    expect(parameterLayout(lenet5Layers(options)).size).toBe(61706 + 96);
    expect(manifest.c3Table).toBeUndefined();
  });

  it('round-trips a learned run, its logits and its penalty record exactly', async () => {
    const options = { ...DEFAULT_ARCHITECTURE, c3Connectivity: 'learned' } as const;
    const params = initialParameters(lenet5Layers(options), 3) as Float32Array;
    const logits = parameterLayout(lenet5Layers(options)).tensors.find((t) => t.name === 'c3.alphaLogits')!;
    for (let i = 0; i < logits.size; i++) params[logits.offset + i] = (i % 7) - 3.25;
    const manifest = {
      ...createManifest(options, { training: { engine: 'test', alphaPenalty: 'entropy', alphaLambda: 0.02 } }),
      checkpoints: [{ epoch: 0, file: 'epoch-00.bin', testAccuracy: null, trainLoss: null }],
    };
    const run = await loadRun(reader(runFiles(manifest, encodeCheckpoint(params))));
    expect(run.checkpoints[0]).toEqual(params);
    expect(run.manifest.training).toEqual({ engine: 'test', alphaPenalty: 'entropy', alphaLambda: 0.02 });
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
    [
      'an unknown activation',
      (m, b) => [{ ...m, architecture: { ...(m.architecture as object), activation: 'gelu' } }, b],
      /architecture.activation is "gelu"/,
    ],
    [
      'a tensor of the wrong shape',
      (m, b) => [
        { ...m, tensors: (m.tensors as object[]).map((t, i) => (i === 0 ? { ...t, shape: [6, 1, 3, 3] } : t)) },
        b,
      ],
      /tensor 0/,
    ],
    ['a truncated checkpoint', (m, b) => [m, b.subarray(0, b.length - 4)], /epoch-00\.bin: .*truncated/],
    [
      'a checkpoint that is too long',
      (m, b) => [m, new Uint8Array(b.length + 4)],
      /epoch-00\.bin: 246828 bytes, expected 246824/,
    ],
    [
      'a NaN value',
      (m, b) => {
        const c = b.slice();
        new DataView(c.buffer).setFloat32(8, NaN, true);
        return [m, c];
      },
      /parameter 2 \(c1\.weight\) is NaN/,
    ],
    [
      'an infinite value',
      (m, b) => {
        const c = b.slice();
        new DataView(c.buffer).setFloat32(246820, Infinity, true);
        return [m, c];
      },
      /output\.bias\) is Infinity/,
    ],
    [
      'a file name with a path',
      (m, b) => [{ ...m, checkpoints: [{ epoch: 0, file: '../x.bin', testAccuracy: null, trainLoss: null }] }, b],
      /plain name/,
    ],
    [
      'epochs out of order',
      (m, b) => [
        {
          ...m,
          checkpoints: [
            { epoch: 1, file: 'epoch-00.bin', testAccuracy: null, trainLoss: null },
            { epoch: 0, file: 'epoch-00.bin', testAccuracy: null, trainLoss: null },
          ],
        },
        b,
      ],
      /epochs must increase/,
    ],
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
    await expect(
      loadRun(reader(new Map([['manifest.json', new TextEncoder().encode(JSON.stringify(manifest))]])), 'runs/x'),
    ).rejects.toThrow(/runs\/x\/epoch-00.bin: cannot be read/);
  });
});

describe('hostile manifests (loadRun on a folder)', () => {
  const source = 'runs/h';
  const refusedWith = async (files: Map<string, Uint8Array>, pattern: RegExp) => {
    const error = await loadRun(mapReader(files), source).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor).toBe(Error);
    expect((error as Error).message.startsWith(`${source}/`)).toBe(true);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toMatch(/internal error/);
    expect((error as Error).message.length).toBeLessThan(600);
  };
  const edit = (change: (m: LooseManifest) => void) => {
    const files = validRunFiles({ predictions: true });
    const m = manifestOf(files);
    change(m);
    return withManifestText(files, JSON.stringify(m));
  };
  const text = () => new TextDecoder().decode(validRunFiles({ predictions: true }).get('manifest.json'));

  afterEach(() => expect(({} as Record<string, unknown>).polluted).toBeUndefined());

  it('loads the untouched fixture', async () => {
    const run = await loadRun(mapReader(validRunFiles({ predictions: true })), source);
    expect(run.checkpoints.every((c) => c.length === 61706 && c.every(Number.isFinite))).toBe(true);
  });

  it('loads a run with every alpha penalty, and an old run without one', async () => {
    for (const alphaPenalty of ['none', 'l1', 'entropy']) {
      const run = await loadRun(mapReader(edit((m) => Object.assign(m.training, { alphaPenalty, alphaLambda: 0 }))));
      expect(run.manifest.training).toMatchObject({ alphaPenalty, alphaLambda: 0 });
    }
    const old = await loadRun(mapReader(validRunFiles()), source);
    expect(old.manifest.training).not.toHaveProperty('alphaPenalty');
  });

  it('loads a run that records the command that trained it', async () => {
    const command = 'npm run train -- --epochs 40 --elastic --augment --out public/models/lenet5-default';
    const run = await loadRun(mapReader(edit((m) => (m.training.command = command))), source);
    expect((run.manifest.training as { command: string }).command).toBe(command);
  });

  it(`refuses more than ${MAX_CHECKPOINTS} checkpoints`, async () => {
    await refusedWith(
      edit((m) => {
        m.checkpoints = Array.from({ length: MAX_CHECKPOINTS + 1 }, (_, i) => ({
          epoch: i,
          file: `epoch-${i}.bin`,
          testAccuracy: null,
          trainLoss: null,
        }));
      }),
      /lists 201 checkpoints, at most 200/,
    );
  });

  it('refuses a manifest over 1 MiB and one that is not JSON', async () => {
    await refusedWith(
      withManifestText(validRunFiles(), `${text()}${' '.repeat(1 << 20)}`),
      /manifest\.json: \d+ bytes, at most 1048576/,
    );
    await refusedWith(withManifestText(validRunFiles(), 'NaN'), /manifest\.json: .*JSON/);
  });

  it.each([
    [
      'a negative offset',
      (m: LooseManifest) => {
        m.tensors[1].offset = -4;
      },
      /tensor 1 is .*"offset":-4/,
    ],
    [
      'overlapping offsets',
      (m: LooseManifest) => {
        m.tensors[1].offset = m.tensors[0].offset;
      },
      /tensor 1 is /,
    ],
    [
      'an over-large shape',
      (m: LooseManifest) => {
        m.tensors[4].shape = [120, 400000000];
      },
      /tensor 4 is /,
    ],
    [
      'an unknown shape',
      (m: LooseManifest) => {
        m.tensors[0].shape = 'big';
      },
      /tensor 0 is /,
    ],
    [
      'an extra tensor',
      (m: LooseManifest) => {
        m.tensors.push({ name: 'x', shape: [1], offset: 246824 });
      },
      /tensors must list the 10 tensors/,
    ],
    [
      'an unknown architecture option',
      (m: LooseManifest) => {
        m.architecture.dropout = 0.5;
      },
      /architecture has the unknown option "dropout"/,
    ],
    [
      'a checkpoint file listed twice',
      (m: LooseManifest) => {
        m.checkpoints[1].file = 'epoch-00.bin';
        delete m.checkpoints[1].predictions;
      },
      /"epoch-00.bin" is listed twice/,
    ],
    [
      'a file name of 300 characters',
      (m: LooseManifest) => {
        m.checkpoints[1].file = `${'e'.repeat(296)}.bin`;
        delete m.checkpoints[1].predictions;
      },
      /expected a plain name/,
    ],
    [
      'a file name with a path',
      (m: LooseManifest) => {
        m.checkpoints[1].file = 'a/b.bin';
      },
      /expected a plain name/,
    ],
    [
      'a testLoss given as the string "NaN"',
      (m: LooseManifest) => {
        m.checkpoints[0].testLoss = 'NaN';
      },
      /checkpoint 0 has testLoss "NaN"/,
    ],
    [
      'activation ranges that are not an object',
      (m: LooseManifest) => {
        m.checkpoints[1].activationRanges = [1, 2];
      },
      /activationRanges is \[1,2\]/,
    ],
    [
      'activation ranges of an unknown layer',
      (m: LooseManifest) => {
        m.checkpoints[1].activationRanges.c9 = { out: [0, 1], pre: null };
      },
      /"c9", which is not a layer/,
    ],
    [
      'activation ranges upside down',
      (m: LooseManifest) => {
        m.checkpoints[1].activationRanges.c1.out = [2, 1];
      },
      /activationRanges\.c1 is /,
    ],
    [
      'activation ranges with a string',
      (m: LooseManifest) => {
        m.checkpoints[1].activationRanges.c1.pre = ['NaN', 1];
      },
      /activationRanges\.c1 is /,
    ],
    [
      'activation ranges without pre',
      (m: LooseManifest) => {
        delete m.checkpoints[1].activationRanges.c1.pre;
      },
      /activationRanges\.c1 is /,
    ],
    [
      'training.testImages that is not a count',
      (m: LooseManifest) => {
        m.training.testImages = 'all';
      },
      /training\.testImages is "all"/,
    ],
    [
      'training.alphaPenalty that is not a penalty',
      (m: LooseManifest) => {
        m.training.alphaPenalty = 'l2';
      },
      /training\.alphaPenalty is "l2", expected one of none, l1, entropy/,
    ],
    [
      'a negative training.alphaLambda',
      (m: LooseManifest) => {
        m.training.alphaLambda = -0.1;
      },
      /training\.alphaLambda is -0\.1, expected a finite number >= 0/,
    ],
    [
      'training.alphaLambda given as text',
      (m: LooseManifest) => {
        m.training.alphaLambda = '0.01';
      },
      /training\.alphaLambda is "0\.01"/,
    ],
    [
      'a c3 table on a run with learned combinations',
      (m: LooseManifest) => {
        m.architecture.c3Connectivity = 'learned';
        m.architecture.layers = lenet5Layers({ ...m.architecture, c3Connectivity: 'learned' });
        m.tensors = createManifest({ ...m.architecture, c3Connectivity: 'learned' }).tensors;
        m.c3Table = [[0, 1, 2]];
      },
      /c3Table is given but c3 learns its combinations/,
    ],
    [
      'training.command that is not text',
      (m: Record<string, Record<string, unknown>>) => {
        m.training.command = ['npm', 'run', 'train'];
      },
      /training\.command is \["npm","run","train"\], expected the command line as text/,
    ],
    [
      'training.command longer than 2000 characters',
      (m: Record<string, Record<string, unknown>>) => {
        m.training.command = `npm run train -- ${'--elastic '.repeat(250)}`;
      },
      /training\.command is "npm run train -- --elastic/,
    ],
  ])('refuses %s', async (_, change, pattern) => {
    await refusedWith(edit(change), pattern);
  });

  it.each([
    ['testLoss', '"testLoss":2.3', '"testLoss":1e999', /checkpoint 0 has testLoss Infinity/],
    ['an activation range', '"out":[0,2]', '"out":[0,1e999]', /checkpoint 1: activationRanges\.input is /],
    ['trainLoss', '"trainLoss":0.3', '"trainLoss":-1e999', /checkpoint 1 has trainLoss -Infinity/],
    ['an epoch', '"epoch":1,', '"epoch":1e999,', /checkpoint 1 has epoch Infinity/],
    ['predictions images', '"images":12}', '"images":1e999}', /checkpoint 0: predictions: images is Infinity/],
    ['a tensor offset', '"offset":600', '"offset":1e999', /tensor 1 is /],
  ])('refuses %s that JSON.parse reads as Infinity', async (_, from, to, pattern) => {
    expect(text()).toContain(from);
    await refusedWith(withManifestText(validRunFiles({ predictions: true }), text().replace(from, to)), pattern);
  });

  it('refuses values nested too deeply to compare or print with a clean message, not a RangeError', async () => {
    const deep = `${'['.repeat(200000)}${']'.repeat(200000)}`;
    await refusedWith(
      withManifestText(validRunFiles(), text().replace(/"layers":\[/, `"layers":[${deep},`)),
      /architecture\.layers do not match/,
    );
    await refusedWith(
      withManifestText(validRunFiles(), text().replace('"format":"lenet5-run/1"', `"format":${deep}`)),
      /format is \(a value nested too deeply to show\)/,
    );
    await refusedWith(
      withManifestText(validRunFiles(), text().replace('"input":{', `"input":{"x":${deep},`)),
      /input is \(a value nested too deeply to show\)/,
    );
  });

  it('keeps __proto__ keys as plain data at every depth: the run loads or is refused, and no prototype changes', async () => {
    const poison = '"__proto__":{"polluted":true,"format":"x"}';
    const at = (anchor: string) =>
      withManifestText(validRunFiles({ predictions: true }), text().replace(anchor, `${anchor}${poison},`));
    const top = await loadRun(mapReader(at('{')), source);
    expect(Object.hasOwn(top.manifest, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(top.manifest)).toBe(Object.prototype);
    await loadRun(mapReader(at('"training":{')), source);
    await loadRun(mapReader(at('"checkpoints":[{')), source);
    await refusedWith(at('"architecture":{'), /unknown option "__proto__"/);
    await refusedWith(at('"activationRanges":{'), /"__proto__", which is not a layer/);
    await loadRun(mapReader(at('"c1":{"out"'.slice(0, 6))), source); // an extra key of one layer's ranges is not interpreted
    await loadRun(mapReader(at('"predictions":{')), source); // an extra key of the predictions entry is not interpreted
    await loadRun(mapReader(at('"tensors":[{')), source); // nor one of a tensor entry
    await refusedWith(
      withManifestText(validRunFiles(), '{"__proto__":{"format":"lenet5-run/1","polluted":true}}'),
      /format is undefined/,
    );
  });
});
