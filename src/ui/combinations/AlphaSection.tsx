import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { AlphaPanel } from './AlphaPanel';
import { learnedLayer } from './alphaMatrix';

/** The controls' section of the α panel, present only while the run shown has learned combinations. */
export function AlphaSection({ engine }: { engine: EngineConnection }) {
  const { t } = useTranslation('combinations');
  const layers = useAppStore((s) => s.layers);
  if (!learnedLayer(layers)) return null;
  return (
    <details className="panel" open data-section="combinations">
      <summary>{t('title')}</summary>
      <AlphaPanel engine={engine} />
    </details>
  );
}
