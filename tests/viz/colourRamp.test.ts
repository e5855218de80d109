/**
 * The view's colour ramps, and whether they stay readable for colour-blind people: every ramp is sampled
 * and checked as seen with normal vision and under simulated protanopia, deuteranopia and tritanopia
 * (Machado, Oliveira & Fernandes 2009, severity 1.0, applied in linear RGB), with CIELAB lightness and
 * CIEDE2000 colour differences against the dark background the view is drawn on.
 */
import { describe, expect, it } from 'vitest';
import {
  BASE_COLOUR,
  deltaT,
  divergingColour,
  divergingGradientCss,
  edgeColour,
  normalise,
  rampColour,
  rampGradientCss,
  rangeOf,
} from '../../src/viz/colourRamp';

type Rgb = readonly [number, number, number];
type Lab = readonly [number, number, number];
type Ramp = (t: number, out: number[]) => void;

/** Machado et al. 2009, severity 1.0: linear RGB -> linear RGB as seen with the deficiency. */
const VISIONS: Record<string, readonly Rgb[]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** The view's background, #0d1017 (NetworkView.tsx). */
const BACKGROUND: Rgb = [0x0d / 255, 0x10 / 255, 0x17 / 255];

const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);

/** CIELAB (D65) of an sRGB colour (the ramps' values are written to the screen as they are) seen with `vision`. */
function labSeen(srgb: readonly number[], vision: string): Lab {
  const linear = srgb.map(toLinear);
  const [r, g, b] = VISIONS[vision].map((row) =>
    Math.min(1, Math.max(0, row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])),
  );
  const x = 0.4124 * r + 0.3576 * g + 0.1805 * b,
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b,
    z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x / 0.95047), f(y), f(z / 1.08883)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIEDE2000 (Sharma, Wu & Dalal 2005). */
function deltaE2000([l1, a1, b1]: Lab, [l2, a2, b2]: Lab): number {
  const rad = Math.PI / 180;
  const chromaMean = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(chromaMean ** 7 / (chromaMean ** 7 + 25 ** 7)));
  const [a1p, a2p] = [(1 + g) * a1, (1 + g) * a2];
  const [c1, c2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const hue = (a: number, b: number) => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const [h1, h2] = [hue(a1p, b1), hue(a2p, b2)];
  let dh = c1 * c2 === 0 ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh / 2) * rad);
  const [lMean, cMean] = [(l1 + l2) / 2, (c1 + c2) / 2];
  let hMean = h1 + h2;
  if (c1 * c2 !== 0) hMean = (Math.abs(h1 - h2) > 180 ? hMean + (hMean < 360 ? 360 : -360) : hMean) / 2;
  const t =
    1 -
    0.17 * Math.cos((hMean - 30) * rad) +
    0.24 * Math.cos(2 * hMean * rad) +
    0.32 * Math.cos((3 * hMean + 6) * rad) -
    0.2 * Math.cos((4 * hMean - 63) * rad);
  const rc = 2 * Math.sqrt(cMean ** 7 / (cMean ** 7 + 25 ** 7));
  const rt = -Math.sin(2 * 30 * Math.exp(-(((hMean - 275) / 25) ** 2)) * rad) * rc;
  const sl = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const [dl, dc] = [(l2 - l1) / sl, (c2 - c1) / (1 + 0.045 * cMean)];
  const dhs = dH / (1 + 0.015 * cMean * t);
  return Math.sqrt(dl ** 2 + dc ** 2 + dhs ** 2 + rt * dc * dhs);
}

/** What a ramp must keep under every vision to count as readable. */
interface Readability {
  /** Moving away from t = 0, the lightness rises ('brighter') or falls ('darker') on both sides. */
  readonly awayFromZero: 'brighter' | 'darker';
  /** Smallest CIEDE2000 between the colours of t and -t for |t| in {0.25, 0.5, 0.75, 1}: the sign is readable. */
  readonly signDifference: number;
  /** Smallest CIEDE2000 between the two ends. */
  readonly endsDifference: number;
  /** Smallest CIEDE2000 between any colour of the ramp and the background. */
  readonly backgroundDifference: number;
}

/** Samples 0.05 apart: neighbours must differ by this much CIEDE2000 (no flat stretch; ~12 per unit of t). */
const STEP = 0.05;
const MIN_STEP_DIFFERENCE = 0.6;

