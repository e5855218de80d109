import { useTranslation } from 'react-i18next';
import { GRADCAM_LAYERS } from '../../engine/interpret/gradCam';
import { useAppStore, type AttributionChoice } from '../../store/appStore';
import { chooseAttribution } from './AttributionChoices';

type NumberOption = 'samples' | 'sigma' | 'steps' | 'patch';

/** Each numeric option's bounds: what the engine accepts, kept to what runs in a moment here. */
const BOUNDS: Record<NumberOption, { min: number; max: number; step: number; whole: boolean }> = {
  samples: { min: 1, max: 256, step: 1, whole: true },
  sigma: { min: 0, max: 1, step: 0.05, whole: false },
  steps: { min: 1, max: 256, step: 1, whole: true },
  patch: { min: 1, max: 16, step: 1, whole: true },
};

/** One numeric option: applied as soon as what is typed is a valid value. */
function NumberField({ option, choice }: { option: NumberOption; choice: AttributionChoice }) {
  const { t } = useTranslation('attribution');
  const { min, max, step, whole } = BOUNDS[option];
  return (
    <label>
      {t(`attribution.options.${option}`)}{' '}
      <input
        type="number"
        data-testid={`attribution-${option}`}
        min={min}
        max={max}
        step={step}
        defaultValue={choice[option]}
        onChange={(e) => {
          const value = e.target.valueAsNumber;
          if (Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value)))
            chooseAttribution({ [option]: value });
        }}
      />
    </label>
  );
}

/** The options of the method chosen, where it has any: SmoothGrad's n and σ, IG's m, Grad-CAM's layer, occlusion's p. */
export function MethodOptions() {
  const { t } = useTranslation('attribution');
  const choice = useAppStore((s) => s.attribution);
  const fields: Partial<Record<AttributionChoice['method'], NumberOption[]>> = {
    smoothgrad: ['samples', 'sigma'],
    integrated: ['steps'],
    occlusion: ['patch'],
  };
  const numbers = fields[choice.method] ?? [];
  if (numbers.length === 0 && choice.method !== 'gradcam') return null;
  return (
    <div className="attribution-options">
      {numbers.map((option) => (
        <NumberField key={option} option={option} choice={choice} />
      ))}
      {choice.method === 'gradcam' && (
        <label>
          {t('attribution.options.layer')}{' '}
          <select
            data-testid="attribution-layer"
            value={choice.layer}
            onChange={(e) => chooseAttribution({ layer: e.target.value })}
          >
            {GRADCAM_LAYERS.map((layer) => (
              <option key={layer} value={layer}>
                {layer}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
