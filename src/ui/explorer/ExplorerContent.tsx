import { useTranslation } from 'react-i18next';
import { errorText, message } from '../../i18n/message';
import type { MnistSet } from '../../engine/data/mnistInput';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { cellMembers, classAccuracy, confusionMatrix, epochLabel } from '../../store/explorerData';
import { ClassAccuracyChart } from './ClassAccuracyChart';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DigitHistory } from './DigitHistory';
import { TestGallery } from './TestGallery';

/** The explorer's views of the selected run and checkpoint, from the predictions known so far. */
export function ExplorerContent({ engine, test }: { engine: EngineConnection; test: MnistSet }) {
  const { t } = useTranslation('explorer');
  useAppStore((s) => s.predictionsVersion); // re-render as predictions arrive
  const index = useAppStore((s) => s.checkpointIndex);
  const epochs = useAppStore((s) => s.checkpoints).map((c) => c.epoch);
  const cell = useAppStore((s) => s.explorerCell);
  const source = useAppStore((s) => s.inputSource);
  const set = useAppStore((s) => s.set);
  const run = engine.selectedRun();
  const all = run.checkpoints.map((_, i) => engine.explorer.known(run, i));
  const current = all[index] ?? null;
  const loaded = source.kind === 'test' ? source.index : null;
  const load = (i: number) =>
    engine.explorer
      .loadTestDigit(i)
      .catch((error: unknown) =>
        set({ error: message('messages', 'testImageFailed', { index: i, detail: errorText(error) }) }),
      );
  const within = (i: number) => all.map((p) => (p && i < p.images ? p : null));
  return (
    <>
      <h2>{t('heading', { epoch: epochLabel(epochs[index] ?? 0) })}</h2>
      {current ? (
        <>
          <ConfusionMatrix
            matrix={confusionMatrix(current, test.labels)}
            images={current.images}
            selected={cell}
            onSelect={(truth, predicted) => set({ explorerCell: { truth, predicted } })}
          />
          {cell && (
            <TestGallery
              members={cellMembers(current, test.labels, cell.truth, cell.predicted)}
              predictions={current}
              labels={test.labels}
              images={test.images}
              loadedIndex={loaded}
              onLoad={(i) => void load(i)}
              title={
                cell.truth === cell.predicted
                  ? t('gallery.correct', { digit: cell.truth })
                  : t('gallery.mistakes', { truth: cell.truth, predicted: cell.predicted })
              }
            />
          )}
        </>
      ) : (
        <p className="muted">{t('computing')}</p>
      )}
      <h3>{t('accuracyHeading')}</h3>
      <ClassAccuracyChart
        epochs={epochs}
        perClass={all.map((p) => (p ? classAccuracy(p, test.labels) : Array<number | null>(10).fill(null)))}
        current={index}
      />
      {loaded !== null && (
        <>
          <h3>{t('digitHeading', { index: loaded, label: test.labels[loaded] })}</h3>
          <DigitHistory
            epochs={epochs}
            label={test.labels[loaded]}
            current={index}
            trueProbability={within(loaded).map((p) => (p ? p.trueProbability[loaded] : null))}
            correct={within(loaded).map((p) => (p ? p.predicted[loaded] === test.labels[loaded] : null))}
          />
        </>
      )}
    </>
  );
}
