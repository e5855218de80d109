/**
 * A dead engine worker end to end: the worker closes itself (as a crash would) or stops answering;
 * the page notices, says so in a live region naming the engine, restarts it from the selected
 * checkpoint and reads the drawing again; after three deaths within a minute it stays down with a
 * retry button that brings it back.
 */
import { describe, expect, it } from 'vitest';
import type {} from '../../src/ui/automation/automationApi'; // declares window.lenet
import { appForFile, DIGITS, drawStrokes } from './appSession';

const session = appForFile('?trainSubset=512');

const restarts = () => session.app.page.evaluate(() => window.lenet.state().engine.restarts);

describe('engine supervision', () => {
  it('leaves a run that was training paused at its last checkpoint when the worker dies, and trains on after', async () => {
    await session.app.page.getByTestId('train-toggle').click();
    await session.app.page.waitForFunction(
      () => {
        const s = window.lenet.state();
        return s.run === 'my-run' && s.training.status === 'running' && s.checkpoints.length >= 3;
      },
      null,
      { timeout: 120_000 },
    );
    await session.app.page.evaluate(() => window.lenet.simulateEngineFault('close'));
    await session.app.page.waitForFunction(() => window.lenet.state().engine.restarts === 1, null, { timeout: 30_000 });
    const state = await session.app.page.evaluate(() => window.lenet.state());
    expect(state.training.status).toBe('paused');
    expect(state.training.epoch).toBe(state.checkpoints.at(-1)!.epoch); // nothing after the last checkpoint is claimed
    expect(state.run).toBe('my-run');
    await session.app.page.getByTestId('train-toggle').click();
    await session.app.page.waitForFunction(
      (n) => window.lenet.state().checkpoints.length > n,
      state.checkpoints.length,
      { timeout: 120_000 },
    );
    await session.app.page.getByTestId('train-toggle').click();
    await session.app.page.waitForFunction(() => window.lenet.state().training.status === 'paused', null, {
      timeout: 30_000,
    });
    await session.app.page.getByTestId('run-picker').selectOption('lenet5-default');
    await session.app.page.waitForFunction(() => window.lenet.state().run === 'lenet5-default');
  });

  it('restarts a worker that closed itself, from the selected checkpoint, and reads the drawing again', async () => {
    await drawStrokes(session.app.page, DIGITS.seven);
    await session.app.page.waitForFunction(() => window.lenet.state().prediction?.label === 7, null, {
      timeout: 20_000,
    });
    await session.app.page.evaluate(() => window.lenet.selectCheckpoint(2));
    await session.app.page.evaluate(() => window.lenet.simulateEngineFault('close'));
    await session.app.page.waitForFunction(() => window.lenet.state().engine.restarts === 2, null, { timeout: 30_000 });
    const status = await session.app.page.getByRole('status').filter({ hasText: 'engine' }).first().textContent();
    expect(status).toMatch(
      /The engine stopped \(it did not answer for 8 s\); restarted on the (WebAssembly|CPU reference|WebGL2) engine from the checkpoint at epoch 2\./,
    );
    const state = await session.app.page.evaluate(() => window.lenet.state());
    expect(state.checkpoint).toBe(2);
    await session.app.page.getByTestId('clear-pad').click();
    await drawStrokes(session.app.page, DIGITS.zero);
    await session.app.page.waitForFunction(() => window.lenet.state().prediction?.label === 0, null, {
      timeout: 20_000,
    });
  });

  it('after the third death in a minute (a worker that stopped answering) stays down until retried', async () => {
    // Deaths older than a minute are forgotten, so this kills the worker until it stays down (at most three more times).
    for (let i = 0; i < 3 && (await session.app.page.evaluate(() => window.lenet.state().engine.down)) === null; i++) {
      const before = await restarts();
      await session.app.page.evaluate(() => window.lenet.simulateEngineFault('hang'));
      await session.app.page.waitForFunction(
        (n) => window.lenet.state().engine.restarts > n || window.lenet.state().engine.down !== null,
        before,
        { timeout: 30_000 },
      );
    }
    const alert = await session.app.page.getByRole('alert').filter({ hasText: 'engine' }).first().textContent();
    expect(alert).toMatch(/The engine stopped 3 times within a minute .*it stays down/);
    await session.app.page.getByTestId('engine-retry').click();
    const downAt = await restarts();
    await session.app.page.waitForFunction(
      (n) => window.lenet.state().engine.down === null && window.lenet.state().engine.restarts === n + 1,
      downAt,
      { timeout: 30_000 },
    );
    await session.app.page.getByTestId('clear-pad').click();
    await drawStrokes(session.app.page, DIGITS.one);
    await session.app.page.waitForFunction(() => window.lenet.state().prediction?.label === 1, null, {
      timeout: 20_000,
    });
  });
});
