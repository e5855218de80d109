/** The backward view's members of `window.lenet`: a backward pass, its deltas and gradients, teaching and undo. */
import { parameterLayout, tensorSpec } from '../../engine/model/parameters';
import type { LayerSpec } from '../../engine/model/layerSpec';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { frameHolder } from '../../store/frameHolder';

/** The backward view's part of `window.lenet`. */
export interface BackpropAutomation {
  /** The backward pass of the current input against `label`; the view switches to it. */
  backward(label: number): Promise<{ loss: number }>;
  /** Of the last backward pass: dL/d(output) and dL/dz (null where the layer has none), flattened [c][y][x]. */
  deltas(layerId: string): { out: number[] | null; pre: number[] | null };
  /** dL/d(a manifest tensor) of the last backward pass, in the manifest's layout. */
  gradient(tensorName: string): number[];
  /** SGD steps on the current input with `label` on a teaching copy of the selected checkpoint. */
  teach(label: number, steps?: number, learningRate?: number): Promise<{ lossBefore: number; lossAfter: number }>;
  /** Returns to the selected checkpoint exactly. */
  undoTeach(): Promise<void>;
}

function checkDigit(label: number): void {
  if (!Number.isInteger(label) || label < 0 || label > 9)
    throw new Error(`a label is a digit 0-9, got ${String(label)}`);
}

/** The members, over the connection (`require` throws before it is up) and the selected run's layers. */
export function backpropAutomation(
  require: () => EngineConnection,
  layers: () => readonly LayerSpec[],
): BackpropAutomation {
  const layerIndex = (id: string) => {
    const index = layers().findIndex((l) => l.id === id);
    if (index < 0)
      throw new Error(
        `no layer ${id}; layers: ${layers()
          .map((l) => l.id)
          .join(', ')}`,
      );
    return index;
  };
  return {
    async backward(label) {
      checkDigit(label);
      const connection = require();
      const store = useAppStore.getState();
      store.set({ trueLabel: label, viewKind: 'backward', sweepStart: performance.now() });
      if (store.input) await connection.infer(store.input);
      else await connection.backprop.read(new Float32Array(1024)); // an empty pad reads as a blank input
      const shown = frameHolder.backward;
      if (!shown || shown.label !== label) throw new Error('the backward pass did not complete');
      return { loss: shown.loss };
    },
    deltas(layerId) {
      layerIndex(layerId);
      const shown = frameHolder.backward;
      if (!shown) throw new Error('no backward pass yet: call window.lenet.backward(label) first');
      const layer = shown.layers.find((l) => l.id === layerId)!;
      const part = (range: readonly [number, number] | null) =>
        range ? Array.from(shown.values.subarray(range[0], range[0] + range[1])) : null;
      return { out: part(layer.out), pre: part(layer.pre) };
    },
    gradient(tensorName) {
      const shown = frameHolder.backward;
      if (!shown) throw new Error('no backward pass yet: call window.lenet.backward(label) first');
      const spec = tensorSpec(parameterLayout(layers()), tensorName);
      return Array.from(shown.gradients.subarray(spec.offset, spec.offset + spec.size));
    },
    async teach(label, steps = 1, learningRate = 0.01) {
      checkDigit(label);
      return require().backprop.teach(label, steps, learningRate);
    },
    async undoTeach() {
      await require().backprop.undo();
    },
  };
}
