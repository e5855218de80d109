/**
 * The problems catalog: every code of the engine's run problems and the store's stored-run problems renders in
 * English exactly as the error's own message (the engine's sentence), and in Chinese with the same values, in
 * Chinese words; nested problems are translated where they sit; and real refusals (a run file, a stored record)
 * come out in the language shown.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { problemSentence, type SentenceTable } from '../../src/engine/model/codedProblem';
import { DEFAULT_ARCHITECTURE } from '../../src/engine/model/lenet5';
import { readRunArchive } from '../../src/engine/model/runArchiveReader';
import { createManifest } from '../../src/engine/model/runFormat';
import { problemOf, runFormatError, runProblemText } from '../../src/engine/model/runFormatError';
import { RUN_PROBLEMS, runProblem, type RunProblem } from '../../src/engine/model/runProblems';
import { i18n } from '../../src/i18n/i18n';
import { messageText } from '../../src/i18n/useMessage';
import { validateManifest } from '../../src/engine/model/runValidation';
import { STORED_RUN_PROBLEMS } from '../../src/store/storedRunProblems';
import { checkStoredRun, inspectStoredRun } from '../../src/store/storedRunValidation';
import { errorDetail, problemMessage, type Problem } from '../../src/ui/problems/problemMessage';
import { en, zh } from '../../src/ui/problems/problemStrings';

const HAN = /\p{Script=Han}/u;
const placeholders = (sentence: string) => [...sentence.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
const inLanguage = (language: 'en' | 'zh', problem: Problem) =>
  messageText(i18n.getFixedT(language), problemMessage(problem));
const tables: [string, SentenceTable][] = [
  ['run', RUN_PROBLEMS],
  ['stored', STORED_RUN_PROBLEMS],
];

/** Every code of `table` with a distinct value for each placeholder (alternately a number and a quoted name). */
function everyCode(table: SentenceTable): { problem: Problem; values: string[] }[] {
  let n = 0;
  return Object.keys(table).map((code) => {
    const entries = placeholders(table[code]).map((name) => [name, n++ % 2 ? `"name-${n}"` : 1000 + n] as const);
    return {
      problem: { code, values: Object.fromEntries(entries) } as unknown as Problem,
      values: entries.map(([, value]) => String(value)),
    };
  });
}

