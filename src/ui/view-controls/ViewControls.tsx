import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import { CameraPresets } from './CameraPresets';
import { ColourLegend } from './ColourLegend';

/**
 * Switches for the view (trace mode, colour ranges, edge colours), camera presets and the colour legend,
 * behind one "view options" button on a phone (the CSS shows them open on larger screens).
 */
export function ViewControls({ layers }: { layers: readonly LayerSpec[] }) {
  const { t } = useTranslation('viewControls');
  const traceMode = useAppStore((s) => s.traceMode);
  const colourMode = useAppStore((s) => s.colourMode);
  const edgeMode = useAppStore((s) => s.edgeMode);
  const viewGuide = useAppStore((s) => s.viewGuide);
  const set = useAppStore((s) => s.set);
  const [open, setOpen] = useState(false);
  return (
    <div className="view-controls" data-open={open}>
      <button
        type="button"
        className="view-toggle"
        aria-expanded={open}
        aria-controls="view-options"
        data-testid="view-toggle"
        onClick={() => setOpen(!open)}
      >
        {open ? t('close') : t('open')}
      </button>
      <div className="view-options" id="view-options">
        <label>
          <input
            type="checkbox"
            data-testid="trace-mode"
            checked={traceMode === 'full'}
            onChange={(e) => set({ traceMode: e.target.checked ? 'full' : 'direct' })}
          />{' '}
          {t('trace')}
        </label>
        <label>
          {t('colours')}{' '}
          <select
            data-testid="colour-mode"
            value={colourMode}
            onChange={(e) => set({ colourMode: e.target.value as typeof colourMode })}
          >
            <option value="fixed">{t('colourMode.fixed')}</option>
            <option value="perDrawing">{t('colourMode.perDrawing')}</option>
            <option value="difference">{t('colourMode.difference')}</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={edgeMode === 'contribution'}
            onChange={(e) => set({ edgeMode: e.target.checked ? 'contribution' : 'weight' })}
          />{' '}
          {t('edges')}
        </label>
        <CameraPresets layers={layers} />
        <ColourLegend />
        {!viewGuide && (
          <button type="button" className="link-button" onClick={() => set({ viewGuide: true })}>
            {t('guide')}
          </button>
        )}
      </div>
    </div>
  );
}
