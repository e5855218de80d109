import { useTranslation } from 'react-i18next';
import type { LayerSpec } from '../../engine/model/layerSpec';
import type { EngineConnection } from '../../store/connectEngine';
import { NetworkView } from '../../viz/NetworkView';
import { useAppStore } from '../../store/appStore';
import { EpochTimeline } from '../runs/EpochTimeline';
import { ExplorerPanel } from '../explorer/ExplorerPanel';
import { NodeTooltip } from './NodeTooltip';
import { trackStagePointer } from './stagePointer';
import { useNodeKeyboard } from './useNodeKeyboard';
import { PinMostActive } from '../view-controls/PinMostActive';
import { ViewControls } from '../view-controls/ViewControls';
import { ViewGuide } from './ViewGuide';
import { NeuronPortrait } from '../portraits/NeuronPortrait';
import { PortraitToggle } from '../portraits/PortraitToggle';

/**
 * The 3D view and what belongs to it: the guide, the view options, the tooltip that follows the
 * pointer, the button that pins the most active pooling cell, the epoch timeline and the test-set explorer. The view itself takes keyboard focus: arrows
 * move the focused node within a layer, Page Up/Down between layers.
 */
export function NetworkStage({ engine, layers }: { engine: EngineConnection | null; layers: readonly LayerSpec[] }) {
  const ranges = useAppStore((s) => s.ranges);
  const keyboard = useNodeKeyboard(layers);
  const { t } = useTranslation('view');
  return (
    <main className="stage" aria-label={t('stage')}>
      <ViewGuide />
      <div
        className="network-view"
        data-testid="network-view"
        {...keyboard}
        onPointerMove={(e) => trackStagePointer(e, true)}
        onPointerLeave={(e) => trackStagePointer(e, false)}
      >
        {engine ? (
          <NetworkView layers={layers} ranges={ranges} params={engine.params} />
        ) : (
          <p className="loading">{t('loading')}</p>
        )}
        {engine && <NodeTooltip layers={layers} loss={engine.selectedRun().architecture.loss} params={engine.params} />}
        {engine && <PinMostActive />}
        {engine && <PortraitToggle />}
      </div>
      {engine && <ViewControls layers={layers} />}
      {engine && <EpochTimeline select={engine.selectCheckpoint} />}
      {engine && <ExplorerPanel engine={engine} />}
      {engine && <NeuronPortrait engine={engine} />}
    </main>
  );
}
