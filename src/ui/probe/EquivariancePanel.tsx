import { useTranslation } from 'react-i18next';
import { mapGeometry } from '../../engine/probe/equivariance';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import type { ProbeController } from '../../store/probeController';
import { rampShade, symmetricShade } from '../closeup/mapShades';
import { MapCanvas } from '../slide/MapCanvas';
import { rangeOf } from '../../viz/colourRamp';
import { useEquivariance } from './useEquivariance';

/** Pixels a cell so that a map is about 84 px wide. */
const cellPixels = (size: number) => Math.max(3, Math.floor(84 / size));

/**
 * Equivariance (等变表示), measured: for the chosen layer and map, the map of the shifted input, the original map
 * shifted by the same amount (in cells), and their difference with the cells outside the borders veiled; the
 * largest difference inside the borders and everywhere (over all the layer's maps).
 */
export function EquivariancePanel({ probe }: { probe: ProbeController }) {
  const { t } = useTranslation('probe');
  const language = useAppStore((s) => s.language);
  const layers = useAppStore((s) => s.layers);
  const panel = useAppStore((s) => s.probePanel);
  const transform = useAppStore((s) => s.probe);
  const set = useAppStore((s) => s.set);
  const mapLayers = layers.filter((l) => l.kind === 'conv' || l.kind === 'pool');
  const layer = mapLayers.find((l) => l.id === panel.layer) ?? mapLayers[0];
  const [channels, height, width] = layer?.shape ?? [0, 0, 0];
  const map = Math.min(panel.map, channels - 1);
  const dx = transform?.dx ?? 0,
    dy = transform?.dy ?? 0;
  const whole = Number.isInteger(dx) && Number.isInteger(dy);
  const { maps, problem } = useEquivariance(
    probe,
    layer?.id ?? 'c1',
    whole && (dx !== 0 || dy !== 0) ? { dx, dy } : null,
  );
  if (!layer) return null;
  const shown = maps && maps.layer === layer.id && maps.shift.dx === dx && maps.shift.dy === dy ? maps : null;
  const slice = (values: Float32Array) => values.subarray(map * height * width, (map + 1) * height * width);
  const stride = mapGeometry(layers, layer.id).stride;
  const number = (v: number) => formatSignificant(language, v, 3);
  return (
    <section className="equivariance" data-testid="equivariance-panel" aria-label={t('equivariance.heading')}>
      <h3>{t('equivariance.heading')}</h3>
      <p className="muted probe-note">{t('equivariance.intro')}</p>
      <div className="probe-choices">
        <label>
          {t('equivariance.layer')}{' '}
          <select
            data-testid="equivariance-layer"
            value={layer.id}
            onChange={(e) => set({ probePanel: { ...panel, layer: e.target.value, map: 0 } })}
          >
            {mapLayers.map((l) => (
              <option key={l.id} value={l.id}>
                {l.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('equivariance.map')}{' '}
          <select value={map} onChange={(e) => set({ probePanel: { ...panel, map: Number(e.target.value) } })}>
            {Array.from({ length: channels }, (_, c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!whole && <p className="probe-note">{t('equivariance.notWholePixels')}</p>}
      {whole && dx === 0 && dy === 0 && <p className="probe-note">{t('equivariance.noShift')}</p>}
      {problem && <p className="error">{t('problem', { detail: problem })}</p>}
      {whole && (dx !== 0 || dy !== 0) && !shown && !problem && <p className="muted">{t('equivariance.computing')}</p>}
      {shown && (
        <>
          <div className="equivariance-maps">
            {(
              [
                ['ofShifted', slice(shown.ofShiftedInput), null],
                ['shiftedMap', slice(shown.shiftedMap), null],
                ['difference', slice(shown.difference), shown.inside],
              ] as const
            ).map(([key, values, dim]) => {
              const name = t(`equivariance.${key}`);
              const shade =
                key === 'difference'
                  ? symmetricShade(values)
                  : rampShade(rangeOf([...slice(shown.ofShiftedInput), ...slice(shown.shiftedMap)]));
              return (
                <figure key={key}>
                  <MapCanvas
                    values={values}
                    height={height}
                    width={width}
                    shade={shade}
                    cell={cellPixels(width)}
                    dim={dim}
                    testId={`equivariance-${key}`}
                    label={t('equivariance.mapLabel', { name, layer: layer.id, map })}
                  />
                  <figcaption>{name}</figcaption>
                </figure>
              );
            })}
          </div>
          <p className="probe-note">
            {t('equivariance.mapShift', {
              dx,
              dy,
              layer: layer.id,
              stride,
              mx: shown.mapShift.mx,
              my: shown.mapShift.my,
            })}{' '}
            {shown.wholeCells ? t('equivariance.whole') : t('equivariance.notWhole', { layer: layer.id, stride })}
          </p>
          <p data-testid="equivariance-inside">
            {t('equivariance.maxInside', { maps: channels, layer: layer.id, value: number(shown.maxInside) })}
          </p>
          <p data-testid="equivariance-everywhere">
            {t('equivariance.maxEverywhere', { value: number(shown.maxEverywhere) })}
          </p>
        </>
      )}
      {transform && (transform.rotate !== 0 || transform.scale !== 1) && (
        <p className="muted probe-note">{t('equivariance.rotateNote')}</p>
      )}
    </section>
  );
}
