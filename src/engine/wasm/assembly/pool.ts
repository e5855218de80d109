/**
 * 2x2 stride-2 pooling of `planes` = batch * channels maps (see src/engine/reference/pool.ts).
 * Indices: plane q = b * C + c, c = q % C; oy/ox output cell; slot s = py * 2 + px in the window.
 *   max:       y = max_s x, argmax = first maximal slot (row-major), dx = dy at that slot only
 *   mean:      y = sum_s x / 4, dx = dy / 4
 *   subsample: pre = coeff[c] * sum_s x + bias[c], dx = dpre * coeff[c],
 *              dcoeff[c] += sum dpre * sum_s x, dbias[c] += sum dpre
 * kind: 0 max, 1 mean, 2 subsample. argmax is one byte per output cell.
 */

export function poolForward(
  kind: i32,
  planes: i32,
  channels: i32,
  outSize: i32,
  x: usize,
  y: usize,
  argmax: usize,
  coeff: usize,
  bias: usize,
): void {
  if (kind == 0) maxForward(planes, outSize, x, y, argmax);
  else sumForward(kind, planes, channels, outSize, x, y, coeff, bias);
}

/**
 * Max pooling, four windows at a time: the two input rows of four windows are split into their even
 * and odd columns (slots 0, 1 from the top row, 2, 3 from the bottom one), and each later slot wins
 * only when strictly larger, so ties go to the first in row-major order as in the scalar rule.
 */
function maxForward(planes: i32, outSize: i32, x: usize, y: usize, argmax: usize): void {
  const inSize = outSize * 2;
  const rowBytes = (<usize>inSize) << 2;
  const vectorCells = outSize & ~3;
  const one = i32x4.splat(1), two = i32x4.splat(2), three = i32x4.splat(3);
  let o: usize = 0;
  for (let q = 0; q < planes; q++) {
    const base = x + ((<usize>(q * inSize * inSize)) << 2);
    for (let oy = 0; oy < outSize; oy++) {
      let i00 = base + <usize>(2 * oy) * rowBytes;
      let ox = 0;
      for (; ox < vectorCells; ox += 4) {
        const a = v128.load(i00), b = v128.load(i00, 16);
        const c = v128.load(i00 + rowBytes), d = v128.load(i00 + rowBytes, 16);
        let best = v128.shuffle<f32>(a, b, 0, 2, 4, 6);
        let slot = i32x4.splat(0);
        const v1 = v128.shuffle<f32>(a, b, 1, 3, 5, 7);
        let win = f32x4.gt(v1, best);
        best = v128.bitselect(v1, best, win);
        slot = v128.bitselect(one, slot, win);
        const v2 = v128.shuffle<f32>(c, d, 0, 2, 4, 6);
        win = f32x4.gt(v2, best);
        best = v128.bitselect(v2, best, win);
        slot = v128.bitselect(two, slot, win);
        const v3 = v128.shuffle<f32>(c, d, 1, 3, 5, 7);
        win = f32x4.gt(v3, best);
        best = v128.bitselect(v3, best, win);
        slot = v128.bitselect(three, slot, win);
        v128.store(y + (o << 2), best);
        const bytes = i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_u(slot, slot), slot);
        v128.store32_lane(argmax + o, bytes, 0);
        o += 4;
        i00 += 32;
      }
      for (; ox < outSize; ox++) {
        const v0 = load<f32>(i00),
          v1 = load<f32>(i00, 4),
          v2 = load<f32>(i00 + rowBytes),
          v3 = load<f32>(i00 + rowBytes, 4);
        let best = v0,
          slot: u8 = 0;
        if (v1 > best) {
          best = v1;
          slot = 1;
        }
        if (v2 > best) {
          best = v2;
          slot = 2;
        }
        if (v3 > best) {
          best = v3;
          slot = 3;
        }
        store<f32>(y + (o << 2), best);
        store<u8>(argmax + o, slot);
        o++;
        i00 += 8;
      }
    }
  }
}

