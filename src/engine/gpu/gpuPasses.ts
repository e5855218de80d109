/**
 * The draws of LeNet-5's forward and backward passes on WebGL2, layer by layer over a batch's
 * textures (batchBuffers.ts) with the packed weight atlas the kernels read (networkPrograms.ts).
 */
import type { BatchBuffers } from './batchBuffers';
import type { KernelRunner } from './gpuProgram';
import type { GpuTexture } from './gpuTexture';
import { activationOf, type NetworkPrograms } from './networkPrograms';

/** Runs every layer forward over the batch already in `buffers` (and the output's softmax and loss). */
export function drawForward(
  runner: KernelRunner,
  programs: NetworkPrograms,
  wt: GpuTexture,
  buffers: BatchBuffers,
): void {
  const batchSize = buffers.batchSize;
  programs.kernels.forEach((k, i) => {
    const l = i + 1;
    const x = buffers.layers[l - 1].out;
    const own = buffers.layers[l];
    const layer = k.layer;
    if (layer.kind === 'conv') runner.run(k.forward, [x, wt], [own.second!, own.out]);
    else if (layer.kind === 'pool') {
      if (layer.pooling === 'mean') runner.run(k.forward, [x], [own.out]);
      else if (layer.pooling === 'max') runner.run(k.forward, [x], [own.out, own.second!]);
      else runner.run(k.forward, [x, wt], [own.out, own.second!]);
    } else if (layer.activation === 'softmax') {
      runner.run(k.forward, [x, wt, buffers.labels], [own.second!, own.out, own.dPre, buffers.loss], { batchSize });
    } else if (k.forwardParts) {
      runner.run(k.forwardParts, [x, wt], [own.parts!]);
      runner.run(k.forward, [own.parts!, wt], [own.second!, own.out]);
    } else runner.run(k.forward, [x, wt], [own.second!, own.out]);
  });
}

/**
 * Backpropagates the loss of the last forward pass: every layer's dOut and dPre (down to c1, or
 * to the input when `toInput`) and every parameter gradient (two-pass reductions).
 */
export function drawBackward(
  runner: KernelRunner,
  programs: NetworkPrograms,
  wt: GpuTexture,
  buffers: BatchBuffers,
  toInput: boolean,
): void {
  const { batchSize } = buffers;
  for (let i = programs.kernels.length - 1; i >= 0; i--) {
    const k = programs.kernels[i];
    const l = i + 1;
    const own = buffers.layers[l];
    const below = buffers.layers[l - 1];
    const belowPre = activationOf(programs.layers[l - 1]) ? below.second! : below.out;
    if (k.backward) {
      const inputs =
        k.layer.kind === 'pool'
          ? [own.dPre, own.second ?? own.dPre, wt, below.second!, below.out]
          : [own.dPre, wt, belowPre, below.out];
      runner.run(k.backward, inputs, [below.dOut, below.dPre]);
    } else if (toInput) {
      runner.run(programs.inputGrad, [own.dPre, wt, below.out, below.out], [below.dOut, below.dPre]);
    }
    if (k.paramGrad && k.gradient) {
      runner.run(k.paramGrad, [below.out, own.dPre], own.partials, { batchSize });
      runner.run(programs.reduce[k.gradient.blocks], own.partials, [own.gradient!], {
        chunks: own.chunks,
        rows: k.gradient.rows,
      });
    }
  }
}
