import { useEffect, useState } from 'react';
import type { MnistSet } from '../../engine/data/mnistInput';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { ExplorerContent } from './ExplorerContent';

/**
 * The test-set explorer: opened by its toggle, it fetches the test images on first use, asks for every
 * checkpoint's predictions (the selected one first) and shows the confusion matrix, the gallery of a
 * cell, per-class accuracy over the checkpoints and the loaded test digit's history.
 */
export function ExplorerPanel({ engine }: { engine: EngineConnection }) {
  const open = useAppStore((s) => s.explorerOpen);
  const run = useAppStore((s) => s.run);
  const checkpoints = useAppStore((s) => s.checkpoints.length);
  const set = useAppStore((s) => s.set);
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
        if (live) setProblem(error instanceof Error ? error.message : String(error));
      });
    return () => {
      live = false;
    };
  }, [open, run, checkpoints, engine]);

  return (
    <>
      <button
        type="button"
        className="explorer-toggle"
        data-testid="explorer-toggle"
        aria-expanded={open}
        onClick={() => set({ explorerOpen: !open })}
      >
        {open ? 'close the test-set explorer' : 'which test digits does it get wrong?'}
      </button>
      {open && (
        <section className="explorer" aria-label="Test-set explorer" data-testid="explorer">
          {problem && (
            <p className="error" role="alert">
              Explorer: {problem}
            </p>
          )}
          {test ? (
            <ExplorerContent engine={engine} test={test} />
          ) : (
            !problem && <p className="muted">Loading the 10,000 test images…</p>
          )}
        </section>
      )}
    </>
  );
}
