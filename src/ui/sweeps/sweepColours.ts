/** The sweep charts' colours and lines: one per run (the selected checkpoint first), told apart by dash as well as hue. */
import { rampColour } from '../../viz/colourRamp';
import { cssColour, textOn, type Rgb } from '../closeup/mapShades';

/** Each run's line: colour and dash pattern, in the order of the sweep's runs. */
export const RUN_LINES = [
  { colour: '#ffb347', dash: undefined },
  { colour: '#5cc8ff', dash: '5 3' },
  { colour: '#e6e9ef', dash: '1 3' },
] as const;

/** The line of run `n`. */
export function runLine(n: number): (typeof RUN_LINES)[number] {
  return RUN_LINES[n % RUN_LINES.length];
}

/** The fill of a cell with probability p (dark at 0, warm, pale yellow at 1, as the view's ramp) and the text on it. */
export function probabilityFill(p: number): { fill: string; text: string } {
  const out = [0, 0, 0];
  rampColour(Math.max(0, Math.min(1, p)), out);
  const rgb: Rgb = [out[0], out[1], out[2]];
  return { fill: cssColour(rgb), text: textOn(rgb) };
}
