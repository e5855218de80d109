import { useTranslation } from 'react-i18next';
import { SLIDE_SPEEDS } from '../../store/closeupSettings';
import { useAppStore } from '../../store/appStore';
import type { Slide } from './useSlide';

/** Play/pause, one step, back to the first cell, the whole map again, and the speed (test ids `<kind>-slide-…`). */
export function SlideControls({ kind, slide }: { kind: 'conv' | 'pool'; slide: Slide }) {
  const { t } = useTranslation('slide');
  const closeup = useAppStore((s) => s.closeup);
  const set = useAppStore((s) => s.set);
  return (
    <div className="slide-controls">
      <button
        type="button"
        data-testid={`${kind}-slide-play`}
        aria-pressed={slide.playing}
        onClick={slide.playing ? slide.pause : slide.play}
      >
        {slide.playing ? t('slide.pause') : t('slide.play')}
      </button>
      <button type="button" data-testid={`${kind}-slide-step`} onClick={slide.step}>
        {t('slide.step')}
      </button>
      <button type="button" onClick={slide.restart}>
        {t('slide.restart')}
      </button>
      {closeup.slide && (
        <button type="button" onClick={slide.wholeMap}>
          {t('slide.wholeMap')}
        </button>
      )}
      <label>
        {t('slide.speed')}{' '}
        <select
          value={closeup.speed}
          data-testid={`${kind}-slide-speed`}
          onChange={(e) => set({ closeup: { ...closeup, speed: Number(e.target.value) } })}
        >
          {SLIDE_SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {t('slide.speedOption', { count: speed })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
