/**
 * c1, the convolution of the one input map (6 maps of 5x5 over 32x32 into 28x28), computed directly:
 * with one input map im2col would copy each pixel 25 times for a product only 25 deep, so the kernels
 * slide over the image rows instead, four output cells per f32x4.
 *
 * Indices: b image, oc output map, ky/kx tap, oy/ox output cell (0..27), iy = oy + ky, ix = ox + kx.
 *   y[b][oc][oy][ox] = bias[oc] + sum_ky sum_kx w[oc][ky][kx] x[b][oy + ky][ox + kx]
 *   dw[oc][ky][kx] += sum_b sum_oy sum_ox dy[b][oc][oy][ox] x[b][oy + ky][ox + kx],  db[oc] += sum dy
 * Forward: two maps by four (or three) vectors of a row at a time, eight running sums. Backward, image by
 * image: one map's five kx of one ky, five running sums over the row's vectors, summed across lanes at the
 * end. (More running sums at once measured slower: V8 has 16 vector registers and spills past ~12.)
 */

const IN = 32;
const OUT = 28;
const MAPS = 6;

/** Two maps (oc0, oc0 + 1), output row oy, `vectors` vectors from column ox0: the sums, stored to y. */
@inline function forwardStrip(x: usize, w: usize, bias: usize, y: usize, oc0: i32, oy: i32, ox0: i32, vectors: i32): void {
  const b0 = v128.load32_splat(bias + (<usize>oc0 << 2));
  const b1 = v128.load32_splat(bias + (<usize>(oc0 + 1) << 2));
  let s00 = b0, s01 = b0, s02 = b0, s03 = b0;
  let s10 = b1, s11 = b1, s12 = b1, s13 = b1;
  const w0 = w + (<usize>(oc0 * 25) << 2), w1 = w0 + 100;
  for (let ky = 0; ky < 5; ky++) {
    const row = x + (<usize>((oy + ky) * IN + ox0) << 2);
    for (let kx = 0; kx < 5; kx++) {
      const t = <usize>((ky * 5 + kx) << 2);
      const a = v128.load32_splat(w0 + t), b = v128.load32_splat(w1 + t);
      const p = row + (<usize>kx << 2);
      let v = v128.load(p);
      s00 = f32x4.add(s00, f32x4.mul(a, v)); s10 = f32x4.add(s10, f32x4.mul(b, v));
      v = v128.load(p, 16);
      s01 = f32x4.add(s01, f32x4.mul(a, v)); s11 = f32x4.add(s11, f32x4.mul(b, v));
      v = v128.load(p, 32);
      s02 = f32x4.add(s02, f32x4.mul(a, v)); s12 = f32x4.add(s12, f32x4.mul(b, v));
      if (vectors == 4) {
        v = v128.load(p, 48);
        s03 = f32x4.add(s03, f32x4.mul(a, v)); s13 = f32x4.add(s13, f32x4.mul(b, v));
      }
    }
  }
  const r0 = y + (<usize>((oc0 * OUT + oy) * OUT + ox0) << 2), r1 = r0 + OUT * OUT * 4;
  v128.store(r0, s00); v128.store(r0, s01, 16); v128.store(r0, s02, 32);
  v128.store(r1, s10); v128.store(r1, s11, 16); v128.store(r1, s12, 32);
  if (vectors == 4) {
    v128.store(r0, s03, 48); v128.store(r1, s13, 48);
  }
}

/** y (pre-activation) of `batch` images: x [b][32][32], w [6][5][5], y [b][6][28][28]. */
export function conv1Forward(batch: i32, x: usize, w: usize, bias: usize, y: usize): void {
  for (let b = 0; b < batch; b++) {
    const xb = x + (<usize>(b * IN * IN) << 2), yb = y + (<usize>(b * MAPS * OUT * OUT) << 2);
    for (let oc0 = 0; oc0 < MAPS; oc0 += 2) {
      for (let oy = 0; oy < OUT; oy++) {
        forwardStrip(xb, w, bias, yb, oc0, oy, 0, 4); // columns 0..15
        forwardStrip(xb, w, bias, yb, oc0, oy, 16, 3); // columns 16..27
      }
    }
  }
}

@inline function lanes(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/** Adds dw and db (zeroed by the caller before a batch) of `batch` images; dy [b][6][28][28]. */
export function conv1Backward(batch: i32, x: usize, dy: usize, dw: usize, db: usize): void {
  for (let b = 0; b < batch; b++) {
    for (let oc = 0; oc < MAPS; oc++) {
      const d0 = dy + (<usize>((b * MAPS + oc) * OUT * OUT) << 2);
      for (let ky = 0; ky < 5; ky++) {
        let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0), a4 = f32x4.splat(0);
        const xb = x + (<usize>((b * IN + ky) * IN) << 2);
        for (let oy = 0; oy < OUT; oy++) {
          const row = xb + (<usize>(oy * IN) << 2);
          const g0 = d0 + (<usize>(oy * OUT) << 2);
          for (let j = 0; j < OUT; j += 4) {
            const e = v128.load(g0 + (<usize>j << 2));
            const p = row + (<usize>j << 2);
            a0 = f32x4.add(a0, f32x4.mul(e, v128.load(p)));
            a1 = f32x4.add(a1, f32x4.mul(e, v128.load(p, 4)));
            a2 = f32x4.add(a2, f32x4.mul(e, v128.load(p, 8)));
            a3 = f32x4.add(a3, f32x4.mul(e, v128.load(p, 12)));
            a4 = f32x4.add(a4, f32x4.mul(e, v128.load(p, 16)));
          }
        }
        const t0 = dw + (<usize>((oc * 5 + ky) * 5) << 2);
        store<f32>(t0, load<f32>(t0) + lanes(a0)); store<f32>(t0, load<f32>(t0, 4) + lanes(a1), 4);
        store<f32>(t0, load<f32>(t0, 8) + lanes(a2), 8); store<f32>(t0, load<f32>(t0, 12) + lanes(a3), 12);
        store<f32>(t0, load<f32>(t0, 16) + lanes(a4), 16);
      }
    }
  }
  for (let oc = 0; oc < MAPS; oc++) {
    let s = f32x4.splat(0);
    for (let b = 0; b < batch; b++) {
      const plane = dy + (<usize>((b * MAPS + oc) * OUT * OUT) << 2);
      for (let i = 0; i < OUT * OUT; i += 4) s = f32x4.add(s, v128.load(plane + (<usize>i << 2)));
    }
    store<f32>(db + (<usize>oc << 2), load<f32>(db + (<usize>oc << 2)) + lanes(s));
  }
}
