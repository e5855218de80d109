import { message } from '../../i18n/message';
import { errorDetail } from '../problems/problemMessage';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { initialLanguage } from '../../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { PresentationToggle } from '../presentation/PresentationToggle';
import { ShortcutList } from '../presentation/ShortcutList';
import { listenForShortcuts } from '../presentation/shortcuts';
import '../presentation/presentation.css';
import { ChaptersMenu } from '../chapters/ChaptersMenu';
import { ChapterText } from '../chapters/ChapterText';
import { openChapter } from '../chapters/openChapter';
import { useAppStore } from '../../store/appStore';
import { connectEngine, type EngineConnection } from '../../store/connectEngine';
import { EngineStartError } from '../../store/engineStart';
import { AddressNote } from '../address/AddressNote';
import { installAutomationApi } from '../automation/automationApi';
import { ComparePanel } from '../reading/ComparePanel';
import { ControlsDrawer } from './ControlsDrawer';
import { DigitPad } from '../pad/DigitPad';
import { NetworkStage } from '../view/NetworkStage';
import { PredictionPanel } from '../reading/PredictionPanel';
import { ShownNetwork } from '../reading/ShownNetwork';
import { TeachingBadge } from '../reading/TeachingBadge';
import { PreprocessStrip } from '../pad/PreprocessStrip';
import { readFlag } from './rememberedFlag';
import { ShareButton } from '../address/ShareButton';
import { openShippedRuns } from '../run-files/openShippedRuns';
import { prefetchWhenIdle } from '../run-files/runPrefetch';
import { preloadPanels } from './lazyPanels';
import { startOffline } from './offline';
import { UpdateBanner } from './UpdateBanner';
import { VIEW_GUIDE_KEY } from '../view/ViewGuide';
import { AttributionOverlay } from '../attribution/AttributionOverlay';
import { AttributionPanel } from '../attribution/AttributionPanel';

const params = new URLSearchParams(location.search);
const chosen = params.get('backend');
const prefer = chosen === 'cpu' || chosen === 'webgl2' || chosen === 'wasm' ? chosen : 'auto';
const subset = Number(params.get('trainSubset'));
const trainSubset = Number.isInteger(subset) && subset > 0 ? subset : null;
/** Started once per page (not once per React mount, which StrictMode doubles). */
// The runs' manifests first, then the one checkpoint shown (the others come when needed or when the page is idle).
const connection = openShippedRuns(location.hash).then(({ shipped, others, first }) =>
  connectEngine(shipped, prefer, trainSubset, `${import.meta.env.BASE_URL}data`, others, first),
);
installAutomationApi(connection);
// Once a drawing can be read: the run's other checkpoints while idle, and the service worker (production builds).
void Promise.all([connection, window.lenet.ready]).then(
  ([engine]) => {
    preloadPanels();
    prefetchWhenIdle(engine);
    void startOffline(engine);
  },
  () => undefined, // reported by the App below
);

useAppStore.getState().set({ viewGuide: !readFlag(VIEW_GUIDE_KEY), language: initialLanguage });

/**
 * The page, laid out by CSS container queries (layout.css): on a desktop the pad and the reading on the
 * left, the network in 3D in the middle and the controls in a column that folds away; on a tablet the
 * pad and the reading in a row above the view; on a phone one column, pad first.
 */
export function App() {
  const [engine, setEngine] = useState<EngineConnection | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(true);
  const layers = useAppStore((s) => s.layers);
  const runNames = useAppStore((s) => s.runNames);
  const { t } = useTranslation('shell');
  const language = useAppStore((s) => s.language);
  const presentation = useAppStore((s) => s.presentation);
  useEffect(() => (engine ? listenForShortcuts(engine) : undefined), [engine]);

  useEffect(() => {
    document.title = t('title');
  }, [t, language]);

  useEffect(() => {
    connection.then(setEngine, (e: unknown) =>
      useAppStore.getState().set({
        error:
          e instanceof EngineStartError
            ? message('messages', 'engineDidNotStart', { why: e.reason })
            : message('messages', 'failed', { detail: errorDetail(e) }),
      }),
    );
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') useAppStore.getState().set({ focus: null, pinned: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell" data-presentation={presentation}>
      <div className="app" data-drawer={drawerOpen ? 'open' : 'closed'}>
        <section className="reading" aria-label={t('readingSection')}>
          <header className="reading-header">
            <h1>{t('title')}</h1>
            <div className="header-tools">
              {engine && <ChaptersMenu open={(id) => openChapter(engine, id)} />}
              <LanguageSwitch />
              <PresentationToggle />
              {engine && <ShareButton />}
            </div>
          </header>
          <AddressNote />
          <UpdateBanner />
          <ChapterText />
          <div className="pad-block">
            {engine ? (
              <DigitPad layers={layers} onInput={(input, time) => void engine.infer(input, time)}>
                <AttributionOverlay />
              </DigitPad>
            ) : (
              <div className="pad-placeholder" aria-hidden="true" />
            )}
            <PreprocessStrip />
            <AttributionPanel engine={engine} />
          </div>
          <div className="answer-block">
            <ShownNetwork engine={engine} />
            <PredictionPanel />
            <TeachingBadge engine={engine} />
            <ComparePanel runNames={runNames} />
            <ShortcutList />
          </div>
        </section>
        <NetworkStage engine={engine} layers={layers} />
        <ControlsDrawer engine={engine} layers={layers} open={drawerOpen} onToggle={() => setDrawerOpen(!drawerOpen)} />
      </div>
    </div>
  );
}
