/**
 * A refused import across the worker boundary: the worker posts `failed` with the English message and the
 * problem as data, and the client rejects with an EngineFailure carrying it, so the page can show it in Chinese.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n';
import { messageText } from '../../src/i18n/useMessage';
import { errorDetail } from '../../src/ui/problems/problemMessage';
import { EngineFailure } from '../../src/worker/engineFailure';
import { inProcessEngine } from './inProcessEngine';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function connect() {
  const client = inProcessEngine(stops);
  return client;
}

describe('a refused import, across the worker boundary', () => {
  it('arrives as an EngineFailure with the English message and the problem as data', async () => {
    const client = connect();
    const bytes = new TextEncoder().encode('just some text');
    const error = await client
      .request({ type: 'readRunArchive', bytes, fileName: 'notes.zip' }, 'runArchiveRead')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineFailure);
    expect((error as EngineFailure).message).toBe(
      'notes.zip: not a run file (a zip of a lenet5-run/1 folder): no zip end-of-directory record',
    );
    expect((error as EngineFailure).problem).toEqual({
      code: 'inFile',
      values: {
        file: 'notes.zip',
        problem: { code: 'notRunFile', values: { why: { code: 'noEndOfDirectory', values: {} } } },
      },
    });
    const detail = errorDetail(error);
    expect(typeof detail).toBe('object');
    expect(messageText(i18n.getFixedT('zh'), detail as never)).toBe(
      'notes.zip：不是网络文件（lenet5-run/1 文件夹的 zip 压缩包）：缺少 zip 目录结束记录',
    );
  });

  it('posts no problem for a failure that is not a refusal, and the client keeps its text', async () => {
    const client = connect();
    const error = await client.infer(new Float32Array(1024)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineFailure);
    expect((error as EngineFailure).problem).toBeUndefined();
    expect(errorDetail(error)).toBe((error as Error).message);
  });

  it('drops a problem that is not one of the engine (a forged or damaged event)', () => {
    expect(new EngineFailure('x', { code: 'inFile', values: {} }).problem).toBeUndefined();
    expect(new EngineFailure('x', { code: 'toString', values: {} }).problem).toBeUndefined();
    expect(new EngineFailure('x', { code: 'zip64', values: {} }).problem).toEqual({ code: 'zip64', values: {} });
  });
});
