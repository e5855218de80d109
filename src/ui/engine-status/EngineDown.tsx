import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessageText } from '../../i18n/useMessage';
import { useAppStore } from '../../store/appStore';

/** The engine stayed down after dying too often: says so, and offers to try again. */
export function EngineDown({ retry }: { retry: () => Promise<void> }) {
  const down = useAppStore((s) => s.engineDown);
  const [busy, setBusy] = useState(false);
  const text = useMessageText();
  const { t } = useTranslation('engineStatus');
  if (!down) return null;
  return (
    <div className="engine-down" role="alert">
      <p>{text(down)}</p>
      <button
        type="button"
        data-testid="engine-retry"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void retry().finally(() => setBusy(false));
        }}
      >
        {t('restart')}
      </button>
    </div>
  );
}
