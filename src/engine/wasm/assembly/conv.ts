/**
 * Valid stride-1 convolution over a batch as one matrix product per image (im2col): c3 always, c1 only
 * for the backward view's dL/d(input) (training computes c1 directly: conv1.ts).
 *
 * Indices: b image, ic/oc input/output map, ky/kx kernel tap, oy/ox output cell; K kernel size,
 * IH input side, OH = IH - K + 1, P = OH * OH, R = IC * K * K (rows of the column matrix).
 * Layouts: x [b][ic][iy][ix], w [oc][ic][ky][kx] = [oc][r], y/dy [b][oc][oy][ox] = [b][oc][p],
 * col [r][p] with r = ic * K * K + ky * K + kx:  col[r][oy * OH + ox] = x[b][ic][oy + ky][ox + kx].
 *
 *   y_b  = w col_b + bias                        (gemmNN, vectorised over p)
 *   dw  += dy_b colT_b,  db += sum_p dy_b         (more than one input map: gemmNN, vectorised over r,
 *                                                  colT_b = col_b^T [p][r]; one input map: R = 25 is
 *                                                  too narrow to vectorise, so dy_b col_b^T, gemmNT over p)
 *   dx_b = col2im(w^T dy_b)                       (gemmTN, then the columns added back into the image)
 * `mask` [oc][ic] is 1 for a connected pair, 0 otherwise (LeNet-5's C3 table); masked dw stay 0.
 */
import { gemmNN, gemmNT, gemmTN } from './gemm';

function im2col(x: usize, inChannels: i32, inSize: i32, k: i32, col: usize): void {
  const outSize = inSize - k + 1;
  const tail = outSize & ~3;
  let dst = col;
  for (let ic = 0; ic < inChannels; ic++) {
    for (let ky = 0; ky < k; ky++) {
      for (let kx = 0; kx < k; kx++) {
        for (let oy = 0; oy < outSize; oy++) {
          const src = x + ((<usize>((ic * inSize + oy + ky) * inSize + kx)) << 2);
          let ox = 0;
          for (; ox < tail; ox += 4) v128.store(dst + ((<usize>ox) << 2), v128.load(src + ((<usize>ox) << 2)));
          for (; ox < outSize; ox++) store<f32>(dst + ((<usize>ox) << 2), load<f32>(src + ((<usize>ox) << 2)));
          dst += (<usize>outSize) << 2;
        }
      }
    }
  }
}

/**
 * The columns transposed, colT[p][r] = col[r][p]: for each output cell p = (oy, ox), the K*K window of
 * every input map in order, each kernel row (kx = 0..K-1) copied from one input row. Rows of R floats.
 */
function im2colT(x: usize, inChannels: i32, inSize: i32, k: i32, colT: usize): void {
  const outSize = inSize - k + 1;
  let dst = colT;
  for (let oy = 0; oy < outSize; oy++) {
    for (let ox = 0; ox < outSize; ox++) {
      for (let ic = 0; ic < inChannels; ic++) {
        let src = x + ((<usize>((ic * inSize + oy) * inSize + ox)) << 2);
        for (let ky = 0; ky < k; ky++) {
          // k is 5: four floats as one vector, then the fifth.
          v128.store(dst, v128.load(src));
          store<f32>(dst, load<f32>(src, 16), 16);
          dst += 20;
          src += (<usize>inSize) << 2;
        }
      }
    }
  }
}

function col2im(col: usize, inChannels: i32, inSize: i32, k: i32, dx: usize): void {
  const outSize = inSize - k + 1;
  const tail = outSize & ~3;
  memory.fill(dx, 0, (<usize>(inChannels * inSize * inSize)) << 2);
  let src = col;
  for (let ic = 0; ic < inChannels; ic++) {
    for (let ky = 0; ky < k; ky++) {
      for (let kx = 0; kx < k; kx++) {
        for (let oy = 0; oy < outSize; oy++) {
          const dst = dx + ((<usize>((ic * inSize + oy + ky) * inSize + kx)) << 2);
          let ox = 0;
          for (; ox < tail; ox += 4) {
            const o = (<usize>ox) << 2;
            v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
          }
          for (; ox < outSize; ox++)
            store<f32>(
              dst + ((<usize>ox) << 2),
              load<f32>(dst + ((<usize>ox) << 2)) + load<f32>(src + ((<usize>ox) << 2)),
            );
          src += (<usize>outSize) << 2;
        }
      }
    }
  }
}

