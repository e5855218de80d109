/**
 * Row-major single-precision matrix products vectorised with f32x4 (the engine's only hot loops).
 *
 * Indices: i row of C, j column of C, p the summed index; m x n = C's shape, k the summed length.
 * Every pointer is a byte address into the one memory; rows are packed (stride = row length).
 *
 *   gemmNN:  C[i][j] (+)= sum_p A[i][p] * B[p][j]     A m x k, B k x n   (vectorised over j)
 *   gemmNT:  C[i][j] (+)= sum_p A[i][p] * B[j][p]     A m x k, B n x k   (vectorised over p, then summed)
 *   gemmTN:  C[i][j] (+)= sum_p A[p][i] * B[p][j]     A k x m, B k x n   (vectorised over j)
 * With `accumulate` false C is overwritten, else added to.
 */

@inline function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

@inline function initial(c: usize, accumulate: bool): v128 {
  return accumulate ? v128.load(c) : f32x4.splat(0);
}

/** C (+)= A B, vectorised over C's columns; `aStride` lets A be read with a row stride (elements). */
function gemmRows(m: i32, n: i32, k: i32, a: usize, aRow: i32, aCol: i32, b: usize, c: usize, accumulate: bool): void {
  // A[i][p] sits at a + (i * aRow + p * aCol) * 4: NN has (k, 1), TN has (1, m).
  let i = 0;
  const rowBytes = <usize>n << 2;
  for (; i + 4 <= m; i += 4) {
    const c0 = c + <usize>i * rowBytes, c1 = c0 + rowBytes, c2 = c1 + rowBytes, c3 = c2 + rowBytes;
    const a0 = a + (<usize>(i * aRow) << 2), a1 = a0 + (<usize>aRow << 2), a2 = a1 + (<usize>aRow << 2), a3 = a2 + (<usize>aRow << 2);
    const aStep = <usize>aCol << 2;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      const o = <usize>j << 2;
      let s00 = initial(c0 + o, accumulate), s01 = initial(c0 + o + 16, accumulate);
      let s10 = initial(c1 + o, accumulate), s11 = initial(c1 + o + 16, accumulate);
      let s20 = initial(c2 + o, accumulate), s21 = initial(c2 + o + 16, accumulate);
      let s30 = initial(c3 + o, accumulate), s31 = initial(c3 + o + 16, accumulate);
      let bp = b + o, ap: usize = 0;
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(bp), b1 = v128.load(bp, 16);
        let w = v128.load32_splat(a0 + ap);
        s00 = f32x4.add(s00, f32x4.mul(w, b0)); s01 = f32x4.add(s01, f32x4.mul(w, b1));
        w = v128.load32_splat(a1 + ap);
        s10 = f32x4.add(s10, f32x4.mul(w, b0)); s11 = f32x4.add(s11, f32x4.mul(w, b1));
        w = v128.load32_splat(a2 + ap);
        s20 = f32x4.add(s20, f32x4.mul(w, b0)); s21 = f32x4.add(s21, f32x4.mul(w, b1));
        w = v128.load32_splat(a3 + ap);
        s30 = f32x4.add(s30, f32x4.mul(w, b0)); s31 = f32x4.add(s31, f32x4.mul(w, b1));
        bp += rowBytes; ap += aStep;
      }
      v128.store(c0 + o, s00); v128.store(c0 + o, s01, 16);
      v128.store(c1 + o, s10); v128.store(c1 + o, s11, 16);
      v128.store(c2 + o, s20); v128.store(c2 + o, s21, 16);
      v128.store(c3 + o, s30); v128.store(c3 + o, s31, 16);
    }
    for (; j + 4 <= n; j += 4) {
      const o = <usize>j << 2;
      let s0 = initial(c0 + o, accumulate), s1 = initial(c1 + o, accumulate);
      let s2 = initial(c2 + o, accumulate), s3 = initial(c3 + o, accumulate);
      let bp = b + o, ap: usize = 0;
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(bp);
        s0 = f32x4.add(s0, f32x4.mul(v128.load32_splat(a0 + ap), b0));
        s1 = f32x4.add(s1, f32x4.mul(v128.load32_splat(a1 + ap), b0));
        s2 = f32x4.add(s2, f32x4.mul(v128.load32_splat(a2 + ap), b0));
        s3 = f32x4.add(s3, f32x4.mul(v128.load32_splat(a3 + ap), b0));
        bp += rowBytes; ap += aStep;
      }
      v128.store(c0 + o, s0); v128.store(c1 + o, s1); v128.store(c2 + o, s2); v128.store(c3 + o, s3);
    }
    for (; j < n; j++) {
      for (let r = 0; r < 4; r++) scalarCell(i + r, j, n, k, a, aRow, aCol, b, c, accumulate);
    }
  }
  // Two rows left (c1's six maps leave two): sixteen columns at a time, eight running sums.
  for (; i + 2 <= m; i += 2) {
    const c0 = c + <usize>i * rowBytes, c1 = c0 + rowBytes;
    const a0 = a + (<usize>(i * aRow) << 2), a1 = a0 + (<usize>aRow << 2);
    const aStep = <usize>aCol << 2;
    let j = 0;
    for (; j + 16 <= n; j += 16) {
      const o = <usize>j << 2;
      let s00 = initial(c0 + o, accumulate), s01 = initial(c0 + o + 16, accumulate);
      let s02 = initial(c0 + o + 32, accumulate), s03 = initial(c0 + o + 48, accumulate);
      let s10 = initial(c1 + o, accumulate), s11 = initial(c1 + o + 16, accumulate);
      let s12 = initial(c1 + o + 32, accumulate), s13 = initial(c1 + o + 48, accumulate);
      let bp = b + o, ap: usize = 0;
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(bp), b1 = v128.load(bp, 16), b2 = v128.load(bp, 32), b3 = v128.load(bp, 48);
        let w = v128.load32_splat(a0 + ap);
        s00 = f32x4.add(s00, f32x4.mul(w, b0)); s01 = f32x4.add(s01, f32x4.mul(w, b1));
        s02 = f32x4.add(s02, f32x4.mul(w, b2)); s03 = f32x4.add(s03, f32x4.mul(w, b3));
        w = v128.load32_splat(a1 + ap);
        s10 = f32x4.add(s10, f32x4.mul(w, b0)); s11 = f32x4.add(s11, f32x4.mul(w, b1));
        s12 = f32x4.add(s12, f32x4.mul(w, b2)); s13 = f32x4.add(s13, f32x4.mul(w, b3));
        bp += rowBytes; ap += aStep;
      }
      v128.store(c0 + o, s00); v128.store(c0 + o, s01, 16); v128.store(c0 + o, s02, 32); v128.store(c0 + o, s03, 48);
      v128.store(c1 + o, s10); v128.store(c1 + o, s11, 16); v128.store(c1 + o, s12, 32); v128.store(c1 + o, s13, 48);
    }
    for (; j < n; j++) {
      scalarCell(i, j, n, k, a, aRow, aCol, b, c, accumulate);
      scalarCell(i + 1, j, n, k, a, aRow, aCol, b, c, accumulate);
    }
  }
  for (; i < m; i++) {
    const c0 = c + <usize>i * rowBytes;
    const a0 = a + (<usize>(i * aRow) << 2);
    const aStep = <usize>aCol << 2;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      const o = <usize>j << 2;
      let s0 = initial(c0 + o, accumulate), s1 = initial(c0 + o + 16, accumulate);
      let bp = b + o, ap: usize = 0;
      for (let p = 0; p < k; p++) {
        const w = v128.load32_splat(a0 + ap);
        s0 = f32x4.add(s0, f32x4.mul(w, v128.load(bp)));
        s1 = f32x4.add(s1, f32x4.mul(w, v128.load(bp, 16)));
        bp += rowBytes; ap += aStep;
      }
      v128.store(c0 + o, s0); v128.store(c0 + o, s1, 16);
    }
    for (; j < n; j++) scalarCell(i, j, n, k, a, aRow, aCol, b, c, accumulate);
  }
}

