import { useTranslation } from 'react-i18next';
import type { ProbeController } from '../../store/probeController';
import { InvarianceSweeps } from '../sweeps/InvarianceSweeps';
import { EquivariancePanel } from './EquivariancePanel';
import { ProbeControls } from './ProbeControls';
import './probe.css';

/** The probe's panel inside its section: the transform's controls, equivariance and the invariance sweeps. */
export function ProbeContent({ probe }: { probe: ProbeController }) {
  const { t } = useTranslation('probe');
  return (
    <div className="probe-content">
      <p className="muted probe-note">{t('intro')}</p>
      <ProbeControls probe={probe} />
      <EquivariancePanel probe={probe} />
      <InvarianceSweeps probe={probe} />
    </div>
  );
}
