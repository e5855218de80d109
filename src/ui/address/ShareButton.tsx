import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { isShippedRun, shareUrl } from './addressSync';
import './share.css';

/**
 * "Share link": copies the address of the reading shown (run, checkpoint, drawing, view) to the clipboard; where
 * there is no clipboard (plain http, some browsers) it shows the link selected in a read-only field instead. For a
 * run trained or imported here, a small info button opens (in a popover, off the header row) why the link opens
 * the shipped network.
 */
export function ShareButton() {
  const { t } = useTranslation('address');
  const run = useAppStore((s) => s.run);
  const [shown, setShown] = useState<{ copied: true } | { copied: false; url: string } | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    const url = shareUrl();
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard here');
      await navigator.clipboard.writeText(url);
      setShown({ copied: true });
    } catch {
      setShown({ copied: false, url });
    }
  };

  useEffect(() => {
    if (shown?.copied === false) field.current?.select();
    if (!shown?.copied) return;
    const timer = setTimeout(() => setShown(null), 2500);
    return () => clearTimeout(timer);
  }, [shown]);

  return (
    <div className="share">
      <button
        type="button"
        data-testid="share-link"
        onClick={() => void copy()}
        aria-describedby={run && !isShippedRun(run) ? 'share-local' : undefined}
      >
        {t('share')}
      </button>
      <span role="status" className="share-status" data-testid="share-status">
        {shown?.copied ? t('copied') : ''}
      </span>
      {shown?.copied === false && (
        <label className="share-manual">
          {t('noClipboard')}
          <input
            ref={field}
            readOnly
            value={shown.url}
            data-testid="share-url"
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
      {run && !isShippedRun(run) && (
        <>
          <button
            type="button"
            className="share-info"
            popoverTarget="share-local"
            aria-label={t('localRunInfo')}
            title={t('localRunInfo')}
            data-testid="share-local-info"
          />
          <p className="share-local" id="share-local" popover="auto" data-testid="share-local">
            {t('localRun')}
          </p>
        </>
      )}
    </div>
  );
}
