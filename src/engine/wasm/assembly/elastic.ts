/**
 * One image's elastic displacement field (src/engine/data/elastic.ts: the formula, the hash, the taps),
 * in float64 with f64x2 and every sum in the reference's order, so the field is the reference's bit for bit.
 *
 * Indices: axis 0 (x) / 1 (y), y/x pixel of the 32x32 input, k/j tap in [0, 2r]; W = 32 + 2r.
 *   noise  [32][W]:  noise[y][r + x] = hash(seed, axis * 1024 + y * 32 + x), 0 in the r-wide margins
 *   rows   [W][32]:  rows[r + y][x]  = sum_k taps[k] noise[y][x + k],           0 in the margins
 *   field  [2][32][32] (f64): field[axis][y][x] = alpha * sum_j taps[j] rows[y + j][x]
 * The zero margins add exact zeros, which leaves each sum as the reference's (it skips those taps).
 * `taps` holds 2r + 1 f64; `scratch` holds noise and rows: 2 * 32 * W f64.
 */

/** The uniform noise in [-1, 1) of pixel index `index` (lowbias32 of seed + index * golden ratio). */
@inline function noise(seed: u32, index: u32): f64 {
  let h: u32 = seed + index * 0x9e3779b9;
  h ^= h >> 16;
  h *= 0x7feb352d;
  h ^= h >> 15;
  h *= 0x846ca68b;
  h ^= h >> 16;
  return <f64>(h >> 8) / 8388608.0 - 1.0;
}

/** Writes image `seed`'s displacement field (alpha times the smoothed noise) into `field`, [axis][y][x] f64. */
export function elasticField(seed: u32, radius: i32, taps: usize, alpha: f64, field: usize, scratch: usize): void {
  const n = 32;
  const w = n + 2 * radius;
  const span = 2 * radius + 1;
  const noisePlane = scratch;
  const rows = scratch + (<usize>(n * w) << 3);
  memory.fill(scratch, 0, <usize>(2 * n * w) << 3);
  for (let axis = 0; axis < 2; axis++) {
    for (let y = 0; y < n; y++) {
      const row = noisePlane + (<usize>(y * w + radius) << 3);
      for (let x = 0; x < n; x++) store<f64>(row + (<usize>x << 3), noise(seed, <u32>(axis * 1024 + y * n + x)));
    }
    for (let y = 0; y < n; y++) {
      const src = noisePlane + (<usize>(y * w) << 3);
      const dst = rows + (<usize>((y + radius) * n) << 3);
      blurHalfRow(src, 8, taps, span, dst, 1);
      blurHalfRow(src + 128, 8, taps, span, dst + 128, 1);
    }
    const out = field + (<usize>(axis * n * n) << 3);
    for (let y = 0; y < n; y++) {
      const src = rows + (<usize>(y * n) << 3);
      const dst = out + (<usize>(y * n) << 3);
      blurHalfRow(src, n * 8, taps, span, dst, alpha);
      blurHalfRow(src + 128, n * 8, taps, span, dst + 128, alpha);
    }
  }
}

/**
 * Sixteen outputs: dst[x] = scale * (sum over k in order of taps[k] * src[x + k * stepBytes / 8]), x in
 * [0, 16), with eight independent f64x2 sums (one running sum would wait on each addition's latency).
 */
@inline function blurHalfRow(src: usize, stepBytes: i32, taps: usize, span: i32, dst: usize, scale: f64): void {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
  let s4 = f64x2.splat(0), s5 = f64x2.splat(0), s6 = f64x2.splat(0), s7 = f64x2.splat(0);
  let p = src;
  for (let k = 0; k < span; k++) {
    const tap = f64x2.splat(load<f64>(taps + (<usize>k << 3)));
    s0 = f64x2.add(s0, f64x2.mul(tap, v128.load(p)));
    s1 = f64x2.add(s1, f64x2.mul(tap, v128.load(p, 16)));
    s2 = f64x2.add(s2, f64x2.mul(tap, v128.load(p, 32)));
    s3 = f64x2.add(s3, f64x2.mul(tap, v128.load(p, 48)));
    s4 = f64x2.add(s4, f64x2.mul(tap, v128.load(p, 64)));
    s5 = f64x2.add(s5, f64x2.mul(tap, v128.load(p, 80)));
    s6 = f64x2.add(s6, f64x2.mul(tap, v128.load(p, 96)));
    s7 = f64x2.add(s7, f64x2.mul(tap, v128.load(p, 112)));
    p += <usize>stepBytes;
  }
  const f = f64x2.splat(scale);
  v128.store(dst, f64x2.mul(f, s0));
  v128.store(dst, f64x2.mul(f, s1), 16);
  v128.store(dst, f64x2.mul(f, s2), 32);
  v128.store(dst, f64x2.mul(f, s3), 48);
  v128.store(dst, f64x2.mul(f, s4), 64);
  v128.store(dst, f64x2.mul(f, s5), 80);
  v128.store(dst, f64x2.mul(f, s6), 96);
  v128.store(dst, f64x2.mul(f, s7), 112);
}
