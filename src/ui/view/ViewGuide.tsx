import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { writeFlag } from '../shell/rememberedFlag';

/** localStorage key remembering that the guide was dismissed. */
export const VIEW_GUIDE_KEY = 'lenet5.viewGuideDismissed';

/** "How to read this view": a short guide beside the 3D view on a first visit, dismissed once and remembered. */
export function ViewGuide() {
  const shown = useAppStore((s) => s.viewGuide);
  const backward = useAppStore((s) => s.viewKind === 'backward');
  const { t } = useTranslation('view');
  const { t: controls } = useTranslation('viewControls');
  if (!shown) return null;
  const dismiss = () => {
    writeFlag(VIEW_GUIDE_KEY, true);
    useAppStore.getState().set({ viewGuide: false });
  };
  return (
    <section className="view-guide" aria-label={t('guide.title')} data-testid="view-guide">
      <h2>{t('guide.title')}</h2>
      <ul>
        <li>{t('guide.tiles')}</li>
        <li>{backward ? t('guide.colourBackward') : t('guide.colourForward')}</li>
        <li>{t('guide.pointer')}</li>
        <li>
          {t('guide.camera', { overview: controls('overview3d'), front: controls('front'), options: controls('open') })}
        </li>
      </ul>
      <button type="button" onClick={dismiss} data-testid="view-guide-dismiss">
        {t('guide.dismiss')}
      </button>
    </section>
  );
}
