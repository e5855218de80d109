/**
 * Dense layers, activations, softmax with the loss, momentum SGD and the MNIST batch gather
 * (formulas: src/engine/reference/{dense,activation,loss,sgd}.ts and data/mnistInput.ts).
 *
 * Dense indices: b image, o output unit, i input feature. x [b][i], w [o][i], y/dy [b][o].
 *   y = x w^T + bias (gemmNT);  dw = dy^T x (gemmTN);  db = sum_b dy;  dx = dy w (gemmNN)
 * Activation kind: 0 relu, 1 LeCun's tanh 1.7159 tanh(2x/3), 2 sigmoid.
 * Loss kind: 0 softmax cross-entropy, 1 mean squared error on the softmax outputs (batch mean).
 */
import { gemmNN, gemmNT, gemmTN } from './gemm';

const AMPLITUDE: f32 = 1.7159;
const SLOPE: f32 = 2.0 / 3.0;

export function denseForward(batch: i32, inFeatures: i32, outFeatures: i32, x: usize, w: usize, bias: usize, y: usize): void {
  gemmNT(batch, outFeatures, inFeatures, x, w, y, false);
  for (let b = 0; b < batch; b++) {
    for (let o = 0; o < outFeatures; o++) {
      const p = y + (<usize>(b * outFeatures + o) << 2);
      store<f32>(p, load<f32>(p) + load<f32>(bias + (<usize>o << 2)));
    }
  }
}

/** Adds dw and db (zeroed by the caller before a batch) and, when `dx` is not 0, overwrites dx. */
export function denseBackward(batch: i32, inFeatures: i32, outFeatures: i32, x: usize, w: usize, dy: usize,
  dw: usize, db: usize, dx: usize): void {
  gemmTN(outFeatures, inFeatures, batch, dy, x, dw, true);
  for (let o = 0; o < outFeatures; o++) {
    let s: f32 = 0;
    for (let b = 0; b < batch; b++) s += load<f32>(dy + (<usize>(b * outFeatures + o) << 2));
    store<f32>(db + (<usize>o << 2), load<f32>(db + (<usize>o << 2)) + s);
  }
  if (dx != 0) gemmNN(batch, inFeatures, outFeatures, dy, w, dx, false);
}

export function activate(kind: i32, count: i32, pre: usize, out: usize): void {
  let i = 0;
  if (kind == 0) {
    const zero = f32x4.splat(0);
    for (; i + 4 <= count; i += 4) v128.store(out + (<usize>i << 2), f32x4.max(v128.load(pre + (<usize>i << 2)), zero));
    for (; i < count; i++) { const v = load<f32>(pre + (<usize>i << 2)); store<f32>(out + (<usize>i << 2), v > 0 ? v : 0); }
  } else if (kind == 1) {
    for (; i < count; i++) store<f32>(out + (<usize>i << 2), <f32>(1.7159 * Math.tanh((2.0 / 3.0) * <f64>load<f32>(pre + (<usize>i << 2)))));
  } else {
    for (; i < count; i++) store<f32>(out + (<usize>i << 2), <f32>(1.0 / (1.0 + Math.exp(-<f64>load<f32>(pre + (<usize>i << 2))))));
  }
}

/** dPre = dOut * f'(pre), with f' from `out` = f(pre) for tanh and sigmoid. */
export function activationBackward(kind: i32, count: i32, pre: usize, out: usize, dOut: usize, dPre: usize): void {
  let i = 0;
  if (kind == 0) {
    const zero = f32x4.splat(0);
    for (; i + 4 <= count; i += 4) {
      const o = <usize>i << 2;
      v128.store(dPre + o, v128.and(v128.load(dOut + o), f32x4.gt(v128.load(pre + o), zero)));
    }
    for (; i < count; i++) { const o = <usize>i << 2; store<f32>(dPre + o, load<f32>(pre + o) > 0 ? load<f32>(dOut + o) : 0); }
  } else if (kind == 1) {
    const slope = f32x4.splat(SLOPE), amplitude = f32x4.splat(AMPLITUDE), inverse = f32x4.splat(<f32>1 / AMPLITUDE);
    for (; i + 4 <= count; i += 4) {
      const o = <usize>i << 2;
      const y = v128.load(out + o);
      const d = f32x4.mul(slope, f32x4.sub(amplitude, f32x4.mul(f32x4.mul(y, y), inverse)));
      v128.store(dPre + o, f32x4.mul(v128.load(dOut + o), d));
    }
    for (; i < count; i++) {
      const o = <usize>i << 2;
      const y = load<f32>(out + o);
      store<f32>(dPre + o, load<f32>(dOut + o) * SLOPE * (AMPLITUDE - y * y / AMPLITUDE));
    }
  } else {
    const one = f32x4.splat(1);
    for (; i + 4 <= count; i += 4) {
      const o = <usize>i << 2;
      const y = v128.load(out + o);
      v128.store(dPre + o, f32x4.mul(v128.load(dOut + o), f32x4.mul(y, f32x4.sub(one, y))));
    }
    for (; i < count; i++) {
      const o = <usize>i << 2;
      const y = load<f32>(out + o);
      store<f32>(dPre + o, load<f32>(dOut + o) * y * (1 - y));
    }
  }
}

/**
 * Softmax of the logits z into p, the loss gradient dL/dz into dz (of the mean over `divisor` images),
 * and the loss summed over the images as the result (mean squared error: each image's averaged over
 * the classes). Labels are bytes. Also counts the images whose largest p is the label (ties to the
 * lowest class) into the i32 at `correct`.
 */
