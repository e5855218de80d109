import { useTranslation } from 'react-i18next';

/** Why momentum helps where plain gradient descent zig-zags: the tutorial's 动量法 section quoted, and how to read the charts. */
export function MomentumHelp() {
  const { t } = useTranslation('momentum');
  return (
    <details className="chart-help">
      <summary>{t('momentum.helpSummary')}</summary>
      <blockquote>
        <p>{t('momentum.problem')}</p>
        <p>{t('momentum.rule')}</p>
        <p>{t('momentum.ball')}</p>
        <p>{t('momentum.peak')}</p>
        <footer>{t('momentum.source')}</footer>
      </blockquote>
      <p>{t('momentum.reading')}</p>
    </details>
  );
}
