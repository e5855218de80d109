/** What the page accepts from its run storage, and what it reports as damaged (kept, never used). */
import { describe, expect, it } from 'vitest';
import { lenet5Layers } from '../../src/engine/model/lenet5';
import { parameterLayout } from '../../src/engine/model/parameters';
import { checkStoredRun, damagedRunMessage, rawRecordJson } from '../../src/store/storedRunValidation';

const options = {
  activation: 'tanh',
  pooling: 'subsample',
  c3Connectivity: 'lenet5',
  loss: 'mean-squared-error',
} as const;
const size = parameterLayout(lenet5Layers(options)).size;
const params = (n = size) => Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 0.1);

/** A record as trainingController saves it (epoch 0, an early checkpoint, epoch 1). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test damages it in its own way
function valid(): Record<string, any> {
  return {
    name: 'my-run',
    architecture: { ...options, layers: lenet5Layers(options) },
    testImages: 1000,
    ranges: null,
    checkpoints: [
      { epoch: 0, step: 0, testAccuracy: 0.1, params: params() },
      { epoch: 0.0625, step: 59, testAccuracy: null, params: params() },
      { epoch: 1, step: 938, testAccuracy: 0.97, params: params() },
    ],
  };
}

/** The problem found in `valid()` after `change`. */
function problem(change: (record: ReturnType<typeof valid>) => unknown, key = 'my-run'): string {
  const record = valid();
  const changed = change(record) ?? record;
  const check = checkStoredRun(key, changed);
  if (check.ok) throw new Error('accepted');
  return check.problem;
}

