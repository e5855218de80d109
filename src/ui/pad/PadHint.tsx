import { useTranslation } from 'react-i18next';

/** The first visit's hint over the empty pad: what to draw, and with what. */
export function PadHint() {
  const { t } = useTranslation('pad');
  return (
    <p className="pad-hint" data-testid="pad-hint" style={HINT_STYLE}>
      {t('hint')}
    </p>
  );
}

const HINT_STYLE: React.CSSProperties = {
  position: 'absolute',
  inset: 0,
  margin: 0,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: '0 16px',
  textAlign: 'center',
  pointerEvents: 'none',
  color: '#7a8090',
  fontSize: 14,
};
