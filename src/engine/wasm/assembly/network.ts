/**
 * The LeNet-5 passes, layer after layer, over a network descriptor in memory (written by
 * src/engine/wasm/wasmDescriptor.ts): forward with the loss, backward into every delta and the
 * gradients, and a whole training batch in chunks that stay in the cache.
 *
 * Descriptor (i32 words at `net`): see the word indices below; per layer l = 0..7 nine words from
 * LAYERS + 9 l: out, pre, argmax, dOut, dPre (buffers [b][c][y][x]; the input layer's `out` is unused,
 * the input is passed in), weight, bias, dWeight, dBias (0 where the layer has none; coeff for
 * subsampling). PROFILE, when not 0, points at f64[16]: milliseconds spent in layer l's forward
 * (slot 2 l, with its activation; the output's with the loss) and backward (slot 2 l + 1), added to. Layer geometry is LeNet-5's: input 1@32, c1 6@28, s2 6@14, c3 16@10, s4 16@5,
 * c5 120, f6 84, output 10.
 * Gradients accumulate: the caller zeroes them before a batch.
 */
import { convBackward, convForward, convForwardKeep } from './conv';
import { conv1Backward, conv1Forward } from './conv1';
import { activate, activationBackward, denseBackward, denseForward, softmaxLoss } from './layers';
import { poolBackward, poolForward } from './pool';

const ACTIVATION = 0;
const POOLING = 1;
const LOSS = 2;
const CORRECT = 3;
const C1_MASK = 4;
const C3_MASK = 5;
const COL = 6;
const DCOL = 7;
const PROFILE = 8;
const KEPT = 9;
const KEPT_CAPACITY = 10;
const W_T = 11;
const Y_T = 12;
const LAYERS = 13;
/** Words in a descriptor. */
export const DESCRIPTOR_WORDS: i32 = LAYERS + 9 * 8;

const OUT = 0;
const PRE = 1;
const ARGMAX = 2;
const D_OUT = 3;
const D_PRE = 4;
const WEIGHT = 5;
const BIAS = 6;
const D_WEIGHT = 7;
const D_BIAS = 8;

/** Floats per image of each layer's output. */
const SIZES: StaticArray<i32> = [1024, 4704, 1176, 1600, 400, 120, 84, 10];

/** Milliseconds since some origin (performance.now), imported. */
@external("env", "now")
declare function now(): f64;

@inline function word(net: usize, index: i32): i32 {
  return load<i32>(net + (<usize>index << 2));
}

@inline function ptr(net: usize, index: i32): usize {
  return <usize>load<i32>(net + (<usize>index << 2));
}

@inline function field(net: usize, layer: i32, which: i32): usize {
  return ptr(net, LAYERS + 9 * layer + which);
}

/** The clock when profiling, else 0. */
@inline function start(net: usize): f64 {
  return ptr(net, PROFILE) != 0 ? now() : 0;
}

/** Adds the time since `since` to profile slot `slot` when profiling. */
@inline function tally(net: usize, slot: i32, since: f64): void {
  const table = ptr(net, PROFILE);
  if (table == 0) return;
  const at = table + (<usize>slot << 3);
  store<f64>(at, load<f64>(at) + now() - since);
}

/** Whether c3's columns of `n` images are kept from the forward pass for the backward one. */
@inline function keeps(net: usize, n: i32): bool {
  return ptr(net, KEPT) != 0 && n <= word(net, KEPT_CAPACITY);
}

/** The output of layer l for the images of this pass (the input layer's is `input`). */
@inline function outOf(net: usize, l: i32, input: usize): usize {
  return l == 0 ? input : field(net, l, OUT);
}

function conv(net: usize, l: i32, n: i32, x: usize): void {
  const t = start(net);
  if (l == 1) conv1Forward(n, x, field(net, l, WEIGHT), field(net, l, BIAS), field(net, l, PRE));
  else if (keeps(net, n))
    convForwardKeep(n, 6, 14, 16, 5, x, field(net, l, WEIGHT), field(net, l, BIAS), field(net, l, PRE), ptr(net, KEPT),
      ptr(net, W_T), ptr(net, Y_T));
  else convForward(n, 6, 14, 16, 5, x, field(net, l, WEIGHT), field(net, l, BIAS), field(net, l, PRE), ptr(net, COL));
  activate(word(net, ACTIVATION), n * SIZES[l], field(net, l, PRE), field(net, l, OUT));
  tally(net, 2 * l, t);
}

function pool(net: usize, l: i32, n: i32, x: usize): void {
  const t = start(net);
  const kind = word(net, POOLING), channels = l == 2 ? 6 : 16, outSize = l == 2 ? 14 : 5;
  const sub = kind == 2;
  poolForward(kind, n * channels, channels, outSize, x, sub ? field(net, l, PRE) : field(net, l, OUT),
    field(net, l, ARGMAX), field(net, l, WEIGHT), field(net, l, BIAS));
  if (sub) activate(word(net, ACTIVATION), n * SIZES[l], field(net, l, PRE), field(net, l, OUT));
  tally(net, 2 * l, t);
}