describe('the problems catalog', () => {
  it('holds every code of both tables, each once', () => {
    const shared = Object.keys(RUN_PROBLEMS).filter((code) => Object.hasOwn(STORED_RUN_PROBLEMS, code));
    expect(shared).toEqual([]);
    expect(Object.keys(en).sort()).toEqual([...Object.keys(RUN_PROBLEMS), ...Object.keys(STORED_RUN_PROBLEMS)].sort());
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('renders every code in English as the engine writes it and in Chinese, with all its values', () => {
    for (const [name, table] of tables) {
      for (const { problem, values } of everyCode(table)) {
        const english = inLanguage('en', problem);
        expect(english, problem.code).toBe(problemSentence(table, problem as never));
        const chinese = inLanguage('zh', problem);
        expect(chinese, problem.code).not.toBe(english);
        // Words are Chinese (a sentence of placeholders and punctuation only, `{{file}}：{{problem}}`, has none).
        const words = zh[problem.code as keyof typeof zh].replace(/\{\{\w+\}\}/g, '');
        if (/\p{L}/u.test(words)) expect(chinese, `${name}:${problem.code}`).toMatch(HAN);
        expect(chinese).not.toMatch(/\{\{|\}\}/);
        for (const value of values) expect(chinese, `${problem.code} shows ${value}`).toContain(value);
      }
    }
  });

  it('translates nested problems where they sit', () => {
    const problem = runProblem('inFile', {
      file: 'a.zip',
      problem: runProblem('notRunFile', { why: runProblem('noEndOfDirectory') }),
    });
    expect(inLanguage('en', problem)).toBe(
      'a.zip: not a run file (a zip of a lenet5-run/1 folder): no zip end-of-directory record',
    );
    expect(inLanguage('zh', problem)).toBe(
      'a.zip：不是网络文件（lenet5-run/1 文件夹的 zip 压缩包）：缺少 zip 目录结束记录',
    );
  });

  it('names only codes the engine or the store uses', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const tables = /(runProblems|storedRunProblems|problemStrings)\.ts$/;
    const users = files(join(import.meta.dirname, '../../src'))
      .filter((path) => !tables.test(path))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    for (const code of Object.keys(en)) expect(users, `${code} is never used`).toContain(`'${code}'`);
  });
});

describe('refusals in the language shown', () => {
  it('a refused run file: its message is the English, its detail the Chinese', async () => {
    const error = await readRunArchive(new TextEncoder().encode('just some text'), 'notes.zip').catch((e) => e);
    expect(error.constructor).toBe(Error);
    expect(problemOf(error)).not.toBeNull();
    const detail = errorDetail(error);
    if (typeof detail === 'string') throw new Error('no problem carried');
    expect(messageText(i18n.getFixedT('en'), detail)).toBe(error.message);
    expect(messageText(i18n.getFixedT('zh'), detail)).toMatch(/^notes\.zip：不是网络文件/);
  });

  it('a manifest refused: the file, the checkpoint and the values as they are, the words translated', async () => {
    const bytes = zipSync({ 'manifest.json': new TextEncoder().encode('{"format": "lenet5-run/2"}') });
    const error = await readRunArchive(bytes, 'x.zip').catch((e) => e);
    expect(error.message).toBe('x.zip/manifest.json: format is "lenet5-run/2", expected "lenet5-run/1"');
    expect(messageText(i18n.getFixedT('zh'), errorDetail(error) as never)).toBe(
      'x.zip/manifest.json：format 为 "lenet5-run/2"，应为 "lenet5-run/1"',
    );
    const checkpoint = {
      epoch: 0,
      file: 'epoch-00.bin',
      testAccuracy: null,
      trainLoss: null,
      activationRanges: { zz: 1 },
    };
    const manifest = { ...createManifest(DEFAULT_ARCHITECTURE), checkpoints: [checkpoint] };
    const refusal = (() => {
      try {
        return validateManifest(manifest, 'run/manifest.json');
      } catch (e) {
        return e as Error;
      }
    })() as Error;
    expect(refusal.message).toBe(
      'run/manifest.json: checkpoint 0: activationRanges has "zz", which is not a layer of this network',
    );
    expect(messageText(i18n.getFixedT('zh'), errorDetail(refusal) as never)).toBe(
      'run/manifest.json：检查点 0：activationRanges 含有 "zz"，它不是这个网络的层',
    );
  });

  it('an error without a problem keeps its own text', () => {
    expect(errorDetail(new Error('boom'))).toBe('boom');
    expect(errorDetail(Object.assign(new Error('forged'), { problem: { code: 'nope', values: {} } }))).toBe('forged');
    const missingValue = Object.assign(new Error('x'), { problem: { code: 'inFile', values: { file: 'a' } } });
    expect(problemOf(missingValue)).toBeNull();
  });

  it('a damaged stored record: the English of checkStoredRun, and its Chinese', () => {
    for (const value of [null, undefined, [1, 2], new Map(), { name: 7 }]) {
      const inspection = inspectStoredRun('my-run', value);
      const check = checkStoredRun('my-run', value);
      if (inspection.ok || check.ok) throw new Error('accepted');
      expect(inLanguage('en', inspection.problem)).toBe(check.problem);
      expect(inLanguage('zh', inspection.problem)).toMatch(HAN);
    }
    const map = inspectStoredRun('my-run', new Map());
    expect(!map.ok && inLanguage('zh', map.problem)).toBe('它是 一个 Map 对象，不是网络对象');
  });

  it('survives a structured clone as data, with the same English', () => {
    const problem: RunProblem = runProblem('inFile', {
      file: 'r',
      problem: runProblem('cannotBeRead', { why: runProblem('serverAnswered', { status: 404 }) }),
    });
    const copy = structuredClone(problem);
    expect(problemOf(Object.assign(new Error(''), { problem: copy }))).toEqual(problem);
    expect(runFormatError(copy).message).toBe('r: cannot be read (the server answered HTTP 404)');
    expect(runProblemText(copy)).toBe(inLanguage('en', copy));
    expect(inLanguage('zh', copy)).toBe('r：无法读取（服务器返回 HTTP 404）');
  });
});
