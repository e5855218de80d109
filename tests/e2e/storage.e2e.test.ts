/**
 * Runs kept in this browser's storage: a damaged record is reported with its problem, kept untouched, and can be
 * exported or deleted, while the app starts normally and still offers the valid run; a storage that cannot be
 * opened at all is reported once, never thrown at start-up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialParameters } from '../../src/engine/model/initialize';
import { DEFAULT_ARCHITECTURE, lenet5Layers } from '../../src/engine/model/lenet5';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet
import { ARTIFACTS, DIGITS, drawStrokes, openApp, settledPrediction, type AppSession } from './appSession';

let app: AppSession;
beforeAll(async () => {
  app = await openApp();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const layers = lenet5Layers();
const weights = Array.from(initialParameters(layers, 7));
const DAMAGED_PROBLEM = `checkpoint 3 has 120 parameters, expected ${weights.length}`;

/**
 * What the page's IndexedDB holds under `key` ('lenet5-visualizer', object store 'runs': idb-keyval's
 * createStore(dbName, storeName) with out-of-line keys), summarised for comparison: typed arrays as
 * `{ type, values }`. Undefined when there is no such record.
 */
const readStored = (key: string) =>
  app.page.evaluate(
    (key) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('lenet5-visualizer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('runs', 'readonly').objectStore('runs').get(key);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            db.close();
            resolve(
              JSON.parse(
                JSON.stringify(get.result ?? null, (_, v: unknown) =>
                  ArrayBuffer.isView(v) ? { type: v.constructor.name, values: Array.from(v as Float32Array) } : v,
                ),
              ) ?? undefined,
            );
          };
        };
      }),
    key,
  );

describe("runs in this browser's storage", () => {
  it('reports a damaged record with its problem and keeps it, offers the valid run, and starts normally', async () => {
    // Straight into IndexedDB, as an earlier visit (or a broken browser) would have left them.
    await app.page.evaluate(
      ({ architecture, weights }) =>
        new Promise<void>((resolve, reject) => {
          const params = Float32Array.from(weights);
          const valid = {
            name: 'my-run',
            architecture,
            testImages: 1000,
            ranges: null,
            checkpoints: [
              { epoch: 0, step: 0, testAccuracy: 0.1, params },
              { epoch: 1, step: 8, testAccuracy: 0.5, params: params.map((v) => v * 0.9) },
            ],
          };
          const damaged = {
            name: 'old-run',
            architecture,
            testImages: 1000,
            ranges: null,
            checkpoints: [0, 1, 2, 3].map((epoch) => ({
              epoch,
              step: epoch * 8,
              testAccuracy: 0.25,
              params: epoch === 3 ? params.slice(0, 120) : params,
            })),
          };
          const open = indexedDB.open('lenet5-visualizer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('runs', 'readwrite');
            tx.objectStore('runs').put(valid, 'my-run');
            tx.objectStore('runs').put(damaged, 'old-run');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { architecture: { ...DEFAULT_ARCHITECTURE, layers }, weights },
    );
    const stored = await readStored('old-run');
    expect(stored).toMatchObject({ name: 'old-run', checkpoints: { 3: { params: { type: 'Float32Array' } } } });

    await app.page.reload();
    await app.page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
    await app.page.evaluate(() => window.lenet.ready);

    const alert = app.page.getByTestId('damaged-runs');
    await expect
      .poll(() => alert.textContent())
      .toContain(`Run 'old-run' in this browser's storage is damaged: ${DAMAGED_PROBLEM}. It is kept as it is.`);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await app.page.getByTestId('damaged-export-my-run').count()).toBe(0);
    await app.page.screenshot({ path: join(ARTIFACTS, 'damaged-run.png') });

    // The app works: drawing is read, and the valid run is offered and shows its checkpoints.
    await drawStrokes(app.page, DIGITS.seven);
    expect(await settledPrediction(app.page)).not.toBeNull();
    const offered = await app.page
      .getByTestId('run-picker')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain('my-run');
    expect(offered).not.toContain('old-run');
    await app.page.getByTestId('run-picker').selectOption('my-run');
    await app.page.waitForFunction(() => window.lenet.state().run === 'my-run');
    expect(await app.page.evaluate(() => window.lenet.state().checkpoints)).toEqual([
      { epoch: 0, testAccuracy: 0.1 },
      { epoch: 1, testAccuracy: 0.5 },
    ]);
    expect(await settledPrediction(app.page)).not.toBeNull();

    // The damaged record is untouched.
    expect(await readStored('old-run')).toEqual(stored);
  });

  it("exports the damaged record's raw data as JSON, typed arrays written out with their type", async () => {
    const download = app.page.waitForEvent('download');
    await app.page.getByTestId('damaged-export-old-run').click();
    const file = join(ARTIFACTS, 'old-run.damaged.json');
    await (await download).saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      name: string;
      checkpoints: { epoch: number; params: { type: string; values: number[] } }[];
    };
    expect(exported.name).toBe('old-run');
    expect(exported.checkpoints.map((c) => c.epoch)).toEqual([0, 1, 2, 3]);
    expect(exported.checkpoints[3].params.type).toBe('Float32Array');
    expect(exported.checkpoints[3].params.values).toEqual(Array.from(Float32Array.from(weights.slice(0, 120))));
    expect(exported).toEqual(await readStored('old-run'));
  });

  it('deletes the damaged record only once confirmed, and removes it from the list', async () => {
    app.page.once('dialog', (dialog) => void dialog.dismiss());
    await app.page.getByTestId('damaged-delete-old-run').click();
    await app.page.waitForTimeout(300);
    expect(await readStored('old-run')).toBeDefined();
    expect(await app.page.getByTestId('damaged-runs').count()).toBe(1);

    let question = '';
    app.page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await app.page.getByTestId('damaged-delete-old-run').click();
    await expect.poll(() => app.page.getByTestId('damaged-runs').count()).toBe(0);
    expect(question).toMatch(/Delete run 'old-run'/);
    expect(await readStored('old-run')).toBeUndefined();
    expect(await readStored('my-run')).toBeDefined();
  });

  it('reports a storage that cannot be opened once, and starts normally', async () => {
    const page = await app.page.context().newPage();
    try {
      await page.addInitScript(() => {
        IDBFactory.prototype.open = function open() {
          throw new DOMException('storage is blocked', 'SecurityError');
        };
      });
      await page.goto(app.url);
      await page.waitForFunction(() => window.lenet !== undefined, null, { timeout: 120_000 });
      await page.evaluate(() => window.lenet.ready);
      const alert = page.getByTestId('damaged-runs');
      await expect
        .poll(() => alert.textContent())
        .toMatch(
          /^This browser's storage for this page is damaged: it could not be opened or listed \(SecurityError: storage is blocked\)\. No saved run was restored/,
        );
      expect(await alert.locator('li').count()).toBe(1);
      expect(await alert.locator('button').count()).toBe(0);
      await drawStrokes(page, DIGITS.one);
      expect(await settledPrediction(page)).not.toBeNull();
    } finally {
      await page.close();
    }
  });
});
