/** The glossary is the tutorial's: every Chinese term (or the tutorial's wording of it) appears in the tutorial, under a section it has. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, type Term } from '../../src/i18n/glossary';

/** The tutorial the app follows (not in this repository: the workplace's shared/seed, or TUTORIAL_PATH). */
const TUTORIAL =
  process.env.TUTORIAL_PATH ??
  join(import.meta.dirname, '..', '..', '..', 'shared', 'seed', '000_fe2405b040552ce0.txt');

describe.skipIf(!existsSync(TUTORIAL))('the glossary (against the tutorial at TUTORIAL_PATH)', () => {
  const text = existsSync(TUTORIAL) ? readFileSync(TUTORIAL, 'utf8') : '';
  const headings = text
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .map((line) => line.replace(/^#+\s*/, '').trim());

  it('takes every term from the tutorial, under one of its sections', () => {
    for (const [key, term] of Object.entries(GLOSSARY) as [string, Term][]) {
      expect(text.includes(term.tutorialWording ?? term.zh), `${key}: ${term.zh}`).toBe(true);
      expect(headings, `${key}: section ${term.section}`).toContain(term.section);
    }
  });
});
