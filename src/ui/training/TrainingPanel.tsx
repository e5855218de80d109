import { errorText, message } from '../../i18n/message';
import type { ArchitectureOptions } from '../../engine/model/layerSpec';
import { ARCHITECTURE_CHOICES } from '../../engine/model/lenet5';
import { useAppStore } from '../../store/appStore';
import type { TrainingController } from '../../store/trainingController';
import { TrainingCharts } from './TrainingCharts';

/** What each architecture choice is called beside its menu. */
const OPTION_NAMES: Record<keyof ArchitectureOptions, string> = {
  activation: 'activation',
  pooling: 'pooling',
  c3Connectivity: 'c3 connections',
  loss: 'loss',
};

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '-';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/** Train LeNet-5 here on MNIST: play/pause, one batch, reset, learning rate and momentum, progress. */
export function TrainingPanel({ training }: { training: TrainingController }) {
  const state = useAppStore((s) => s.training);
  const datasetProgress = useAppStore((s) => s.datasetProgress);
  const trainImages = useAppStore((s) => s.trainImages);
  const learningRate = useAppStore((s) => s.learningRate);
  const momentum = useAppStore((s) => s.momentum);
  const weightDecay = useAppStore((s) => s.weightDecay);
  const batchSize = useAppStore((s) => s.batchSize);
  const augment = useAppStore((s) => s.augment);
  const architecture = useAppStore((s) => s.architecture);
  const run = useAppStore((s) => s.run);
  const running = state.status === 'running';
  const report = (promise: Promise<void>) =>
    promise.catch((e: unknown) =>
      useAppStore.getState().set({ error: message('messages', 'failed', { detail: errorText(e) }) }),
    );
  const left = state.imagesPerSecond > 0 ? (state.imagesInEpoch - state.imagesDone) / state.imagesPerSecond : NaN;
  return (
    <section className="training" aria-label="Training">
      <h2>Train it yourself{trainImages < 60000 ? ` (subset: ${trainImages.toLocaleString()} images)` : ''}</h2>
      <div className="training-buttons">
        <button
          type="button"
          data-testid="train-toggle"
          onClick={() => void report(running ? training.pause() : training.start())}
        >
          {running ? 'Pause' : state.status === 'paused' ? 'Resume' : 'Train'}
        </button>
        <button type="button" data-testid="train-step" disabled={running} onClick={() => void report(training.step())}>
          1 batch
        </button>
        <button
          type="button"
          data-testid="train-epoch"
          disabled={running}
          onClick={() => void report(training.stepEpoch())}
        >
          1 epoch
        </button>
        <button type="button" data-testid="train-reset" onClick={() => void report(training.reset())}>
          Reset
        </button>
      </div>
      <div className="training-knobs">
        <label>
          learning rate{' '}
          <input
            type="number"
            min={0.0001}
            max={10}
            step={0.01}
            value={learningRate}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (v > 0) training.setHyperparameters(v, momentum, weightDecay);
            }}
          />
        </label>
        <label>
          momentum{' '}
          <input
            type="number"
            min={0}
            max={0.99}
            step={0.05}
            value={momentum}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (v >= 0 && v < 1) training.setHyperparameters(learningRate, v, weightDecay);
            }}
          />
        </label>
        <label>
          weight decay{' '}
          <input
            type="number"
            min={0}
            max={0.1}
            step={0.0001}
            value={weightDecay}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (v >= 0) training.setHyperparameters(learningRate, momentum, v);
            }}
          />
        </label>
      </div>
      <div className="training-knobs" title="These take effect when a run starts: press Reset to start one with them.">
        <label>
          batch{' '}
          <select value={batchSize} onChange={(e) => useAppStore.getState().set({ batchSize: Number(e.target.value) })}>
            {[16, 32, 64, 128, 256].map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={augment}
            onChange={(e) => useAppStore.getState().set({ augment: e.target.checked })}
          />{' '}
          distortions
        </label>
        <small className="muted">(new run)</small>
      </div>
      <div className="training-knobs" title="A new architecture starts a new run: choose, then press Reset.">
        {(Object.keys(ARCHITECTURE_CHOICES) as (keyof ArchitectureOptions)[]).map((option) => (
          <select
            key={option}
            aria-label={`${OPTION_NAMES[option]} (new run)`}
            data-testid={`architecture-${option}`}
            value={architecture[option]}
            onChange={(e) =>
              useAppStore.getState().set({ architecture: { ...architecture, [option]: e.target.value } })
            }
          >
            {ARCHITECTURE_CHOICES[option].map((value) => (
              <option key={value} value={value}>
                {value === 'softmax-cross-entropy'
                  ? 'cross-entropy'
                  : value === 'mean-squared-error'
                    ? 'MSE'
                    : value === 'lenet5'
                      ? 'c3 table'
                      : value === 'full'
                        ? 'c3 full'
                        : value}
              </option>
            ))}
          </select>
        ))}
      </div>
      {datasetProgress !== null && (
        <div className="dataset-progress">
          loading MNIST <progress value={datasetProgress} max={1} /> {(datasetProgress * 100).toFixed(0)}%
        </div>
      )}
      {state.status !== 'idle' && (
        <div className="training-progress" data-testid="training-progress">
          <div>
            {run === 'my-run' ? 'your run' : run}: epoch {state.epoch.toFixed(2)}, step {state.step}
          </div>
          <div>
            {state.imagesDone.toLocaleString()} of {state.imagesInEpoch.toLocaleString()} images this epoch,{' '}
            {state.imagesPerSecond.toFixed(0)} images/s, about {duration(left)} left in it
          </div>
          {state.loss !== null && (
            <div>
              loss {state.loss.toFixed(4)}, batch accuracy {((state.accuracy ?? 0) * 100).toFixed(1)}%
            </div>
          )}
        </div>
      )}
      <TrainingCharts />
    </section>
  );
}
