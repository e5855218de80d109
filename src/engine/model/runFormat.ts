/**
 * The `lenet5-run/1` format: a folder with `manifest.json` and one raw little-endian float32 file per
 * checkpoint, every tensor at its byte offset. Everything here is pure; reading files is the caller's.
 */
import type { ArchitectureOptions, LayerSpec } from './layerSpec';
import type { AlphaPenalty } from './learnedCombination';
import { LENET5_C3_TABLE, lenet5Layers } from './lenet5';
import { parameterLayout } from './parameters';
import { MNIST_PAD, INPUT_SIZE } from '../data/mnistInput';

/** The format tag every manifest carries. */
export const RUN_FORMAT = 'lenet5-run/1';

/** One tensor entry of a manifest; `offset` is in bytes. */
export interface ManifestTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly offset: number;
}

/** One saved set of weights; `epoch` may be fractional for checkpoints inside epoch 1. */
export interface ManifestCheckpoint {
  readonly epoch: number;
  readonly file: string;
  readonly testAccuracy: number | null;
  readonly trainLoss: number | null;
}

/** How the network input is made from an MNIST image. */
export interface InputConvention {
  readonly size: number;
  readonly mnistPad: number;
  readonly range: readonly [number, number];
  readonly ink: number;
}

/**
 * The fields of a manifest's optional `training` record that the page reads (validated when present; any other
 * field is kept as it is). `alphaPenalty` and `alphaLambda` record the penalty on learned c3 combinations
 * (learnedCombination.ts); runs older than them, or without learned combinations, may leave them out.
 */
export interface RunTrainingRecord {
  readonly testImages?: number;
  readonly command?: string;
  readonly alphaPenalty?: AlphaPenalty;
  readonly alphaLambda?: number;
  readonly [extra: string]: unknown;
}

/** The contents of `manifest.json`. Extra fields (e.g. `training`, a `RunTrainingRecord`) are kept but not interpreted. */
export interface RunManifest {
  readonly format: typeof RUN_FORMAT;
  readonly architecture: ArchitectureOptions & { readonly layers: readonly LayerSpec[] };
  readonly input: InputConvention;
  readonly tensors: readonly ManifestTensor[];
  readonly c3Table?: readonly (readonly number[])[];
  readonly checkpoints: readonly ManifestCheckpoint[];
  readonly [extra: string]: unknown;
}

/** The input convention every run uses: the 28x28 image in [0,1], ink = 1, padded by 2. */
export const INPUT_CONVENTION: InputConvention = { size: INPUT_SIZE, mnistPad: MNIST_PAD, range: [0, 1], ink: 1 };

/** A manifest for `options` with no checkpoints yet (a `c3Table` only for LeNet-5's table); `extra` fields are stored alongside. */
export function createManifest(options: ArchitectureOptions, extra: Record<string, unknown> = {}): RunManifest {
  const layers = lenet5Layers(options);
  const tensors = parameterLayout(layers).tensors.map((t) => ({ name: t.name, shape: t.shape, offset: t.offset * 4 }));
  return {
    format: RUN_FORMAT,
    architecture: { ...options, layers },
    input: INPUT_CONVENTION,
    tensors,
    ...(options.c3Connectivity === 'lenet5' ? { c3Table: LENET5_C3_TABLE } : {}),
    checkpoints: [],
    ...extra,
  };
}

/** The checkpoint file name for an epoch: `epoch-03.bin`, or `epoch-00.0625.bin` inside epoch 1. */
export function checkpointFileName(epoch: number): string {
  const whole = Math.floor(epoch);
  const fraction = epoch - whole;
  const head = `epoch-${String(whole).padStart(2, '0')}`;
  return fraction === 0 ? `${head}.bin` : `${head}.${fraction.toFixed(4).slice(2)}.bin`;
}

/** The bytes of a checkpoint file: every float32 parameter, little-endian, in layout order. */
export function encodeCheckpoint(params: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(params.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < params.length; i++) view.setFloat32(i * 4, params[i], true);
  return bytes;
}
