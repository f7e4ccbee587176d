/**
 * How many navigation entries of these widths fit side by side in `available` pixels: all of
 * them, or as many as leave room for the "More" button that holds the rest.
 */
export function entriesThatFit(
  widths: readonly number[],
  available: number,
  gap: number,
  moreWidth: number,
): number {
  const total = widths.reduce((sum, width, index) => sum + width + (index > 0 ? gap : 0), 0);
  if (total <= available) return widths.length;
  let used = moreWidth;
  let count = 0;
  for (const width of widths) {
    const next = used + gap + width;
    if (next > available) break;
    used = next;
    count++;
  }
  return count;
}
