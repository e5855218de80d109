/**
 * The page's start: the shipped runs' manifests, and the fetch of the one checkpoint shown first (the one the
 * page's address names, else the modern run's last) begun before the engine is up.
 */
import { message } from '../../i18n/message';
import { errorDetail } from '../problems/problemMessage';
import { decodeAddress } from '../../store/addressState';
import { useAppStore } from '../../store/appStore';
import type { RunRecord } from '../../store/runRecord';
import { CLASSIC_RUN_URL, LEARNED_RUN_URL, openShippedRun, SHIPPED_RUN_URL } from './shippedRun';

/** The runs the page starts with and the checkpoint it shows first. */
export interface ShippedRuns {
  readonly shipped: RunRecord;
  readonly others: RunRecord[];
  readonly first: { readonly run: RunRecord; readonly index: number };
}

/** The checkpoint an address names (its run and epoch), or the run's last one; the modern run's last otherwise. */
export function firstCheckpoint(
  fragment: string,
  runs: readonly RunRecord[],
): { readonly run: RunRecord; readonly index: number } {
  const { state } = decodeAddress(fragment);
  const run = runs.find((r) => r.name === state.run) ?? runs[0];
  const at = run.checkpoints.findIndex((c) => c.epoch === state.epoch);
  return { run, index: at >= 0 ? at : run.checkpoints.length - 1 };
}

/**
 * Opens the shipped runs for a page whose address fragment is `fragment`. The classic run's manifest gets one
 * attempt (without it the app says so and goes on); the learned-combinations run's too (without it the page goes
 * on quietly: the run picker does not offer it); the modern run's is retried until it arrives.
 */
export async function openShippedRuns(fragment: string): Promise<ShippedRuns> {
  const classic = openShippedRun('lenet5-classic', CLASSIC_RUN_URL, true).then(
    (run) => [run],
    (error: unknown) => {
      useAppStore.getState().set({ error: message('messages', 'classicRunFailed', { detail: errorDetail(error) }) });
      return [];
    },
  );
  const learned = openShippedRun('lenet5-learned', LEARNED_RUN_URL, true).then(
    (run) => [run],
    (error: unknown) => {
      console.warn(`lenet5-learned is not offered: ${errorDetail(error)}`);
      return [];
    },
  );
  const both = Promise.all([classic, learned]).then((runs) => runs.flat());
  const shipped = await openShippedRun('lenet5-default', SHIPPED_RUN_URL);
  // The modern run's checkpoint can start on its way before the other manifests are in, unless the address names another run.
  const namesOther = (decodeAddress(fragment).state.run ?? 'lenet5-default') !== 'lenet5-default';
  const others = namesOther ? await both : [];
  const first = firstCheckpoint(fragment, [shipped, ...others]);
  // Begun now, awaited when the engine shows it (a failure is reported there).
  first.run.files?.checkpoint(first.index).catch(() => undefined);
  return { shipped, others: namesOther ? others : await both, first };
}
