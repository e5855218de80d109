/** Writes one benchmark's section into docs/benchmarks.md between its own markers, keeping the rest. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const REPORT = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
const HEADER =
  '# Benchmarks\n\nEvery section below is written by the script it names; rerun the script to refresh it.\n';

/** Replaces (or appends) the section `name` of docs/benchmarks.md with `markdown`. */
export function writeReportSection(name: string, markdown: string, path = REPORT): void {
  const begin = `<!-- begin ${name} -->`;
  const end = `<!-- end ${name} -->`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : HEADER;
  const section = `${begin}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${begin}[\\s\\S]*?${end}`);
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, next);
}
