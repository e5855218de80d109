/**
 * Hostile run files end to end: a zip bomb, a file that is not a zip and a manifest trying to reach
 * Object.prototype are imported through the real file input; each is refused in an alert naming the
 * file and the problem while the page stays responsive (the archive is read in the engine worker, its
 * sizes checked before inflating), and the app reads drawings as before. The refusal reads in the page's language.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet
import { appForFile, DIGITS, drawStrokes } from './appSession';

const session = appForFile();

/** Imports `bytes` as `name` and returns the alert text and the longest gap between animation frames meanwhile (ms). */
async function importFile(name: string, bytes: Uint8Array): Promise<{ alert: string; longestFrameGap: number }> {
  await session.app.page.evaluate(() => {
    const w = window as unknown as { gaps: number[]; watching: boolean };
    w.gaps = [];
    w.watching = true;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      w.gaps.push(now - last);
      last = now;
      if (w.watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await session.app.page
    .getByTestId('import-run')
    .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  const alert = session.app.page.getByRole('alert').filter({ hasText: name });
  await alert.first().waitFor({ timeout: 30_000 });
  const longestFrameGap = await session.app.page.evaluate(() => {
    const w = window as unknown as { gaps: number[]; watching: boolean };
    w.watching = false;
    return Math.max(...w.gaps);
  });
  return { alert: (await alert.first().textContent()) ?? '', longestFrameGap };
}

describe('hostile run files', () => {
  it('refuses a zip bomb by its declared sizes, without freezing the page', async () => {
    // 256 MiB of zeros deflate to a few hundred KiB.
    const bomb = zipSync({ 'manifest.json': new Uint8Array(256 << 20) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(2 << 20);
    const { alert, longestFrameGap } = await importFile('bomb.zip', bomb);
    expect(alert).toMatch(/Import refused: bomb\.zip: .*manifest\.json/);
    console.log(`longest gap between animation frames while the bomb was refused: ${longestFrameGap.toFixed(0)} ms`);
    expect(longestFrameGap).toBeLessThan(2000); // the page kept drawing frames (software rendering draws slowly)
  });

  it('refuses a file that is not a zip, and a manifest reaching for Object.prototype', async () => {
    expect((await importFile('notes.zip', new TextEncoder().encode('just some text'))).alert).toMatch(
      /notes\.zip: not a run file/,
    );
    const manifest =
      '{"__proto__": {"polluted": true}, "format": "lenet5-run/1", "constructor": {"prototype": {"polluted": true}}}';
    const sneaky = zipSync({ 'manifest.json': new TextEncoder().encode(manifest) });
    expect((await importFile('sneaky.zip', sneaky)).alert).toMatch(/sneaky\.zip/);
    expect(await session.app.page.evaluate(() => (({}) as { polluted?: boolean }).polluted)).toBeUndefined();
    await drawStrokes(session.app.page, DIGITS.seven);
    await session.app.page.waitForFunction(() => window.lenet.state().prediction?.label === 7, null, {
      timeout: 20_000,
    });
    expect(session.errors).toEqual([]);
  });

  it('shows a refused import in Chinese when the page is in Chinese, and in English again after the switch', async () => {
    const page = session.app.page;
    await page.getByTestId('language-switch').selectOption('zh');
    const { alert } = await importFile('plain.zip', new TextEncoder().encode('not a zip either'));
    expect(alert).toContain(
      '导入被拒绝：plain.zip：不是网络文件（lenet5-run/1 文件夹的 zip 压缩包）：缺少 zip 目录结束记录',
    );
    await page.getByTestId('language-switch').selectOption('en');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'plain.zip' }).first().textContent())
      .toContain(
        'Import refused: plain.zip: not a run file (a zip of a lenet5-run/1 folder): no zip end-of-directory record',
      );
    expect(session.errors).toEqual([]);
  });
});
