import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isIdentity } from '../../engine/data/inputTransform';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { AttributionChoices } from './AttributionChoices';
import { AttributionReadout } from './AttributionReadout';
import { followsPen, startAttributionRunner } from './attributionRunner';
import { MethodOptions } from './MethodOptions';

/**
 * The heatmap's controls and read-outs while it is on: it keeps the map in step with the network's reading
 * (attributionRunner.ts) for as long as it is shown.
 */
export function AttributionControls({ engine }: { engine: EngineConnection }) {
  const { t } = useTranslation('attribution');
  const method = useAppStore((s) => s.attribution.method);
  const onView = useAppStore((s) => s.attributionOnView);
  const probed = useAppStore((s) => s.probe !== null && !isIdentity(s.probe));
  useEffect(() => startAttributionRunner(engine), [engine]);
  return (
    <div className="attribution-controls">
      <AttributionChoices />
      <MethodOptions />
      <p className="attribution-explain" data-testid="attribution-explain">
        {t(`attribution.explain.${method}`)}{' '}
        <span className="muted">{followsPen(method) ? t('attribution.live') : t('attribution.onStrokeEnd')}</span>
      </p>
      <AttributionReadout />
      <label className="attribution-on-view" title={t('attribution.onViewNote')}>
        <input
          type="checkbox"
          data-testid="attribution-on-view"
          checked={onView}
          onChange={(e) => useAppStore.getState().set({ attributionOnView: e.target.checked })}
        />{' '}
        {t('attribution.onView')}
      </label>
      {probed && <p className="muted">{t('attribution.probeNote')}</p>}
    </div>
  );
}
