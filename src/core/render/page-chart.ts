/**
 * The trend chart as inline SVG, one point per commit: line coverage and pass rate on a 0–100%
 * scale, findings on their own chart (a count has no natural top). Series differ in marker shape
 * and dash pattern as well as colour; each point carries a <title> with its commit and value, and
 * the page puts the same numbers in a table for readers who cannot see the chart.
 */
import { round } from '../numbers.js';
import { esc } from './html.js';
import type { TrendRow } from './page-trend-data.js';

export interface Series {
  key: 'coverage' | 'passRate' | 'findings';
  name: string;
  unit: '%' | '';
  marker: 'circle' | 'square' | 'diamond';
}

export const PERCENT_SERIES: Series[] = [
  { key: 'coverage', name: 'Line coverage', unit: '%', marker: 'circle' },
  { key: 'passRate', name: 'Pass rate', unit: '%', marker: 'square' },
];
export const FINDINGS_SERIES: Series[] = [{ key: 'findings', name: 'Findings', unit: '', marker: 'diamond' }];

const W = 400;
const H = 200;
const PAD = { left: 40, right: 12, top: 12, bottom: 30 };

/** An SVG chart of `series` over `rows`; `id` makes its title and description ids unique on the page. */
export function trendChart(id: string, title: string, rows: readonly TrendRow[], series: readonly Series[]): string {
  const percent = series.every((s) => s.unit === '%');
  const values = rows.flatMap((r) => series.map((s) => r[s.key]).filter((v): v is number => v !== undefined));
  const top = percent ? 100 : niceTop(Math.max(0, ...values));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (rows.length === 1 ? plotW / 2 : (plotW * i) / (rows.length - 1));
  const y = (v: number) => PAD.top + plotH - (top === 0 ? 0 : (plotH * v) / top);
  const out: string[] = [
    `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-t">${esc(title)}</title>`,
    `<desc id="${id}-d">${esc(describe(rows, series))}</desc>`,
  ];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const v = top * tick;
    out.push(
      `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(y(v))}" y2="${f(y(v))}"/>`,
      `<text class="tick" x="${PAD.left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${esc(fmt(v, percent ? '%' : ''))}</text>`,
    );
  }
  const every = Math.max(1, Math.ceil(rows.length / 8));
  rows.forEach((r, i) => {
    if (i % every === 0 || i === rows.length - 1)
      out.push(
        `<text class="tick" x="${f(x(i))}" y="${H - 10}" text-anchor="${anchor(i, rows.length)}">${esc(shortCommit(r.commit))}</text>`,
      );
  });
  for (const s of series) {
    const pts = rows.flatMap((r, i) => (r[s.key] === undefined ? [] : [{ r, i, v: r[s.key]! }]));
    if (pts.length > 1)
      out.push(`<polyline class="line s-${s.key}" points="${pts.map((p) => `${f(x(p.i))},${f(y(p.v))}`).join(' ')}"/>`);
    for (const p of pts) {
      const label = `${p.r.commit}${p.r.date ? ` (${p.r.date})` : ''}: ${s.name.toLowerCase()} ${fmt(p.v, s.unit)}`;
      out.push(
        `<g class="point s-${s.key}" data-series="${s.key}" data-commit="${esc(p.r.commit)}">${marker(s.marker, x(p.i), y(p.v))}<title>${esc(label)}</title></g>`,
      );
    }
  }
  out.push('</svg>');
  return out.join('');
}

function marker(kind: Series['marker'], cx: number, cy: number): string {
  if (kind === 'circle') return `<circle cx="${f(cx)}" cy="${f(cy)}" r="4"/>`;
  if (kind === 'square') return `<rect x="${f(cx - 3.5)}" y="${f(cy - 3.5)}" width="7" height="7"/>`;
  return `<path d="M${f(cx)} ${f(cy - 5)}L${f(cx + 5)} ${f(cy)}L${f(cx)} ${f(cy + 5)}L${f(cx - 5)} ${f(cy)}Z"/>`;
}

function describe(rows: readonly TrendRow[], series: readonly Series[]): string {
  if (rows.length === 0) return 'No data.';
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const parts = series.map((s) => {
    const a = first[s.key];
    const b = last[s.key];
    if (b === undefined) return `${s.name}: no data for the latest commit`;
    return a === undefined || rows.length === 1
      ? `${s.name} ${fmt(b, s.unit)}`
      : `${s.name} from ${fmt(a, s.unit)} to ${fmt(b, s.unit)}`;
  });
  return `${rows.length} commit${rows.length === 1 ? '' : 's'}, oldest first. ${parts.join('; ')}. The table below has every value.`;
}

export function fmt(v: number, unit: string): string {
  return `${round(v, 1)}${unit}`;
}

export function shortCommit(commit: string): string {
  return /^[0-9a-f]{12,40}$/i.test(commit)
    ? commit.slice(0, 7)
    : commit.length > 12
      ? `${commit.slice(0, 11)}…`
      : commit;
}

/** A top for a count axis whose four steps are whole, round numbers (1, 2 or 5 × 10^k). */
function niceTop(max: number): number {
  if (max <= 4) return 4;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return step * 4;
}

/** Commit labels at the chart's edges are anchored inwards so they are not cut off. */
function anchor(i: number, count: number): string {
  if (count === 1) return 'middle';
  return i === 0 ? 'start' : i === count - 1 ? 'end' : 'middle';
}

function f(n: number): string {
  return String(round(n, 1));
}