/** Every way `ramp` fails `rules`, one line each (empty when it is readable under every vision). */
function readabilityProblems(ramp: Ramp, rules: Readability): string[] {
  const problems: string[] = [];
  const steps = Math.round(1 / STEP);
  for (const vision of Object.keys(VISIONS)) {
    const seen = (t: number) => {
      const out = [0, 0, 0];
      ramp(t, out);
      return labSeen(out, vision);
    };
    const background = labSeen(BACKGROUND, vision);
    for (const sign of [-1, 1]) {
      // Each side starts just off 0, so a ramp whose hue jumps at 0 (the edges) is judged side by side.
      const side = Array.from({ length: steps + 1 }, (_, k) => seen(sign * Math.max(k * STEP, 1e-9)));
      side.slice(1).forEach((lab, k) => {
        const rise = lab[0] - side[k][0];
        if (rules.awayFromZero === 'brighter' ? rise <= 0 : rise >= 0) {
          problems.push(
            `${vision}: lightness is not ${rules.awayFromZero} from t = ${sign * k * STEP} to ${sign * (k + 1) * STEP} (${side[k][0].toFixed(1)} -> ${lab[0].toFixed(1)})`,
          );
        }
        const step = deltaE2000(side[k], lab);
        if (step < MIN_STEP_DIFFERENCE)
          problems.push(
            `${vision}: flat between t = ${sign * k * STEP} and ${sign * (k + 1) * STEP} (ΔE00 ${step.toFixed(2)})`,
          );
      });
      side.forEach((lab, k) => {
        const away = deltaE2000(lab, background);
        if (away < rules.backgroundDifference)
          problems.push(`${vision}: t = ${sign * k * STEP} is ΔE00 ${away.toFixed(1)} from the background`);
      });
    }
    for (const t of [0.25, 0.5, 0.75, 1]) {
      const difference = deltaE2000(seen(t), seen(-t));
      if (difference < rules.signDifference)
        problems.push(`${vision}: ±${t} differ by ΔE00 ${difference.toFixed(1)} only`);
    }
    const ends = deltaE2000(seen(-1), seen(1));
    if (ends < rules.endsDifference) problems.push(`${vision}: the ends differ by ΔE00 ${ends.toFixed(1)} only`);
  }
  return problems;
}

const ACTIVATION_RULES: Readability = {
  awayFromZero: 'brighter',
  signDifference: 20,
  endsDifference: 30,
  backgroundDifference: 8,
};
const DIVERGING_RULES: Readability = {
  awayFromZero: 'darker',
  signDifference: 20,
  endsDifference: 40,
  backgroundDifference: 30,
};
const EDGE_RULES: Readability = {
  awayFromZero: 'brighter',
  signDifference: 20,
  endsDifference: 40,
  backgroundDifference: 8,
};

describe('the colour-vision checks themselves', () => {
  it('compute CIEDE2000 as Sharma et al. tabulate it', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(deltaE2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 4);
    expect(deltaE2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).toBeCloseTo(0.9082, 4);
  });

  it('see white as L* 100 and black as 0 under every vision, and red and green alike under deuteranopia', () => {
    for (const vision of Object.keys(VISIONS)) {
      expect(labSeen([1, 1, 1], vision)[0]).toBeCloseTo(100, 0);
      expect(labSeen([0, 0, 0], vision)[0]).toBeCloseTo(0, 5);
    }
    const [red, green] = [labSeen([0.8, 0.25, 0.1], 'deuteranopia'), labSeen([0.35, 0.55, 0.1], 'deuteranopia')];
    expect(deltaE2000(red, green)).toBeLessThan(8);
    expect(deltaE2000(labSeen([0.8, 0.25, 0.1], 'normal'), labSeen([0.35, 0.55, 0.1], 'normal'))).toBeGreaterThan(30);
  });

  it('reject a red-green ramp, a ramp whose lightness turns back and one that stays flat', () => {
    const redGreen: Ramp = (t, out) => {
      const end = t < 0 ? [0.1, 0.75, 0.1] : [0.85, 0.1, 0.1];
      for (let k = 0; k < 3; k++) out[k] = BASE_COLOUR[k] + (end[k] - BASE_COLOUR[k]) * Math.min(1, Math.abs(t));
    };
    expect(readabilityProblems(redGreen, DIVERGING_RULES).filter((p) => p.startsWith('deuteranopia'))).toContainEqual(
      expect.stringMatching(/the ends differ/),
    );
    const turnsBack: Ramp = (t, out) => {
      const v = 0.3 + 0.6 * Math.sin(Math.PI * Math.abs(t));
      out.splice(0, 3, v, v * 0.6, 0.2);
    };
    expect(readabilityProblems(turnsBack, ACTIVATION_RULES)).toContainEqual(
      expect.stringMatching(/lightness is not brighter/),
    );
    const flat: Ramp = (t, out) => {
      out.splice(0, 3, t < 0 ? 0.3 : 0.8, 0.4, t < 0 ? 0.8 : 0.3);
    };
    expect(readabilityProblems(flat, ACTIVATION_RULES)).toContainEqual(expect.stringMatching(/flat between/));
  });
});

