import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTITY_TRANSFORM, isIdentity, type InputTransform } from '../../engine/data/inputTransform';
import { formatFixed } from '../../i18n/format';
import { errorText } from '../../i18n/message';
import { useAppStore } from '../../store/appStore';
import type { ProbeController } from '../../store/probeController';

/** Each control: its key, range, step and how its value reads. */
const CONTROLS = [
  { key: 'dx', min: -8, max: 8, step: 1, unit: 'pixels', digits: 0 },
  { key: 'dy', min: -8, max: 8, step: 1, unit: 'pixels', digits: 0 },
  { key: 'rotate', min: -90, max: 90, step: 5, unit: 'degrees', digits: 0 },
  { key: 'scale', min: 0.5, max: 1.5, step: 0.05, unit: 'times', digits: 2 },
] as const;

/**
 * The transform probe's sliders (`probe-dx`, `probe-dy`, `probe-rotate`, `probe-scale`; the keyboard steps them) and
 * `probe-reset`; each change is read by the network at once. A value set through the API outside a slider's range
 * is written beside it as it is.
 */
export function ProbeControls({ probe }: { probe: ProbeController }) {
  const { t } = useTranslation('probe');
  const language = useAppStore((s) => s.language);
  const transform = useAppStore((s) => s.probe) ?? IDENTITY_TRANSFORM;
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (next: InputTransform | null) => {
    setProblem(null);
    probe.setProbe(next && !isIdentity(next) ? next : null).catch((e: unknown) => setProblem(errorText(e)));
  };
  return (
    <fieldset className="probe-controls">
      <legend>{t('controls')}</legend>
      {CONTROLS.map(({ key, min, max, step, unit, digits }) => {
        const value = transform[key];
        const shown = formatFixed(language, value, Number.isInteger(value) ? digits : 2);
        return (
          <label key={key} className="probe-control">
            <span>{t(key)}</span>
            <input
              type="range"
              data-testid={`probe-${key}`}
              min={min}
              max={max}
              step={step}
              value={value}
              aria-valuetext={t(unit, { value: shown })}
              onChange={(e) => apply({ ...transform, [key]: Number(e.target.value) })}
            />
            <output>{t(unit, { value: shown })}</output>
          </label>
        );
      })}
      <button type="button" data-testid="probe-reset" disabled={isIdentity(transform)} onClick={() => apply(null)}>
        {t('reset')}
      </button>
      {problem && (
        <p role="alert" className="error">
          {t('problem', { detail: problem })}
        </p>
      )}
    </fieldset>
  );
}
