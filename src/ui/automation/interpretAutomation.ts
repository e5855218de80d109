/** Interpretation's members of `window.lenet`: attribution maps, a neuron's top test digits and its feature image. */
import type { AttributionMethod, AttributionOptions } from '../../engine/interpret/attribute';
import type { NodeRef } from '../../engine/model/nodeRef';
import type { EngineConnection } from '../../store/connectEngine';

/** Interpretation's part of `window.lenet`. */
export interface InterpretAutomation {
  /**
   * An attribution of the current input by the network shown: `map` 1,024 values (32x32, signed, in the logit's
   * units), `raw` the layer-sized cam (Grad-CAM) or the drop per patch position (occlusion), `score` z_t(x) (or
   * z_A − z_B), `baseline` z_t(0) (integrated gradients).
   */
  attribution(
    method: AttributionMethod,
    options?: AttributionOptions,
  ): Promise<{ map: number[]; raw?: number[]; target: number; score: number; baseline?: number }>;
  /**
   * The `k` test digits that excite `node` most at the selected checkpoint, by value descending (ties to the lower
   * index); any whole k ≥ 1 (all the images the checkpoint is evaluated on when k exceeds them).
   */
  topImages(node: NodeRef, k: number): Promise<{ index: number; value: number }[]>;
  /** The input in [0, 1] that maximizes `node` at the selected checkpoint, and the node's value on it. */
  featureImage(node: NodeRef): Promise<{ image: number[]; value: number; steps: number }>;
}

/** The members, over the connection (`require` throws before it is up). */
export function interpretAutomation(require: () => EngineConnection): InterpretAutomation {
  return {
    async attribution(method, options = {}) {
      const result = await require().interpret.attribution(method, options);
      return {
        map: Array.from(result.map),
        ...(result.raw ? { raw: Array.from(result.raw) } : {}),
        target: result.target,
        score: result.score,
        ...(result.baseline !== null ? { baseline: result.baseline } : {}),
      };
    },
    topImages: (node, k = 9) => require().interpret.topImages(node, k),
    async featureImage(node) {
      const feature = await require().interpret.featureImage(node);
      return { image: Array.from(feature.image), value: feature.value, steps: feature.steps };
    },
  };
}
