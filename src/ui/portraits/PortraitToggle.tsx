import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import './portraits.css';

/** Opens or closes the neuron portrait; in the view's bottom-left corner (the pin button has the right one). */
export function PortraitToggle() {
  const { t } = useTranslation('portraits');
  const open = useAppStore((s) => s.portraitOpen);
  return (
    <button
      type="button"
      className="portrait-toggle"
      data-testid="portrait-toggle"
      aria-expanded={open}
      title={t('portrait.toggleTitle')}
      onClick={() => useAppStore.getState().set({ portraitOpen: !open })}
    >
      {open ? t('portrait.toggleClose') : t('portrait.toggleOpen')}
    </button>
  );
}

/** The pinned node's tooltip's way to its portrait. */
export function PortraitLink() {
  const { t } = useTranslation('portraits');
  const open = useAppStore((s) => s.portraitOpen);
  if (open) return null;
  return (
    <button
      type="button"
      className="link-button"
      data-testid="portrait-from-tooltip"
      onClick={() => useAppStore.getState().set({ portraitOpen: true })}
    >
      {t('portrait.fromTooltip')}
    </button>
  );
}
