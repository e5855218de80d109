/** The reference engine as an attribution and node engine: the float64 oracle of the other engines' attributions. */
import type { NodeEngine, ValuePart } from '../interpret/attributionEngine';
import type { FloatArray } from '../model/initialize';
import type { ForwardPass, LayerDelta, ReferenceNetwork } from './referenceNetwork';

/** Wraps a reference network (float32 or float64, as it computes); `maxBatch` bounds its memory per call. */
export function referenceEngine(network: ReferenceNetwork, maxBatch = 64): NodeEngine {
  let pass: ForwardPass | null = null;
  let deltas: LayerDelta[] | null = null;
  const requirePass = () => {
    if (!pass) throw new Error('no forward pass yet');
    return pass;
  };
  const engine: NodeEngine = {
    layers: network.layers,
    maxBatch,
    forward(inputs, count) {
      pass = network.forward(inputs, count);
      deltas = null;
    },
    values(layer: number, part: ValuePart): FloatArray {
      const values = requirePass().layers[layer]?.[part];
      if (!values) throw new Error(`layer ${layer} has no ${part} values`);
      return values;
    },
    backwardFromLogits(seed) {
      engine.backwardFromPre(network.layers.length - 1, seed);
    },
    backwardFromPre(layer, seed) {
      deltas = network.backwardFrom(requirePass(), layer, seed).deltas;
    },
    gradient(layer) {
      const delta = deltas?.[layer];
      if (!delta) throw new Error(`no backward pass reached layer ${layer}`);
      return delta.dOut;
    },
  };
  return engine;
}
