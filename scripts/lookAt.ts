/**
 * Screenshots of the app for a person to look at: `npx tsx scripts/lookAt.ts [search] [--size WxH] [--out DIR]
 * [--draw] [--locale zh-CN] [--click TESTID]... [--full] [--element TESTID]` opens the app on a dev server (as the
 * e2e tests do), optionally draws a 7 and clicks the elements with the given test ids (in order: a panel's toggle, a
 * tab), and writes a PNG (`--full`: of the whole page, not just the viewport; `--wait TESTID`: once that element
 * shows; `--element TESTID`: of that element only).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { drawStrokes, openApp } from './appBrowser';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string', default: '1400x860' },
    out: { type: 'string', default: '.look' },
    draw: { type: 'boolean', default: false },
    name: { type: 'string', default: 'app' },
    locale: { type: 'string' },
    click: { type: 'string', multiple: true },
    full: { type: 'boolean', default: false },
    wait: { type: 'string' },
    element: { type: 'string' },
  },
});
const [width, height] = values.size!.split('x').map(Number);
const app = await openApp(positionals[0] ?? '', { viewport: { width, height }, locale: values.locale });
try {
  if (values.draw) {
    const pad = (await app.page.getByTestId('digit-pad').boundingBox())!;
    const at = (x: number, y: number): [number, number] => [x * pad.width, y * pad.height];
    await drawStrokes(app.page, [[at(0.28, 0.22), at(0.72, 0.22), at(0.45, 0.82)]]);
    await app.page.waitForTimeout(1500);
  }
  for (const testId of values.click ?? []) {
    await app.page.getByTestId(testId).first().click();
    await app.page.waitForTimeout(500);
  }
  if (values.wait) await app.page.getByTestId(values.wait).first().waitFor({ timeout: 60_000 });
  mkdirSync(values.out!, { recursive: true });
  const file = join(values.out!, `${values.name}.png`);
  if (values.element) await app.page.getByTestId(values.element).first().screenshot({ path: file });
  else await app.page.screenshot({ path: file, fullPage: values.full });
  console.log(file);
} finally {
  await app.close();
}