/** Max pooling's backward, four windows at a time: dy goes to the winning slot, 0 to the others. */
function maxBackward(planes: i32, outSize: i32, dy: usize, argmax: usize, dx: usize): void {
  const inSize = outSize * 2;
  const rowBytes = (<usize>inSize) << 2;
  const vectorCells = outSize & ~3;
  const zero = i32x4.splat(0), one = i32x4.splat(1), two = i32x4.splat(2), three = i32x4.splat(3);
  let o: usize = 0;
  for (let q = 0; q < planes; q++) {
    const base = dx + ((<usize>(q * inSize * inSize)) << 2);
    for (let oy = 0; oy < outSize; oy++) {
      let d = base + <usize>(2 * oy) * rowBytes;
      let ox = 0;
      for (; ox < vectorCells; ox += 4) {
        const g = v128.load(dy + (o << 2));
        const slot = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(argmax + o)));
        const g0 = v128.and(g, i32x4.eq(slot, zero)), g1 = v128.and(g, i32x4.eq(slot, one));
        const g2 = v128.and(g, i32x4.eq(slot, two)), g3 = v128.and(g, i32x4.eq(slot, three));
        v128.store(d, v128.shuffle<f32>(g0, g1, 0, 4, 1, 5));
        v128.store(d, v128.shuffle<f32>(g0, g1, 2, 6, 3, 7), 16);
        v128.store(d + rowBytes, v128.shuffle<f32>(g2, g3, 0, 4, 1, 5));
        v128.store(d + rowBytes, v128.shuffle<f32>(g2, g3, 2, 6, 3, 7), 16);
        o += 4;
        d += 32;
      }
      for (; ox < outSize; ox++) {
        const g = load<f32>(dy + (o << 2));
        const slot = load<u8>(argmax + o);
        store<f32>(d, slot == 0 ? g : 0);
        store<f32>(d, slot == 1 ? g : 0, 4);
        store<f32>(d + rowBytes, slot == 2 ? g : 0);
        store<f32>(d + rowBytes, slot == 3 ? g : 0, 4);
        o++;
        d += 8;
      }
    }
  }
}

/** Mean (kind 1) and trainable subsampling (kind 2): coeff * the window's sum + bias, with coeff = 1/4, bias = 0 for mean. */
function sumForward(
  kind: i32,
  planes: i32,
  channels: i32,
  outSize: i32,
  x: usize,
  y: usize,
  coeff: usize,
  bias: usize,
): void {
  const inSize = outSize * 2;
  const rowBytes = (<usize>inSize) << 2;
  let o: usize = 0;
  for (let q = 0; q < planes; q++) {
    const c = q % channels;
    const cf: f32 = kind == 2 ? load<f32>(coeff + ((<usize>c) << 2)) : 0.25;
    const bs: f32 = kind == 2 ? load<f32>(bias + ((<usize>c) << 2)) : 0;
    const base = x + ((<usize>(q * inSize * inSize)) << 2);
    for (let oy = 0; oy < outSize; oy++) {
      let i00 = base + <usize>(2 * oy) * rowBytes;
      for (let ox = 0; ox < outSize; ox++) {
        const sum = load<f32>(i00) + load<f32>(i00, 4) + load<f32>(i00 + rowBytes) + load<f32>(i00 + rowBytes, 4);
        store<f32>(y + (o << 2), kind == 2 ? cf * sum + bs : sum * 0.25);
        o++;
        i00 += 8;
      }
    }
  }
}

export function poolBackward(
  kind: i32,
  planes: i32,
  channels: i32,
  outSize: i32,
  x: usize,
  dy: usize,
  argmax: usize,
  dx: usize,
  coeff: usize,
  dcoeff: usize,
  dbias: usize,
): void {
  if (kind == 0) {
    maxBackward(planes, outSize, dy, argmax, dx);
    return;
  }
  const inSize = outSize * 2;
  const rowBytes = (<usize>inSize) << 2;
  let o: usize = 0;
  for (let q = 0; q < planes; q++) {
    const c = q % channels;
    const cf: f32 = kind == 2 ? load<f32>(coeff + ((<usize>c) << 2)) : 0.25;
    const xBase = x + ((<usize>(q * inSize * inSize)) << 2);
    const dxBase = dx + ((<usize>(q * inSize * inSize)) << 2);
    let coeffSum: f32 = 0,
      biasSum: f32 = 0;
    for (let oy = 0; oy < outSize; oy++) {
      let at = <usize>(2 * oy) * rowBytes;
      if (kind == 0) {
        for (let ox = 0; ox < outSize; ox++) {
          const g = load<f32>(dy + (o << 2));
          const slot = load<u8>(argmax + o);
          const d = dxBase + at;
          store<f32>(d, slot == 0 ? g : 0);
          store<f32>(d, slot == 1 ? g : 0, 4);
          store<f32>(d + rowBytes, slot == 2 ? g : 0);
          store<f32>(d + rowBytes, slot == 3 ? g : 0, 4);
          o++;
          at += 8;
        }
      } else {
        for (let ox = 0; ox < outSize; ox++) {
          const g = load<f32>(dy + (o << 2));
          const d = dxBase + at;
          const spread = g * cf;
          store<f32>(d, spread);
          store<f32>(d, spread, 4);
          store<f32>(d + rowBytes, spread);
          store<f32>(d + rowBytes, spread, 4);
          if (kind == 2) {
            const s = xBase + at;
            coeffSum += g * (load<f32>(s) + load<f32>(s, 4) + load<f32>(s + rowBytes) + load<f32>(s + rowBytes, 4));
            biasSum += g;
          }
          o++;
          at += 8;
        }
      }
    }
    if (kind == 2) {
      const cp = dcoeff + ((<usize>c) << 2),
        bp = dbias + ((<usize>c) << 2);
      store<f32>(cp, load<f32>(cp) + coeffSum);
      store<f32>(bp, load<f32>(bp) + biasSum);
    }
  }
}