export function softmaxLoss(kind: i32, batch: i32, classes: i32, z: usize, p: usize, labels: usize, dz: usize,
  correct: usize, divisor: i32): f64 {
  let total: f64 = 0;
  let right = 0;
  for (let b = 0; b < batch; b++) {
    const zb = z + (<usize>(b * classes) << 2), pb = p + (<usize>(b * classes) << 2), db = dz + (<usize>(b * classes) << 2);
    const label = <i32>load<u8>(labels + <usize>b);
    let max: f64 = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, <f64>load<f32>(zb + (<usize>k << 2)));
    let sum: f64 = 0;
    for (let k = 0; k < classes; k++) {
      const e = Math.exp(<f64>load<f32>(zb + (<usize>k << 2)) - max);
      store<f32>(pb + (<usize>k << 2), <f32>e);
      sum += e;
    }
    for (let k = 0; k < classes; k++) store<f32>(pb + (<usize>k << 2), <f32>(<f64>load<f32>(pb + (<usize>k << 2)) / sum));
    let best = 0;
    for (let k = 1; k < classes; k++) if (load<f32>(pb + (<usize>k << 2)) > load<f32>(pb + (<usize>best << 2))) best = k;
    if (best == label) right++;
    if (kind == 0) {
      total += Math.log(sum) + max - <f64>load<f32>(zb + (<usize>label << 2));
      for (let k = 0; k < classes; k++) {
        store<f32>(db + (<usize>k << 2), <f32>((<f64>load<f32>(pb + (<usize>k << 2)) - (k == label ? 1.0 : 0.0)) / <f64>divisor));
      }
    } else {
      const scale: f64 = 2.0 / <f64>(divisor * classes);
      let dot: f64 = 0;
      for (let k = 0; k < classes; k++) {
        const pk = <f64>load<f32>(pb + (<usize>k << 2));
        const diff = pk - (k == label ? 1.0 : 0.0);
        total += diff * diff;
        dot += scale * diff * pk;
      }
      for (let k = 0; k < classes; k++) {
        const pk = <f64>load<f32>(pb + (<usize>k << 2));
        store<f32>(db + (<usize>k << 2), <f32>(pk * (scale * (pk - (k == label ? 1.0 : 0.0)) - dot)));
      }
    }
  }
  store<i32>(correct, right);
  return kind == 0 ? total : total / <f64>classes;
}

/** g = grad + weightDecay w;  v = momentum v + learningRate g;  w -= v  over `count` parameters. */
export function sgdStep(count: i32, w: usize, grad: usize, v: usize, learningRate: f32, momentum: f32, weightDecay: f32): void {
  const lr = f32x4.splat(learningRate), mom = f32x4.splat(momentum), wd = f32x4.splat(weightDecay);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = <usize>i << 2;
    const wi = v128.load(w + o);
    const g = f32x4.add(v128.load(grad + o), f32x4.mul(wd, wi));
    const vi = f32x4.add(f32x4.mul(mom, v128.load(v + o)), f32x4.mul(lr, g));
    v128.store(v + o, vi);
    v128.store(w + o, f32x4.sub(wi, vi));
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    const wi = load<f32>(w + o);
    const vi = momentum * load<f32>(v + o) + learningRate * (load<f32>(grad + o) + weightDecay * wi);
    store<f32>(v + o, vi);
    store<f32>(w + o, wi - vi);
  }
}

/**
 * MNIST images `indices[0..n)` (28x28 bytes each, at `images`) as 32x32 inputs (pixel / 255, zero
 * border of 2) into `inputs`, and their labels into `outLabels`.
 */
export function gatherBatch(n: i32, images: usize, labels: usize, indices: usize, inputs: usize, outLabels: usize): void {
  for (let b = 0; b < n; b++) {
    const index = load<u32>(indices + (<usize>b << 2));
    const dst = inputs + (<usize>(b * 1024) << 2);
    memory.fill(dst, 0, 4096);
    const src = images + <usize>index * 784;
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) {
        store<f32>(dst + (<usize>((y + 2) * 32 + x + 2) << 2), <f32>load<u8>(src + <usize>(y * 28 + x)) / <f32>255);
      }
    }
    store<u8>(outLabels + <usize>b, load<u8>(labels + <usize>index));
  }
}

/**
 * One distortion (src/engine/data/distort.ts, in the same float64 arithmetic): each output pixel
 * samples the source plane bilinearly at the inverse-rotated and scaled position, plus the elastic
 * displacement field[axis][y][x] (f64, elastic.ts) when `field` is not 0.
 */
export function distort(src: usize, dst: usize, shiftX: f64, shiftY: f64, cos: f64, sin: f64, field: usize): void {
  const n = 32;
  const centre: f64 = (<f64>n - 1) / 2;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const px = <f64>x - centre - shiftX;
      const py = <f64>y - centre - shiftY;
      let sx = cos * px + sin * py + centre;
      let sy = -sin * px + cos * py + centre;
      if (field != 0) {
        sx += load<f64>(field + (<usize>(y * n + x) << 3));
        sy += load<f64>(field + (<usize>(n * n + y * n + x) << 3));
      }
      const fx0 = Math.floor(sx), fy0 = Math.floor(sy);
      const fx = sx - fx0, fy = sy - fy0;
      const x0 = <i32>fx0, y0 = <i32>fy0;
      store<f32>(dst + (<usize>(y * n + x) << 2), <f32>(
        (1 - fy) * ((1 - fx) * pixel(src, y0, x0) + fx * pixel(src, y0, x0 + 1)) +
        fy * ((1 - fx) * pixel(src, y0 + 1, x0) + fx * pixel(src, y0 + 1, x0 + 1))));
    }
  }
}

@inline function pixel(src: usize, y: i32, x: i32): f64 {
  return y >= 0 && y < 32 && x >= 0 && x < 32 ? <f64>load<f32>(src + (<usize>(y * 32 + x) << 2)) : 0;
}
