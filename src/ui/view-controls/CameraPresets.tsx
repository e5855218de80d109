import { useTranslation } from 'react-i18next';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import { flyTo } from '../../viz/sceneHolder';

/** The camera's presets: the 3D overview and front-on as buttons, every preset (a layer's close-up too) in a list. */
export function CameraPresets({ layers }: { layers: readonly LayerSpec[] }) {
  const { t } = useTranslation('viewControls');
  const cameraPreset = useAppStore((s) => s.cameraPreset);
  return (
    <div className="camera-presets" role="group" aria-label={t('camera')}>
      <button
        type="button"
        aria-pressed={cameraPreset === 'overview'}
        data-testid="camera-overview"
        onClick={() => flyTo('overview')}
      >
        {t('overview3d')}
      </button>
      <button
        type="button"
        aria-pressed={cameraPreset === 'front'}
        data-testid="camera-front"
        onClick={() => flyTo('front')}
      >
        {t('front')}
      </button>
      <select
        data-testid="camera-preset"
        aria-label={t('cameraPreset')}
        onChange={(e) => flyTo(e.target.value)}
        value={cameraPreset}
      >
        <option value="overview">{t('overview')}</option>
        <option value="front">{t('front')}</option>
        {layers.map((l) => (
          <option key={l.id} value={l.id}>
            {t('closeUp', { layer: l.id })}
          </option>
        ))}
      </select>
    </div>
  );
}
