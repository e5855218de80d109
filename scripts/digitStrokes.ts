/**
 * Simple digit shapes drawn as a person would, in pad pixels: what the e2e tests, the soak and the before/after
 * pictures draw with `drawStrokes` (scripts/appBrowser.ts).
 */
export const DIGITS: Record<string, [number, number][][]> = {
  one: [
    [
      [140, 50],
      [138, 140],
      [136, 235],
    ],
  ],
  seven: [
    [
      [70, 60],
      [150, 60],
      [215, 62],
      [170, 150],
      [125, 240],
    ],
  ],
  zero: [
    Array.from({ length: 25 }, (_, i): [number, number] => {
      const a = (i / 24) * 2 * Math.PI;
      return [140 + 55 * Math.sin(a), 140 - 85 * Math.cos(a)];
    }),
  ],
};
