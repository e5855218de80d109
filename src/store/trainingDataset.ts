/**
 * MNIST for training in the page: fetched on first use with its progress in the store, cut to the subset asked
 * for (?trainSubset=N), handed to the worker once; a failure is reported and the next use tries again.
 */
import { fetchMnist } from '../engine/data/mnistFetch';
import { mnistSubset } from '../engine/data/mnistInput';
import { errorText, message } from '../i18n/message';
import type { EngineClient } from '../worker/engineClient';
import { useAppStore } from './appStore';

/** What the loader needs: the worker, the subset asked for, and where the compact MNIST files are served. */
export interface DatasetSource {
  readonly client: EngineClient;
  readonly trainSubset: number | null;
  readonly dataUrl: string;
}

/** The dataset for training: `ensure` resolves once the worker holds it; `forget` after the worker died. */
export function createDatasetLoader(source: DatasetSource): { ensure(): Promise<void>; forget(): void } {
  const set = useAppStore.getState().set;
  let dataset: Promise<void> | null = null;
  return {
    ensure() {
      dataset ??= (async () => {
        set({ datasetProgress: 0 });
        const { train, test } = await fetchMnist(source.dataUrl, (received, total) =>
          set({ datasetProgress: received / total }),
        );
        const count = Math.min(source.trainSubset ?? train.count, train.count);
        await source.client.setDataset(count < train.count ? mnistSubset(train, count, true) : train, test);
        set({ datasetProgress: null, trainImages: count });
      })().catch((error: unknown) => {
        dataset = null;
        set({ datasetProgress: null, error: message('messages', 'mnistFailed', { detail: errorText(error) }) });
        throw error;
      });
      return dataset;
    },
    forget() {
      dataset = null;
      set({ datasetProgress: null });
    },
  };
}
