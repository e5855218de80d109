import { useTranslation } from 'react-i18next';
import type { ActivationFrame } from '../../engine/activationFrame';
import type { ConvLayerSpec, LayerSpec, PoolLayerSpec } from '../../engine/model/layerSpec';
import type { NodeRef } from '../../engine/model/nodeRef';
import { useAppStore } from '../../store/appStore';
import { shadeFor } from '../closeup/mapShades';
import { MapCanvas } from './MapCanvas';
import { valueText } from '../closeup/numberText';
import { SlideControls } from './SlideControls';
import { builtCount, cellForKey } from './slideSteps';
import { useSlide } from './useSlide';
import './slide.css';

/** Pixels a cell so that a map is about 96 px wide. */
const cellPixels = (size: number) => Math.max(3, Math.floor(96 / size));

/**
 * The window on its map below and the map it builds, side by side: in slide mode the map is built cell by cell up
 * to the window (the tutorial's figure); the pair takes the keyboard focus and the arrow keys move the window.
 */
export function SlideView({
  kind,
  layers,
  index,
  focus,
  frame,
  belowMap,
}: {
  kind: 'conv' | 'pool';
  layers: readonly LayerSpec[];
  index: number;
  focus: NodeRef;
  frame: ActivationFrame;
  belowMap: number;
}) {
  const { t } = useTranslation('slide');
  const language = useAppStore((s) => s.language);
  const slideOn = useAppStore((s) => s.closeup.slide);
  const layer = layers[index] as ConvLayerSpec | PoolLayerSpec;
  const below = layers[index - 1];
  const [, height, width] = layer.shape;
  const [, belowHeight, belowWidth] = layer.inShape;
  const slide = useSlide(layer.id, focus.c, height, width, focus);
  const belowStart = frame.layers[index - 1].out[0] + belowMap * belowHeight * belowWidth;
  const belowValues = frame.values.subarray(belowStart, belowStart + belowHeight * belowWidth);
  const outStart = frame.layers[index].out[0] + focus.c * height * width;
  const outValues = frame.values.subarray(outStart, outStart + height * width);
  const size = layer.kind === 'conv' ? layer.kernelSize : 2;
  const stride = layer.kind === 'conv' ? 1 : 2;
  const where = { layer: layer.id, map: focus.c, row: focus.y, column: focus.x };
  const announce = t('slide.announce', { ...where, value: valueText(language, outValues[focus.y * width + focus.x]) });
  return (
    <div className="slide">
      <p className="muted closeup-note">{kind === 'conv' ? t('slide.convNote') : t('slide.poolNote')}</p>
      <div
        className="slide-maps"
        tabIndex={0}
        role="slider"
        aria-label={t('slide.label', { layer: below.id, map: belowMap })}
        aria-valuemin={0}
        aria-valuemax={height * width - 1}
        aria-valuenow={focus.y * width + focus.x}
        aria-valuetext={announce}
        onKeyDown={(event) => {
          const cell = cellForKey(height, width, focus, event.key);
          if (!cell) return;
          event.preventDefault();
          slide.moveTo(cell);
        }}
      >
        <figure>
          <MapCanvas
            values={belowValues}
            height={belowHeight}
            width={belowWidth}
            shade={shadeFor(below.id, belowValues)}
            cell={cellPixels(belowWidth)}
            box={{ y: focus.y * stride, x: focus.x * stride, size }}
            label={t('slide.below', { layer: below.id, map: belowMap, height: belowHeight, width: belowWidth })}
          />
          <figcaption>
            {t('slide.below', { layer: below.id, map: belowMap, height: belowHeight, width: belowWidth })}
          </figcaption>
        </figure>
        <span className="op" aria-hidden="true">
          →
        </span>
        <figure>
          <MapCanvas
            values={outValues}
            height={height}
            width={width}
            shade={shadeFor(layer.id, outValues)}
            cell={cellPixels(width)}
            mark={{ y: focus.y, x: focus.x, size: 1 }}
            built={slideOn ? builtCount(width, focus) : null}
            testId={`${kind}-slide-map`}
            label={slideOn ? t('slide.built', where) : t('slide.whole', { ...where, height, width })}
          />
          <figcaption>{slideOn ? t('slide.built', where) : t('slide.whole', { ...where, height, width })}</figcaption>
        </figure>
      </div>
      <SlideControls kind={kind} slide={slide} />
    </div>
  );
}
