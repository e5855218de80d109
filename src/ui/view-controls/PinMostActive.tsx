import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { pinMostActivePooling, poolingLayerFor } from '../presentation/shortcuts';
import './viewControls.css';

/**
 * "Pin the most active cell" of a pooling layer (the one in close-up, else s2; shortcut P): its 2x2 window then
 * shows a clear winner instead of the four zeros a cell hovered at random often has. In the backward view, the cell
 * with the largest |δ|. It sits in the view's bottom-right corner (viewControls.css), where the camera presets leave
 * the picture clear, so that the options above the view stay two rows high on a desktop.
 */
export function PinMostActive() {
  const { t } = useTranslation('viewControls');
  const layers = useAppStore((s) => s.layers);
  const cameraPreset = useAppStore((s) => s.cameraPreset);
  const backward = useAppStore((s) => s.viewKind === 'backward');
  const reading = useAppStore((s) => s.prediction !== null);
  const layer = poolingLayerFor(layers, cameraPreset);
  if (!layer) return null;
  return (
    <button
      type="button"
      className="pin-most-active"
      data-testid="pin-most-active"
      disabled={!reading}
      title={backward ? t('pinMostActive.titleBackward') : t('pinMostActive.title')}
      onClick={() => pinMostActivePooling()}
    >
      {backward ? t('pinMostActive.backward', { layer }) : t('pinMostActive.forward', { layer })}
    </button>
  );
}
