/** Median of timing samples. */

/** The middle value (upper middle for an even count); throws on an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no samples');
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
