import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(tsx?|jsx?|mjs)$/.test(name) ? [path] : [];
  });
}

function offenders(pattern: RegExp, only?: (path: string) => boolean): string[] {
  return files(src)
    .filter((path) => !only || only(path))
    .flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${relative(src, path)}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe('text from files is only ever rendered as text', () => {
  it('no source writes HTML: innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML, document.write, srcdoc', () => {
    expect(
      offenders(
        /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|createContextualFragment|srcdoc)\b|document\.write/,
      ),
    ).toEqual([]);
  });

  it('no source evaluates strings as code', () => {
    expect(offenders(/\beval\s*\(|\bnew Function\s*\(|setTimeout\s*\(\s*['"`]/)).toEqual([]);
  });

  it('the run-reading code merges no file data into other objects (no Object.assign or deep merge)', () => {
    const runCode = (path: string) =>
      /engine[/\\]model[/\\](runArchiveReader|runLoader|runValidation|predictions)\.ts$/.test(path) ||
      /store[/\\]runArchive\.ts$/.test(path);
    expect(files(src).filter(runCode)).toHaveLength(5);
    expect(offenders(/Object\.assign|merge\(|\.__proto__|setPrototypeOf/, runCode)).toEqual([]);
  });
});
