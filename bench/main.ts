/** Entry of the benchmark page: exposes `window.runBenchmarks` and a button to run everything by hand. */
import type { BenchOptions } from './benchResults';
import { ENGINE_NAMES } from './engineBench';
import { runBenchmarks } from './runBenchmarks';

/** What the button runs; `?seconds=N` in the page address changes the time per training measurement. */
const MANUAL_OPTIONS: BenchOptions = {
  seconds: Number(new URLSearchParams(location.search).get('seconds') ?? 8),
  engines: ENGINE_NAMES,
  batchSizes: [64, 256],
  inferSamples: 300,
};

window.runBenchmarks = runBenchmarks;

const button = document.querySelector<HTMLButtonElement>('#run')!;
const output = document.querySelector<HTMLPreElement>('#output')!;
button.disabled = false;
button.addEventListener('click', async () => {
  button.disabled = true;
  output.textContent = 'running (progress in the console)...';
  try {
    output.textContent = JSON.stringify(await runBenchmarks(MANUAL_OPTIONS), null, 2);
  } catch (error) {
    output.textContent = `failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    button.disabled = false;
  }
});
