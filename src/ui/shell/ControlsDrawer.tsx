import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessageText } from '../../i18n/useMessage';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { DamagedRuns } from '../runs/DamagedRuns';
import { EngineDown } from '../engine-status/EngineDown';
import { EngineNote } from '../engine-status/EngineNote';
import { EngineStatus } from '../engine-status/EngineStatus';
import { RunPicker } from '../runs/RunPicker';
import { NewRunOptions } from '../training/NewRunOptions';
import { TrainingPanel } from '../training/TrainingPanel';
import { LazyLearningPanels } from './lazyPanels';
import { CloseupMount } from '../closeup/CloseupMount';
import { ProbeSection } from '../probe/ProbeSection';
import { AlphaSection } from '../combinations/AlphaSection';

/**
 * The controls beside the view, in collapsible sections (the most used open): the close-up of the pinned node,
 * how the network learns from the drawing, its learned kernels, the transform probe, training, runs, and, closed,
 * the advanced settings (a new network's options and the engine); problems that need the person come first. On a desktop the column folds away with its button; on
 * smaller screens it follows the view.
 */
export function ControlsDrawer({
  engine,
  layers,
  open,
  onToggle,
}: {
  engine: EngineConnection | null;
  layers: readonly LayerSpec[];
  open: boolean;
  onToggle: () => void;
}) {
  const error = useAppStore((s) => s.error);
  const text = useMessageText();
  const { t } = useTranslation('shell');
  return (
    <aside className="controls" aria-label={t('controls')} id="controls">
      <button
        type="button"
        className="drawer-toggle"
        aria-expanded={open}
        aria-controls="controls-sections"
        onClick={onToggle}
        title={open ? t('foldControls') : t('showControls')}
      >
        {open ? t('hideControls') : t('controls')}
      </button>
      <div className="controls-sections" id="controls-sections">
        {error && (
          <p role="alert" className="error">
            {text(error)}
          </p>
        )}
        <EngineNote />
        {engine && <EngineDown retry={engine.retryEngine} />}
        {engine && <DamagedRuns />}
        {engine && <CloseupMount layers={layers} params={engine.params} />}
        {engine && (
          <Suspense fallback={null}>
            <LazyLearningPanels engine={engine} layers={layers} />
          </Suspense>
        )}
        {engine && <AlphaSection engine={engine} />}
        {engine && <ProbeSection probe={engine.probe} />}
        {engine && (
          <details className="panel" open data-section="training">
            <summary>{t('training')}</summary>
            <TrainingPanel training={engine.training} runs={engine.runs} />
          </details>
        )}
        {engine && (
          <details className="panel" open data-section="runs">
            <summary>{t('runs')}</summary>
            <RunPicker engine={engine} />
          </details>
        )}
        <details className="panel" data-section="advanced" data-testid="advanced-settings">
          <summary>{t('advanced')}</summary>
          <NewRunOptions training={engine?.training} />
          <EngineStatus />
        </details>
      </div>
    </aside>
  );
}