function dense(net: usize, l: i32, n: i32, x: usize): void {
  const t = start(net);
  denseForward(n, SIZES[l - 1], SIZES[l], x, field(net, l, WEIGHT), field(net, l, BIAS), field(net, l, PRE));
  if (l != 7) activate(word(net, ACTIVATION), n * SIZES[l], field(net, l, PRE), field(net, l, OUT));
  tally(net, 2 * l, t);
}

/**
 * Runs `n` images from `input` ([b][1][32][32]) through every layer; writes the softmax, dL/dz of the
 * output (scaled by 1 / divisor) and the count of correct top-1 answers; returns the summed loss
 * (mean squared error: summed over images, averaged over the 10 outputs).
 */
export function forward(net: usize, n: i32, input: usize, labels: usize, divisor: i32): f64 {
  conv(net, 1, n, input);
  pool(net, 2, n, field(net, 1, OUT));
  conv(net, 3, n, field(net, 2, OUT));
  pool(net, 4, n, field(net, 3, OUT));
  dense(net, 5, n, field(net, 4, OUT));
  dense(net, 6, n, field(net, 5, OUT));
  dense(net, 7, n, field(net, 6, OUT));
  const t = start(net);
  const loss = softmaxLoss(word(net, LOSS), n, 10, field(net, 7, PRE), field(net, 7, OUT), labels,
    field(net, 7, D_PRE), ptr(net, CORRECT), divisor);
  tally(net, 14, t);
  return loss;
}

/** Backpropagates the last forward pass of `n` images into every delta and (added) the gradients. */
export function backward(net: usize, n: i32, input: usize, inputDelta: bool): void {
  backwardFrom(net, n, input, inputDelta, 7);
}

/**
 * The backward pass from layer `top` down: its dL/dz (dPre; dOut for a max- or mean-pooling layer) is what the
 * caller wrote there (for the output, forward()'s loss gradient), the layers below get theirs from it.
 */
export function backwardFrom(net: usize, n: i32, input: usize, inputDelta: bool, top: i32): void {
  const act = word(net, ACTIVATION);
  for (let l = top; l >= 1; l--) {
    const t = start(net);
    const x = outOf(net, l - 1, input);
    const dx = l > 1 || inputDelta ? field(net, l - 1, D_OUT) : 0;
    const isPool = l == 2 || l == 4;
    const hasPre = !isPool || word(net, POOLING) == 2;
    if (hasPre && l != top) {
      activationBackward(act, n * SIZES[l], field(net, l, PRE), field(net, l, OUT), field(net, l, D_OUT),
        field(net, l, D_PRE));
    }
    const dy = hasPre ? field(net, l, D_PRE) : field(net, l, D_OUT);
    if (l == 1 && dx == 0) {
      conv1Backward(n, x, dy, field(net, l, D_WEIGHT), field(net, l, D_BIAS));
    } else if (l == 1 || l == 3) {
      convBackward(n, l == 1 ? 1 : 6, l == 1 ? 32 : 14, l == 1 ? 6 : 16, 5, x, field(net, l, WEIGHT), dy,
        field(net, l, D_WEIGHT), field(net, l, D_BIAS), dx, ptr(net, l == 1 ? C1_MASK : C3_MASK), ptr(net, COL),
        ptr(net, DCOL), l == 3 && keeps(net, n) ? ptr(net, KEPT) : 0);
    } else if (isPool) {
      const channels = l == 2 ? 6 : 16;
      poolBackward(word(net, POOLING), n * channels, channels, l == 2 ? 14 : 5, x, dy, field(net, l, ARGMAX), dx,
        field(net, l, WEIGHT), field(net, l, D_WEIGHT), field(net, l, D_BIAS));
    } else {
      denseBackward(n, SIZES[l - 1], SIZES[l], x, field(net, l, WEIGHT), dy, field(net, l, D_WEIGHT),
        field(net, l, D_BIAS), dx);
    }
    tally(net, 2 * l + 1, t);
  }
}

/**
 * One training batch's share of `n` images from `input`/`labels`, in chunks of at most `chunk` images
 * (the descriptor's buffers hold `chunk`): forward and backward of each chunk, the gradients summed
 * (dL/dz scaled by 1 / divisor, the whole batch's size, so the sums are of the batch mean's gradient).
 * Zeroes `count` gradient floats at `grads` first (0: adds to them); returns the summed loss and leaves
 * the share's correct count in the descriptor's slot.
 */
export function trainBatch(net: usize, n: i32, chunk: i32, input: usize, labels: usize, grads: usize, count: i32,
  divisor: i32): f64 {
  memory.fill(grads, 0, <usize>count << 2);
  let loss: f64 = 0;
  let correct = 0;
  for (let start = 0; start < n; start += chunk) {
    const m = min(chunk, n - start);
    const x = input + (<usize>(start * 1024) << 2);
    loss += forward(net, m, x, labels + <usize>start, divisor);
    correct += load<i32>(ptr(net, CORRECT));
    backward(net, m, x, false);
  }
  store<i32>(ptr(net, CORRECT), correct);
  return loss;
}

/** dst += src over `count` floats (the helper thread's gradients into the batch's). */
export function addInto(count: i32, dst: usize, src: usize): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = <usize>i << 2;
    v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
  }
}
