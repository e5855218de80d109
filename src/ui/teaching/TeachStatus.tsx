import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatFixed, formatPercent, formatSignificant } from '../../i18n/format';
import { useAppStore, type TeachingState } from '../../store/appStore';
import { KernelCanvas } from '../kernels/KernelCanvas';

/** The 32x32 input as the pad draws ink: 0 light paper, 1 dark ink (RGBA bytes). */
function inputPixels(input: Float32Array): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(input.length * 4);
  input.forEach((v, i) => {
    const shade = Math.round(247 - 230 * Math.max(0, Math.min(1, v)));
    pixels.set([shade, shade, Math.round(shade * 0.97), 255], i * 4);
  });
  return pixels;
}

/**
 * What teaching did, about the drawing that was taught (its thumbnail and label, whatever is drawn now): steps
 * taken and its loss before and after, whether the reading flipped, and the cost once measured.
 */
export function TeachStatus({ teaching }: { teaching: TeachingState }) {
  const { t } = useTranslation('backprop');
  const words = useTranslation('teaching').t;
  const language = useAppStore((s) => s.language);
  const pixels = useMemo(() => inputPixels(teaching.input), [teaching.input]);
  const { label } = teaching;
  const loss = (value: number) => formatSignificant(language, value, 3);
  return (
    <div className="teach-taught">
      <KernelCanvas
        pixels={pixels}
        width={32}
        height={32}
        className="teach-thumbnail"
        label={words('thumbnail', { label })}
        testId="teach-thumbnail"
      />
      <div>
        <p className="teach-taught-label">{words('taughtAs', { label })}</p>
        <p>
          {t('teach.status', {
            steps: t('teach.steps', {
              count: teaching.steps - teaching.stepsBefore,
              before: loss(teaching.lossStart),
              after: loss(teaching.lossAfter),
            }),
            reading:
              teaching.flippedAfter !== null
                ? t('teach.flipped', { count: teaching.flippedAfter, label })
                : t('teach.notYet', { label }),
          })}
        </p>
        {teaching.cost && (
          <p>
            <Trans
              t={t}
              i18nKey="teach.cost"
              values={{
                label,
                images: formatFixed(language, teaching.cost.images),
                after: formatPercent(language, teaching.cost.after),
                before: formatPercent(language, teaching.cost.before),
              }}
              components={{ strong: <strong /> }}
            />
          </p>
        )}
      </div>
    </div>
  );
}
