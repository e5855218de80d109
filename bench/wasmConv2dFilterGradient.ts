/**
 * The one kernel tfjs-backend-wasm 4.22 lacks for training LeNet-5: Conv2DBackpropFilter (the gradient of a
 * convolution with respect to its filter), composed from the wasm backend's own Transpose and Conv2D kernels.
 */
import * as tf from '@tensorflow/tfjs';

const NAME = 'Conv2DBackpropFilter';

type KernelBackend = { disposeData(dataId: tf.DataId): boolean };

/** Runs another kernel already registered for wasm. */
function runWasmKernel(
  name: string,
  inputs: tf.NamedTensorInfoMap,
  backend: object,
  attrs: tf.NamedAttrMap,
): tf.TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`tfjs-backend-wasm has no ${name} kernel to build ${NAME} from`);
  return kernel.kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
}

/**
 * dW[kh,kw,ci,co] = sum over b,y,x of x[b,y+kh,x+kw,ci] dy[b,y,x,co]: a stride-1 valid convolution of x
 * transposed to [ci,H,W,b] with dy transposed to [oh,ow,b,co] as the filter, then transposed back.
 */
const conv2dBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as tf.Conv2DBackpropFilterInputs;
  const { strides, pad, dataFormat } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const unitStrides = strides === 1 || (Array.isArray(strides) && strides[0] === 1 && strides[1] === 1);
  if (!x || !dy || !unitStrides || pad !== 'valid' || dataFormat !== 'NHWC') {
    throw new Error(`${NAME} for wasm (added by the benchmark) handles only NHWC, stride 1 and 'valid' padding`);
  }
  const transposedX = runWasmKernel('Transpose', { x }, backend, { perm: [3, 1, 2, 0] });
  const transposedDy = runWasmKernel('Transpose', { x: dy }, backend, { perm: [1, 2, 0, 3] });
  const product = runWasmKernel('Conv2D', { x: transposedX, filter: transposedDy }, backend, {
    strides: 1,
    pad: 'valid',
    dataFormat: 'NHWC',
    dilations: 1,
  });
  const gradient = runWasmKernel('Transpose', { x: product }, backend, { perm: [1, 2, 0, 3] });
  for (const t of [transposedX, transposedDy, product]) (backend as KernelBackend).disposeData(t.dataId);
  return gradient;
};

/** Registers the composed Conv2DBackpropFilter for the wasm backend unless tfjs has its own; says which runs. */
export function ensureWasmConv2dFilterGradient(): 'native' | 'composed by the benchmark (transpose + conv2d)' {
  const existing = tf.getKernel(NAME, 'wasm') as tf.KernelConfig | undefined;
  if (existing && existing.kernelFunc !== conv2dBackpropFilter) return 'native';
  if (!existing) tf.registerKernel({ kernelName: NAME, backendName: 'wasm', kernelFunc: conv2dBackpropFilter });
  return 'composed by the benchmark (transpose + conv2d)';
}