@inline function scalarCell(i: i32, j: i32, n: i32, k: i32, a: usize, aRow: i32, aCol: i32, b: usize, c: usize, accumulate: bool): void {
  const cp = c + (<usize>(i * n + j) << 2);
  let s: f32 = accumulate ? load<f32>(cp) : 0;
  for (let p = 0; p < k; p++) s += load<f32>(a + (<usize>(i * aRow + p * aCol) << 2)) * load<f32>(b + (<usize>(p * n + j) << 2));
  store<f32>(cp, s);
}

export function gemmNN(m: i32, n: i32, k: i32, a: usize, b: usize, c: usize, accumulate: bool): void {
  gemmRows(m, n, k, a, k, 1, b, c, accumulate);
}

export function gemmTN(m: i32, n: i32, k: i32, a: usize, b: usize, c: usize, accumulate: bool): void {
  gemmRows(m, n, k, a, 1, m, b, c, accumulate);
}

/** sum_p x[p] * y[p] over `k` values, vectorised. */
@inline function dot(x: usize, y: usize, k: i32): f32 {
  let s0 = f32x4.splat(0), s1 = f32x4.splat(0);
  let p = 0;
  for (; p + 8 <= k; p += 8) {
    const o = <usize>p << 2;
    s0 = f32x4.add(s0, f32x4.mul(v128.load(x + o), v128.load(y + o)));
    s1 = f32x4.add(s1, f32x4.mul(v128.load(x + o, 16), v128.load(y + o, 16)));
  }
  for (; p + 4 <= k; p += 4) {
    const o = <usize>p << 2;
    s0 = f32x4.add(s0, f32x4.mul(v128.load(x + o), v128.load(y + o)));
  }
  let s = hsum(f32x4.add(s0, s1));
  for (; p < k; p++) s += load<f32>(x + (<usize>p << 2)) * load<f32>(y + (<usize>p << 2));
  return s;
}

