import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';

/** The portraits' pass under way: the test images' download first, then the pass over them (once per checkpoint). */
export function PortraitProgress() {
  const { t } = useTranslation('portraits');
  const language = useAppStore((s) => s.language);
  const download = useAppStore((s) => s.testSetProgress);
  const pass = useAppStore((s) => s.portraitProgress);
  const share = download ?? pass;
  const text =
    download !== null
      ? t('portrait.downloading')
      : t('portrait.progress', { done: formatPercent(language, pass ?? 0, 0) });
  return (
    <p className="portrait-progress" data-testid="portrait-progress" role="status">
      {text} <progress value={share ?? undefined} max={1} aria-label={t('portrait.progressLabel')} />
    </p>
  );
}
