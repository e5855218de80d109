/**
 * The backward frame of one image on the GPU, after its forward and backward passes: every layer's dOut and
 * dPre (the output's dOut is its dPre) and every parameter gradient, read back synchronously (one image, on demand).
 */
import type { ActivationFrame } from '../activationFrame';
import { buildBackwardFrame, type BackwardFrame, type LayerDeltaValues } from '../backwardFrame';
import type { BatchBuffers } from './batchBuffers';
import type { GpuNetwork } from './gpuNetwork';

/** Reads the deltas and gradients of the one-image batch `buffers` against `label`, with its forward `frame`. */
export function readBackwardFrame(
  network: GpuNetwork,
  buffers: BatchBuffers,
  frame: ActivationFrame,
  label: number,
): BackwardFrame {
  const { layers } = network;
  const last = layers.length - 1;
  const deltas: LayerDeltaValues[] = layers.map((layer, l) => {
    const hasPre =
      l === last ||
      layer.kind === 'conv' ||
      layer.kind === 'dense' ||
      (layer.kind === 'pool' && layer.pooling === 'subsample');
    const dPre = hasPre ? network.readLayer(buffers, l, 'dPre') : null;
    return { dOut: l === last ? dPre! : network.readLayer(buffers, l, 'dOut'), dPre };
  });
  const output = frame.layers[last];
  const probabilities = frame.values.subarray(output.out[0], output.out[0] + output.out[1]);
  const logits = frame.values.subarray(output.pre![0], output.pre![0] + output.pre![1]);
  return buildBackwardFrame(
    layers,
    network.options.loss,
    deltas,
    network.readGradients(buffers),
    probabilities,
    logits,
    label,
  );
}
