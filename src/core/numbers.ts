/**
 * How readygate writes numbers, in one place: percents to 2 decimals (1 on the page and badges,
 * where space is short), counts grouped by thousands, coverage as "percent (covered/total)".
 */
import type { Counter } from './model.js';

/** 78.4213 -> 78.42; `decimals` 1: 78.4. Trailing zeros go: 80.00 -> 80. */
export function round(value: number, decimals = 2): number {
  return Number(value.toFixed(decimals));
}

/** 78.4213 -> "78.42%", 100 -> "100%"; `decimals` 1: "78.4%". */
export function fmtPct(value: number, decimals = 2): string {
  return `${round(value, decimals)}%`;
}

/**
 * 1234567 -> "1,234,567". Integers are grouped by hand: the first toLocaleString call loads ICU's
 * locale data, which cost a short `readygate check` about a third of a bare Node start.
 */
export function fmtCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** The covered share in percent, unrounded; undefined when there is nothing to cover. */
export function coveredPercent(c: Counter): number | undefined {
  return c.total === 0 ? undefined : (c.covered / c.total) * 100;
}

/** "78.42% (1,234/1,573)", or "n/a" when there is nothing to cover. */
export function fmtCoverage(c: Counter): string {
  const percent = coveredPercent(c);
  return percent === undefined ? 'n/a' : `${fmtPct(percent)} (${fmtCount(c.covered)}/${fmtCount(c.total)})`;
}