export function gemmNT(m: i32, n: i32, k: i32, a: usize, b: usize, c: usize, accumulate: bool): void {
  const rowBytes = <usize>k << 2;
  const k4 = k & ~3;
  let i = 0;
  for (; i + 2 <= m; i += 2) {
    const a0 = a + <usize>i * rowBytes, a1 = a0 + rowBytes;
    const c0 = c + (<usize>(i * n) << 2), c1 = c0 + (<usize>n << 2);
    let j = 0;
    for (; j + 2 <= n; j += 2) {
      const b0 = b + <usize>j * rowBytes, b1 = b0 + rowBytes;
      let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s10 = f32x4.splat(0), s11 = f32x4.splat(0);
      for (let p = 0; p < k4; p += 4) {
        const o = <usize>p << 2;
        const x0 = v128.load(a0 + o), x1 = v128.load(a1 + o), y0 = v128.load(b0 + o), y1 = v128.load(b1 + o);
        s00 = f32x4.add(s00, f32x4.mul(x0, y0)); s01 = f32x4.add(s01, f32x4.mul(x0, y1));
        s10 = f32x4.add(s10, f32x4.mul(x1, y0)); s11 = f32x4.add(s11, f32x4.mul(x1, y1));
      }
      let r00 = hsum(s00), r01 = hsum(s01), r10 = hsum(s10), r11 = hsum(s11);
      for (let p = k4; p < k; p++) {
        const o = <usize>p << 2;
        const x0 = load<f32>(a0 + o), x1 = load<f32>(a1 + o), y0 = load<f32>(b0 + o), y1 = load<f32>(b1 + o);
        r00 += x0 * y0; r01 += x0 * y1; r10 += x1 * y0; r11 += x1 * y1;
      }
      const o = <usize>j << 2;
      if (accumulate) { r00 += load<f32>(c0 + o); r01 += load<f32>(c0 + o, 4); r10 += load<f32>(c1 + o); r11 += load<f32>(c1 + o, 4); }
      store<f32>(c0 + o, r00); store<f32>(c0 + o, r01, 4); store<f32>(c1 + o, r10); store<f32>(c1 + o, r11, 4);
    }
    for (; j < n; j++) {
      const bj = b + <usize>j * rowBytes, o = <usize>j << 2;
      store<f32>(c0 + o, dot(a0, bj, k) + (accumulate ? load<f32>(c0 + o) : 0));
      store<f32>(c1 + o, dot(a1, bj, k) + (accumulate ? load<f32>(c1 + o) : 0));
    }
  }
  for (; i < m; i++) {
    const ai = a + <usize>i * rowBytes;
    for (let j = 0; j < n; j++) {
      const cp = c + (<usize>(i * n + j) << 2);
      store<f32>(cp, dot(ai, b + <usize>j * rowBytes, k) + (accumulate ? load<f32>(cp) : 0));
    }
  }
}
