import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('package boundaries', () => {
  it('the engine imports nothing from React, three, zustand or outside src/engine (but fflate)', () => {
    const offenders = files(join(src, 'engine')).flatMap((path) =>
      imports(path)
        .filter((spec) => spec !== 'fflate') // pure zip reading (runArchiveReader.ts), no DOM
        .filter((spec) => !spec.startsWith('.') || !join(path, '..', spec).startsWith(join(src, 'engine')))
        .map((spec) => `${relative(src, path)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
