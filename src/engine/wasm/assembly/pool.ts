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

/** Max pooling: the loop kept free of the other kinds' branches. */
function maxForward(planes: i32, outSize: i32, x: usize, y: usize, argmax: usize): void {
  const inSize = outSize * 2;
  const rowBytes = (<usize>inSize) << 2;
  let o: usize = 0;
  for (let q = 0; q < planes; q++) {
    const base = x + ((<usize>(q * inSize * inSize)) << 2);
    for (let oy = 0; oy < outSize; oy++) {
      let i00 = base + <usize>(2 * oy) * rowBytes;
      for (let ox = 0; ox < outSize; ox++) {
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
