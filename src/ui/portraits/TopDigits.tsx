import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { mnistToInput, type MnistSet } from '../../engine/data/mnistInput';
import { formatSignificant } from '../../i18n/format';
import { useAppStore } from '../../store/appStore';
import { PlaneCanvas } from './PlaneCanvas';
import { cropPlane, INPUT_SIDE, type FieldBox } from './portraitGeometry';

/** One test image as the network's 32x32 input. */
function testInput(test: MnistSet, index: number): Float32Array {
  const input = new Float32Array(INPUT_SIDE * INPUT_SIDE);
  mnistToInput(test.images, index, input);
  return input;
}

/**
 * The test digits that excite the node most, best first, each with the node's receptive field outlined and,
 * for a conv or pooling node, that window enlarged beside it; a click loads the digit as the input.
 */
export function TopDigits({
  top,
  test,
  box,
  crop,
  onLoad,
}: {
  top: readonly { index: number; value: number }[];
  test: MnistSet;
  box: FieldBox | null;
  /** Whether each digit's window is shown enlarged beside it (conv and pooling nodes). */
  crop: boolean;
  onLoad: (index: number) => void;
}) {
  const { t } = useTranslation('portraits');
  const language = useAppStore((s) => s.language);
  const loaded = useAppStore((s) => (s.inputSource.kind === 'test' ? s.inputSource.index : null));
  const inputs = useMemo(() => top.map(({ index }) => testInput(test, index)), [top, test]);
  const crops = useMemo(() => (box && crop ? inputs.map((input) => cropPlane(input, box)) : null), [inputs, box, crop]);
  return (
    <ol className={crops ? 'portrait-top' : 'portrait-top whole'}>
      {top.map(({ index, value }, k) => {
        const shown = formatSignificant(language, value, 3);
        return (
          <li key={index}>
            <button
              type="button"
              data-testid="neuron-top-image"
              data-index={index}
              aria-pressed={loaded === index}
              aria-label={t('portrait.top.load', { index, label: test.labels[index], value: shown })}
              onClick={() => onLoad(index)}
            >
              <PlaneCanvas plane={inputs[k]} side={INPUT_SIDE} box={box} />
              {box && crops && <PlaneCanvas plane={crops[k]} side={box.size} />}
              <span className="portrait-value">{t('portrait.top.value', { value: shown })}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