describe('checking a run read from storage', () => {
  it('accepts a run as the page saves it (with or without steps, with ranges), and returns it unchanged', () => {
    const record = valid();
    const check = checkStoredRun('my-run', record);
    expect(check).toEqual({ ok: true, run: record });
    expect(check.ok && check.run).toBe(record);
    delete record.checkpoints[1].step;
    record.ranges = { c1: { out: [0, 1], pre: [-1, 1] } };
    expect(checkStoredRun('my-run', record).ok).toBe(true);
    const modern: Record<string, unknown> = {
      ...valid(),
      architecture: {
        activation: 'relu',
        pooling: 'max',
        c3Connectivity: 'full',
        loss: 'softmax-cross-entropy',
        layers: lenet5Layers(),
      },
    };
    modern.checkpoints = [{ epoch: 0, testAccuracy: null, params: params(parameterLayout(lenet5Layers()).size) }];
    expect(checkStoredRun('my-run', modern).ok).toBe(true);
  });

  it('refuses what is not a run object, or whose name is not its key', () => {
    expect(problem(() => 'hello')).toBe('it is "hello", not a run object');
    expect(problem(() => [1, 2])).toBe('it is an array of 2, not a run object');
    expect(checkStoredRun('my-run', null)).toEqual({ ok: false, problem: 'it is null, not a run object' });
    expect(checkStoredRun('my-run', undefined)).toEqual({ ok: false, problem: 'it is missing, not a run object' });
    expect(problem(() => new Map())).toBe('it is a Map object, not a run object');
    expect(
      problem((r) => {
        r.name = 7;
      }),
    ).toBe('its name is 7, not a string');
    expect(
      problem((r) => {
        delete r.name;
      }),
    ).toBe('its name is missing, not a string');
    expect(problem(() => undefined, 'other')).toBe('its name "my-run" is not the key it is stored under');
  });

  it('refuses an architecture with an unknown option or layers that differ from what its options build', () => {
    expect(
      problem((r) => {
        r.architecture = 'lenet';
      }),
    ).toBe('its architecture is "lenet", not an object');
    expect(
      problem((r) => {
        r.architecture.activation = 'gelu';
      }),
    ).toBe('architecture.activation is "gelu", expected one of relu, tanh, sigmoid');
    expect(
      problem((r) => {
        delete r.architecture.loss;
      }),
    ).toMatch(/^architecture.loss is missing, expected one of/);
    // Options changed but layers kept: the layers no longer match.
    expect(
      problem((r) => {
        r.architecture.c3Connectivity = 'full';
      }),
    ).toBe('architecture.layers do not match the LeNet-5 layers for its options');
    expect(
      problem((r) => {
        (r.architecture.layers as unknown[]).pop();
      }),
    ).toBe('architecture.layers do not match the LeNet-5 layers for its options');
    expect(
      problem((r) => {
        delete r.architecture.layers;
      }),
    ).toBe('architecture.layers do not match the LeNet-5 layers for its options');
  });

  it('accepts layers whose keys come in another order', () => {
    const record = valid();
    record.architecture.layers = lenet5Layers(options).map((layer) =>
      Object.fromEntries(Object.entries(layer).reverse()),
    );
    expect(checkStoredRun('my-run', record).ok).toBe(true);
  });

  it('refuses testImages that is not a positive integer', () => {
    for (const bad of [0, -5, 2.5, '1000', null, Number.NaN]) {
      expect(
        problem((r) => {
          r.testImages = bad;
        }),
      ).toMatch(/^testImages is .*, expected a positive integer$/);
    }
    expect(
      problem((r) => {
        delete r.testImages;
      }),
    ).toBe('testImages is missing, expected a positive integer');
  });

  it('refuses missing or empty checkpoints and checkpoints that are not objects', () => {
    expect(
      problem((r) => {
        delete r.checkpoints;
      }),
    ).toBe('checkpoints is missing, expected an array');
    expect(
      problem((r) => {
        r.checkpoints = [];
      }),
    ).toBe('it has no checkpoints');
    expect(
      problem((r) => {
        (r.checkpoints as unknown[])[1] = 5;
      }),
    ).toBe('checkpoint 1 is 5, not an object');
  });

  it('refuses epochs that are negative, not finite or not increasing', () => {
    expect(
      problem((r) => {
        r.checkpoints[0].epoch = -1;
      }),
    ).toBe('checkpoint 0 has epoch -1, expected a finite number >= 0');
    expect(
      problem((r) => {
        r.checkpoints[2].epoch = Infinity;
      }),
    ).toBe('checkpoint 2 has epoch Infinity, expected a finite number >= 0');
    expect(
      problem((r) => {
        r.checkpoints[1].epoch = '1';
      }),
    ).toBe('checkpoint 1 has epoch "1", expected a finite number >= 0');
    expect(
      problem((r) => {
        r.checkpoints[2].epoch = 0.0625;
      }),
    ).toBe('checkpoint 2 has epoch 0.0625 after 0.0625: epochs must increase');
    expect(
      problem((r) => {
        r.checkpoints[1].epoch = 3;
      }),
    ).toBe('checkpoint 2 has epoch 1 after 3: epochs must increase');
  });

  it('refuses a test accuracy outside [0, 1] and a step that is not a non-negative integer', () => {
    for (const bad of [1.5, -0.1, Number.NaN, '0.9', undefined]) {
      expect(
        problem((r) => {
          r.checkpoints[2].testAccuracy = bad;
        }),
      ).toMatch(/^checkpoint 2 has testAccuracy .*, expected null or a number from 0 to 1$/);
    }
    for (const bad of [1.5, -1, '3', null]) {
      expect(
        problem((r) => {
          r.checkpoints[1].step = bad;
        }),
      ).toMatch(/^checkpoint 1 has step .*, expected a non-negative integer$/);
    }
  });

  it('refuses parameters of another type, another count, or with NaN or infinite values', () => {
    expect(
      problem((r) => {
        r.checkpoints[2].params = Array.from(params());
      }),
    ).toBe(`checkpoint 2 has params an array of ${size}, expected a Float32Array`);
    expect(
      problem((r) => {
        r.checkpoints[2].params = new Float64Array(size);
      }),
    ).toBe('checkpoint 2 has params a Float64Array, expected a Float32Array');
    expect(
      problem((r) => {
        delete r.checkpoints[0].params;
      }),
    ).toBe('checkpoint 0 has params missing, expected a Float32Array');
    expect(
      problem((r) => {
        r.checkpoints[2].params = params(120);
      }),
    ).toBe(`checkpoint 2 has 120 parameters, expected ${size}`);
    expect(
      problem((r) => {
        r.checkpoints[1].params = params(size + 1);
      }),
    ).toBe(`checkpoint 1 has ${size + 1} parameters, expected ${size}`);
    expect(
      problem((r) => {
        (r.checkpoints[2].params as Float32Array)[40] = Number.NaN;
      }),
    ).toBe('checkpoint 2 has parameter 40 = NaN, expected finite values');
    expect(
      problem((r) => {
        (r.checkpoints[0].params as Float32Array)[size - 1] = -Infinity;
      }),
    ).toBe(`checkpoint 0 has parameter ${size - 1} = -Infinity, expected finite values`);
  });

  it('refuses ranges that are neither null nor an object', () => {
    expect(
      problem((r) => {
        r.ranges = [1, 2];
      }),
    ).toBe('ranges is an array of 2, expected null or an object');
    expect(
      problem((r) => {
        delete r.ranges;
      }),
    ).toBe('ranges is missing, expected null or an object');
    expect(
      problem((r) => {
        r.ranges = 'none';
      }),
    ).toBe('ranges is "none", expected null or an object');
  });

  it("counts the default architecture's parameters as the message the page shows says", () => {
    const record: Record<string, unknown> = {
      ...valid(),
      name: 'x',
      architecture: {
        ...valid().architecture,
        activation: 'relu',
        pooling: 'max',
        c3Connectivity: 'full',
        loss: 'softmax-cross-entropy',
        layers: lenet5Layers(),
      },
    };
    record.checkpoints = [0, 1, 2, 3].map((epoch) => ({
      epoch,
      testAccuracy: null,
      params: params(epoch === 3 ? 120 : 61706),
    }));
    const check = checkStoredRun('x', record);
    expect(check.ok).toBe(false);
    expect(!check.ok && damagedRunMessage('x', check.problem)).toBe(
      "run 'x' in this browser's storage is damaged: checkpoint 3 has 120 parameters, expected 61706",
    );
  });
});

describe('exporting a raw stored record as JSON', () => {
  it('writes typed arrays as plain arrays with their type, and keeps values JSON cannot hold', () => {
    const record = {
      name: 'x',
      checkpoints: [{ epoch: 0, params: Float32Array.from([1.5, Number.NaN, Infinity, -Infinity]) }],
      bytes: new Uint8Array([1, 2]).buffer,
      big: 5n,
      when: new Date(0),
      tags: new Set(['a']),
      nothing: undefined,
      none: null,
    };
    expect(JSON.parse(rawRecordJson(record))).toEqual({
      name: 'x',
      checkpoints: [{ epoch: 0, params: { type: 'Float32Array', values: [1.5, 'NaN', 'Infinity', '-Infinity'] } }],
      bytes: { type: 'ArrayBuffer', values: [1, 2] },
      big: { type: 'BigInt', value: '5' },
      when: { type: 'Date', value: '1970-01-01T00:00:00.000Z' },
      tags: { type: 'Set', values: ['a'] },
      nothing: { type: 'undefined' },
      none: null,
    });
    expect(JSON.parse(rawRecordJson('just text'))).toBe('just text');
    const shared = [1];
    expect(JSON.parse(rawRecordJson({ a: shared, b: shared }))).toEqual({ a: [1], b: [1] });
  });
});