describe('colour-blind readability of the ramps', () => {
  it('the activation ramp (blue below 0, dark at 0, orange to pale yellow above)', () => {
    expect(readabilityProblems(rampColour, ACTIVATION_RULES)).toEqual([]);
  });

  it("the backward view's diverging ramp (blue, soft white at 0, red)", () => {
    expect(readabilityProblems(divergingColour, DIVERGING_RULES)).toEqual([]);
  });

  it('the edge colours (red-orange positive, blue negative, fading with strength)', () => {
    expect(readabilityProblems(edgeColour, EDGE_RULES)).toEqual([]);
  });
});

describe('the ramp functions', () => {
  it('normalise by the high end above 0 and the low end below, clamped to [-1, 1]', () => {
    expect(normalise(2, [-4, 8])).toBe(0.25);
    expect(normalise(-1, [-4, 8])).toBe(-0.25);
    expect(normalise(20, [-4, 8])).toBe(1);
    expect(normalise(-20, [-4, 8])).toBe(-1);
    expect(normalise(-3, [0, 8])).toBe(0);
    expect(normalise(3, [-4, 0])).toBe(0);
  });

  it('rangeOf always includes 0 and never has a zero high end', () => {
    expect(rangeOf([1, -2, 3])).toEqual([-2, 3]);
    expect(rangeOf([0.5, 2])).toEqual([0, 2]);
    expect(rangeOf([-1, -2])).toEqual([-2, 1e-6]);
  });

  it('deltaT is signed, square-root scaled and clamped', () => {
    expect(deltaT(0.25, 1)).toBe(0.5);
    expect(deltaT(-0.25, 1)).toBe(-0.5);
    expect(deltaT(-4, 1)).toBe(-1);
    expect(deltaT(1, 0)).toBe(0);
  });

  it('write the base colour at 0 and clamp beyond the ends; the diverging ramp reads NaN as 0', () => {
    const at = (ramp: Ramp, t: number) => {
      const out = [0, 0, 0];
      ramp(t, out);
      return out;
    };
    at(rampColour, 0).forEach((v, k) => expect(v).toBeCloseTo(BASE_COLOUR[k], 6));
    expect(at(rampColour, 3)).toEqual(at(rampColour, 1));
    expect(at(rampColour, -3)).toEqual(at(rampColour, -1));
    expect(at(divergingColour, 5)).toEqual(at(divergingColour, 1));
    expect(at(divergingColour, Number.NaN)).toEqual(at(divergingColour, 0));
    expect(at(edgeColour, -2)).toEqual(at(edgeColour, -1));
    const offset = new Float32Array(6);
    divergingColour(1, offset, 3);
    expect(Array.from(offset.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(offset[3]).toBeGreaterThan(0);
  });

  it("draw the legends with the ramps' own colours", () => {
    const stops = (css: string) =>
      [...css.matchAll(/rgb\((\d+),(\d+),(\d+)\) ([\d.]+)%/g)].map((m) => ({
        rgb: [Number(m[1]), Number(m[2]), Number(m[3])],
        t: Number(m[4]) / 50 - 1,
      }));
    for (const [css, ramp] of [
      [rampGradientCss(), rampColour],
      [divergingGradientCss(), divergingColour],
    ] as const) {
      const found = stops(css);
      expect(found.length).toBeGreaterThanOrEqual(5);
      expect(found[0].t).toBe(-1);
      expect(found.at(-1)!.t).toBe(1);
      for (const { rgb, t } of found) {
        const out = [0, 0, 0];
        ramp(t, out);
        expect(rgb).toEqual(out.map((v) => Math.round(v * 255)));
      }
    }
  });
});
