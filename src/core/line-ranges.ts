/**
 * Line numbers as inclusive ranges: how patch coverage names the changed lines no test ran
 * (`src/cart.js:14-17, 22`) and how a report carries per-line coverage compactly.
 */

/** An inclusive range of line numbers, `[start, end]` with start ≤ end. */
export type LineRange = [start: number, end: number];

/**
 * Merges ascending line numbers into ranges of consecutive lines: `[14, 15, 16, 17, 22]` →
 * `[[14, 17], [22, 22]]`. Duplicates are merged; the input must be ascending.
 */
export function toRanges(lines: Iterable<number>): LineRange[] {
  const out: LineRange[] = [];
  let current: LineRange | undefined;
  for (const line of lines) {
    if (current && line <= current[1] + 1) current[1] = Math.max(current[1], line);
    else out.push((current = [line, line]));
  }
  return out;
}

/** How many lines the ranges hold. */
export function countLines(ranges: readonly LineRange[]): number {
  let n = 0;
  for (const [start, end] of ranges) n += end - start + 1;
  return n;
}

/** `14-17, 22`; with `max`, the first `max` ranges and "… (K more)" for the rest. */
export function formatRanges(ranges: readonly LineRange[], max = Infinity): string {
  const shown = ranges.slice(0, max).map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`));
  const more = ranges.length - shown.length;
  return more > 0 ? `${shown.join(', ')} … (${more} more)` : shown.join(', ');
}

/** Calls `fn` for every line of the ranges, in order. */
export function forEachLine(ranges: readonly LineRange[], fn: (line: number) => void): void {
  for (const [start, end] of ranges) for (let line = start; line <= end; line++) fn(line);
}
