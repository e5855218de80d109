import { loadRun, type LoadedRun } from '../../engine/model/runLoader';
import { i18n } from '../../i18n/i18n';

/** Where the shipped, trained run is served from. */
export const SHIPPED_RUN_URL = `${import.meta.env.BASE_URL}models/lenet5-default`;

/** Where the classic 1998 LeNet-5 (tanh, trainable subsampling, LeCun's C3 table) is served from. */
export const CLASSIC_RUN_URL = `${import.meta.env.BASE_URL}models/lenet5-classic`;

/** Fetches and validates a run folder served at `baseUrl`. */
export function fetchRun(baseUrl: string): Promise<LoadedRun> {
  return loadRun(async (file) => {
    const response = await fetch(`${baseUrl}/${file}`);
    if (!response.ok) throw new Error(i18n.t('runs:fetchFailed', { status: response.status }));
    return new Uint8Array(await response.arrayBuffer());
  }, baseUrl);
}
