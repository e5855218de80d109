import { useEffect, useState } from 'react';
import { useAppStore } from '../store/appStore';
import { connectEngine, type EngineConnection } from '../store/connectEngine';
import { recordFromLoadedRun } from '../store/runRecord';
import { NetworkView } from '../viz/NetworkView';
import { installAutomationApi } from './automationApi';
import { ComparePanel } from './ComparePanel';
import { DigitPad } from './DigitPad';
import { DamagedRuns } from './DamagedRuns';
import { EngineDown } from './EngineDown';
import { EngineStatus } from './EngineStatus';
import { EpochTimeline } from './EpochTimeline';
import { ExplorerPanel } from './ExplorerPanel';
import { LearningPanels } from './LearningPanels';
import { NodeTooltip } from './NodeTooltip';
import { PredictionPanel } from './PredictionPanel';
import { PreprocessStrip } from './PreprocessStrip';
import { CLASSIC_RUN_URL, fetchRun, SHIPPED_RUN_URL } from './shippedRun';
import { RunPicker } from './RunPicker';
import { TrainingPanel } from './TrainingPanel';
import { ViewControls } from './ViewControls';

const params = new URLSearchParams(location.search);
const chosen = params.get('backend');
const prefer = chosen === 'cpu' || chosen === 'webgl2' || chosen === 'wasm' ? chosen : 'auto';
const subset = Number(params.get('trainSubset'));
const trainSubset = Number.isInteger(subset) && subset > 0 ? subset : null;
/** Started once per page (not once per React mount, which StrictMode doubles). */
// The classic run is offered beside the modern one; if it cannot be loaded, the app says so and goes on without it.
const classic = fetchRun(CLASSIC_RUN_URL).then((run) => [recordFromLoadedRun('lenet5-classic', run)], (error: unknown) => {
  useAppStore.getState().set({ error: `The classic LeNet-5 run could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
  return [];
});
const connection = Promise.all([fetchRun(SHIPPED_RUN_URL), classic])
  .then(([run, others]) => connectEngine(recordFromLoadedRun('lenet5-default', run), prefer, trainSubset, `${import.meta.env.BASE_URL}data`, others));
installAutomationApi(connection);

/** The page: the drawing pad and the answer on the left, the network in 3D on the right. */
export function App() {
  const [engine, setEngine] = useState<EngineConnection | null>(null);
  const error = useAppStore((s) => s.error);
  const layers = useAppStore((s) => s.layers);
  const ranges = useAppStore((s) => s.ranges);
  const runNames = useAppStore((s) => s.runNames);
  const explorerOpen = useAppStore((s) => s.explorerOpen);

  useEffect(() => {
    connection.then(setEngine, (e: unknown) => useAppStore.getState().set({ error: e instanceof Error ? e.message : String(e) }));
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') useAppStore.getState().set({ focus: null, pinned: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <aside className="side">
        <h1>LeNet-5, neuron by neuron</h1>
        {engine && <DigitPad layers={layers} onInput={(input, time) => void engine.infer(input, time)} />}
        <PreprocessStrip />
        <PredictionPanel />
        <ComparePanel runNames={runNames} />
        {engine && <LearningPanels engine={engine} layers={layers} />}
        {engine && <TrainingPanel training={engine.training} />}
        {engine && <RunPicker engine={engine} />}
        <EngineStatus />
        {engine && <EngineDown retry={engine.retryEngine} />}
        {engine && <DamagedRuns />}
        {error && <p role="alert" className="error">{error}</p>}
      </aside>
      <main className={explorerOpen ? 'stage explorer-open' : 'stage'}>
        {engine ? <NetworkView layers={layers} ranges={ranges} params={engine.params} /> : <p className="loading">Loading the trained network…</p>}
        {engine && <ViewControls layers={layers} />}
        {engine && <NodeTooltip layers={layers} loss={engine.selectedRun().architecture.loss} params={engine.params} />}
        {engine && <EpochTimeline select={engine.selectCheckpoint} />}
        {engine && <ExplorerPanel engine={engine} />}
      </main>
    </div>
  );
}
