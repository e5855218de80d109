/**
 * A value of the store for charts of values that change many times a second (progress reports, a checkpoint
 * per epoch on a small subset): it follows the store at most every `ms`, the first change at once and the
 * last one never lost, so a fast training run does not re-render the charts on every event.
 */
import { useEffect, useState } from 'react';
import { useAppStore, type AppState } from '../../store/appStore';

/** How often the charts follow the store, at most (ms). */
export const CHART_REFRESH_MS = 500;

/** `select(state)`, updated at most every `ms`; `select` must keep its identity (a module-level function). */
export function useSampled<T>(select: (state: AppState) => T, ms = CHART_REFRESH_MS): T {
  const [value, setValue] = useState(() => select(useAppStore.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = -Infinity;
    const update = () => {
      timer = null;
      last = performance.now();
      setValue(() => select(useAppStore.getState()));
    };
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (timer !== null || select(state) === select(previous)) return;
      timer = setTimeout(update, Math.max(0, last + ms - performance.now()));
    });
    timer = setTimeout(update, 0); // a change between the first render and the subscription
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [select, ms]);
  return value;
}

/** The runs' histories. */
export const selectHistories = (state: AppState) => state.runHistories;
/** The names of the runs the page holds. */
export const selectRunNames = (state: AppState) => state.runNames;
/** The checkpoints of the run shown. */
export const selectCheckpoints = (state: AppState) => state.checkpoints;
