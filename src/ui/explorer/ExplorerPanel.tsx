import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed, formatPercent } from '../../i18n/format';
import { errorText } from '../../i18n/message';
import { MNIST_BYTES_INDEX } from '../../engine/data/mnistBytes';
import type { MnistSet } from '../../engine/data/mnistInput';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { LazyExplorerContent } from '../shell/lazyPanels';

/**
 * The test-set explorer: opened by its toggle, it fetches the test images on first use, asks for every
 * checkpoint's predictions (the selected one first) and shows the confusion matrix, the gallery of a
 * cell, per-class accuracy over the checkpoints and the loaded test digit's history.
 */
export function ExplorerPanel({ engine }: { engine: EngineConnection }) {
  const { t } = useTranslation('explorer');
  const language = useAppStore((s) => s.language);
  const open = useAppStore((s) => s.explorerOpen);
  const run = useAppStore((s) => s.run);
  const checkpoints = useAppStore((s) => s.checkpoints.length);
  const set = useAppStore((s) => s.set);
  const progress = useAppStore((s) => s.testSetProgress);
  const [test, setTest] = useState<MnistSet | null>(engine.explorer.loadedTestSet());
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const selected = engine.selectedRun();
    engine.explorer
      .testSet()
      .then((set) => {
        if (live) setTest(set);
        return engine.explorer.fillRun(selected, engine.selectedIndex());
      })
      .catch((error: unknown) => {
        if (live) setProblem(errorText(error));
      });
    return () => {
      live = false;
    };
  }, [open, run, checkpoints, engine]);

  const loading = t('loadingTestSet', { images: formatFixed(language, MNIST_BYTES_INDEX.test.count) });
  return (
    <>
      <button
        type="button"
        className="explorer-toggle"
        data-testid="explorer-toggle"
        aria-expanded={open}
        onClick={() => set({ explorerOpen: !open })}
      >
        {open ? t('toggle.close') : t('toggle.open')}
      </button>
      {open && (
        <section className="explorer" aria-label={t('region')} data-testid="explorer">
          {problem && (
            <p className="error" role="alert">
              {t('problem', { detail: problem })}
            </p>
          )}
          {test ? (
            <Suspense fallback={null}>
              <LazyExplorerContent engine={engine} test={test} />
            </Suspense>
          ) : (
            !problem && (
              <p className="muted" data-testid="test-set-progress">
                {loading}{' '}
                {progress !== null && (
                  <>
                    <progress value={progress} max={1} aria-label={loading} /> {formatPercent(language, progress, 0)}
                  </>
                )}
              </p>
            )
          )}
        </section>
      )}
    </>
  );
}