/** y (pre-activation) of `batch` images; `col` is scratch of R * P floats. */
export function convForward(
  batch: i32,
  inChannels: i32,
  inSize: i32,
  outChannels: i32,
  k: i32,
  x: usize,
  w: usize,
  bias: usize,
  y: usize,
  col: usize,
): void {
  const outSize = inSize - k + 1,
    plane = outSize * outSize,
    rows = inChannels * k * k;
  for (let b = 0; b < batch; b++) {
    const xb = x + ((<usize>(b * inChannels * inSize * inSize)) << 2);
    const yb = y + ((<usize>(b * outChannels * plane)) << 2);
    for (let oc = 0; oc < outChannels; oc++) {
      const v = f32x4.splat(load<f32>(bias + ((<usize>oc) << 2)));
      const row = yb + ((<usize>(oc * plane)) << 2);
      let p = 0;
      for (; p + 4 <= plane; p += 4) v128.store(row + ((<usize>p) << 2), v);
      for (; p < plane; p++) store<f32>(row + ((<usize>p) << 2), f32x4.extract_lane(v, 0));
    }
    im2col(xb, inChannels, inSize, k, col);
    gemmNN(outChannels, plane, rows, w, col, yb, true);
  }
}

/**
 * The same y through transposed columns, keeping them: colT_b [P][R] at `colT` + b R P (for the backward
 * pass), y_b^T = colT_b w^T (gemmNN, summed over r in the same order as convForward, so y is the same
 * bit for bit), then transposed into y_b. `wT` is scratch of R * OC floats, `yT` of P * OC.
 */
export function convForwardKeep(
  batch: i32,
  inChannels: i32,
  inSize: i32,
  outChannels: i32,
  k: i32,
  x: usize,
  w: usize,
  bias: usize,
  y: usize,
  colT: usize,
  wT: usize,
  yT: usize,
): void {
  const outSize = inSize - k + 1,
    plane = outSize * outSize,
    rows = inChannels * k * k;
  for (let oc = 0; oc < outChannels; oc++) {
    for (let r = 0; r < rows; r++) {
      store<f32>(wT + ((<usize>(r * outChannels + oc)) << 2), load<f32>(w + ((<usize>(oc * rows + r)) << 2)));
    }
  }
  for (let b = 0; b < batch; b++) {
    const xb = x + ((<usize>(b * inChannels * inSize * inSize)) << 2);
    const yb = y + ((<usize>(b * outChannels * plane)) << 2);
    const cb = colT + ((<usize>(b * rows * plane)) << 2);
    for (let p = 0; p < plane; p++) memory.copy(yT + ((<usize>(p * outChannels)) << 2), bias, (<usize>outChannels) << 2);
    im2colT(xb, inChannels, inSize, k, cb);
    gemmNN(plane, outChannels, rows, cb, wT, yT, true);
    for (let p = 0; p < plane; p++) {
      for (let oc = 0; oc < outChannels; oc++) {
        store<f32>(yb + ((<usize>(oc * plane + p)) << 2), load<f32>(yT + ((<usize>(p * outChannels + oc)) << 2)));
      }
    }
  }
}

/**
 * Accumulates dw and db (zeroed by the caller) and, when `dx` is not 0, overwrites dx.
 * `col` and `dcol` are scratch of R * P floats each.
 */
export function convBackward(
  batch: i32,
  inChannels: i32,
  inSize: i32,
  outChannels: i32,
  k: i32,
  x: usize,
  w: usize,
  dy: usize,
  dw: usize,
  db: usize,
  dx: usize,
  mask: usize,
  col: usize,
  dcol: usize,
  kept: usize,
): void {
  const outSize = inSize - k + 1,
    plane = outSize * outSize,
    rows = inChannels * k * k;
  for (let b = 0; b < batch; b++) {
    const xb = x + ((<usize>(b * inChannels * inSize * inSize)) << 2);
    const dyb = dy + ((<usize>(b * outChannels * plane)) << 2);
    for (let oc = 0; oc < outChannels; oc++) {
      const row = dyb + ((<usize>(oc * plane)) << 2);
      let s = f32x4.splat(0);
      let p = 0;
      for (; p + 4 <= plane; p += 4) s = f32x4.add(s, v128.load(row + ((<usize>p) << 2)));
      let total =
        f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1) + f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3);
      for (; p < plane; p++) total += load<f32>(row + ((<usize>p) << 2));
      const dbp = db + ((<usize>oc) << 2);
      store<f32>(dbp, load<f32>(dbp) + total);
    }
    if (kept != 0) {
      gemmNN(outChannels, rows, plane, dyb, kept + ((<usize>(b * rows * plane)) << 2), dw, true);
    } else if (inChannels > 1) {
      im2colT(xb, inChannels, inSize, k, col);
      gemmNN(outChannels, rows, plane, dyb, col, dw, true);
    } else {
      im2col(xb, inChannels, inSize, k, col);
      gemmNT(outChannels, rows, plane, dyb, col, dw, true);
    }
    if (dx != 0) {
      gemmTN(rows, plane, outChannels, w, dyb, dcol, false);
      col2im(dcol, inChannels, inSize, k, dx + ((<usize>(b * inChannels * inSize * inSize)) << 2));
    }
  }
  const taps = k * k;
  for (let oc = 0; oc < outChannels; oc++) {
    for (let ic = 0; ic < inChannels; ic++) {
      if (load<f32>(mask + ((<usize>(oc * inChannels + ic)) << 2)) != 0) continue;
      memory.fill(dw + ((<usize>((oc * inChannels + ic) * taps)) << 2), 0, (<usize>taps) << 2);
    }
  }
}
