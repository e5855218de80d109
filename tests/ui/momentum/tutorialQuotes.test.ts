/** The help's quotations are the tutorial's words: every quoted Chinese passage (cut at ……) appears in it as written. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zh as batch } from '../../../src/ui/batch/strings';
import { zh as momentum } from '../../../src/ui/momentum/strings';

/** The tutorial the app follows (not in this repository: the workplace's shared/seed, or TUTORIAL_PATH). */
const TUTORIAL =
  process.env.TUTORIAL_PATH ??
  join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seed', '000_fe2405b040552ce0.txt');

/** The passages between “ and ” in `text`, each cut where it says …… (a part left out). */
const quoted = (text: string) => [...text.matchAll(/“([^”]+)”/g)].flatMap((m) => m[1].split('……'));

describe.skipIf(!existsSync(TUTORIAL))('the quotations in the help (against the tutorial at TUTORIAL_PATH)', () => {
  const tutorial = existsSync(TUTORIAL) ? readFileSync(TUTORIAL, 'utf8') : '';

  it('quote the momentum section and the batch-versus-online section word for word', () => {
    const { problem, rule, ball, peak } = momentum.momentum;
    const passages = [problem, rule, ball, peak, batch.quote].flatMap(quoted);
    expect(passages.length).toBeGreaterThanOrEqual(6);
    for (const passage of passages) expect(tutorial, passage).toContain(passage);
    for (const heading of ['批量更新VS在线更新', '梯度下降法的改进—动量法']) expect(tutorial).toContain(`# ${heading}`);
  });
});
