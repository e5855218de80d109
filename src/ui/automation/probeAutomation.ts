/**
 * The transform probe's and the convolution close-up's members of `window.lenet` (README, automation API):
 * set the probe, run an invariance sweep, and read a conv node's arithmetic or a stride/padding map.
 */
import type { InputTransform } from '../../engine/data/inputTransform';
import type { LayerSpec } from '../../engine/model/layerSpec';
import type { NodeRef } from '../../engine/model/nodeRef';
import type { SweepKind, SweepValues } from '../../engine/probe/invarianceSweep';
import type { EngineConnection } from '../../store/connectEngine';
import { frameHolder } from '../../store/frameHolder';
import { networkInput } from '../../store/networkInput';
import { convolutionDetail, type ConvolutionDetail } from '../../viz/closeup/convolutionDetail';
import { strideDemo, type StrideChoice, type StrideDemo } from '../../viz/closeup/strideDemo';

/** The probe's and close-up's part of `window.lenet`. */
export interface ProbeAutomation {
  /** Sets (or clears, with null) the transform probe on the input after preprocessing; resolves when the view reads it. */
  probe(transform: Partial<InputTransform> | null): Promise<void>;
  /** The ten probabilities for each value of a sweep of the untransformed input at the selected checkpoint. */
  invarianceSweep(kind: SweepKind): Promise<{ values: SweepValues; probabilities: number[][] }>;
  /** A conv node's arithmetic per connected input map, from the activations shown and the weights they were read with. */
  convolutionDetail(node: NodeRef): ConvolutionDetail;
  /** c1 kernel `c` with its bias and activation applied to the current input with a stride and zero padding. */
  strideDemo(choice: StrideChoice): StrideDemo;
}

/** The members, over the connection (`require` throws before it is up) and the selected run's layers. */
export function probeAutomation(require: () => EngineConnection, layers: () => readonly LayerSpec[]): ProbeAutomation {
  return {
    probe: (transform) => require().probe.setProbe(transform),
    async invarianceSweep(kind) {
      const sweep = await require().probe.sweep(kind, false);
      return {
        values: structuredClone(sweep.values),
        probabilities: sweep.runs[0].probabilities.map((row) => [...row]),
      };
    },
    convolutionDetail(node) {
      const connection = require();
      if (!frameHolder.frame) throw new Error('no input has been read yet: draw a digit first');
      return convolutionDetail(layers(), frameHolder.frame, connection.params(), node);
    },
    strideDemo(choice) {
      const connection = require();
      return strideDemo(layers(), networkInput() ?? new Float32Array(1024), connection.params(), choice);
    },
  };
}
