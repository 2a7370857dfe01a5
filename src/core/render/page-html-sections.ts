/** The readiness page's sections, each a landmark-labelled <section> with a heading. */
import type { ReportV1 } from '../report-schema.js';
import { esc, safeHref } from './html.js';
import { FINDINGS_SERIES, PERCENT_SERIES, fmt, trendChart } from './page-chart.js';
import { STATUS_MARK, STATUS_WORD, gateDelta, gateThreshold, gateValue } from './page-format.js';
import { fmtPct, round } from '../numbers.js';
import { isBlocking, type PageModel } from './page-model.js';

type Status = 'pass' | 'fail' | 'warn' | 'skip';

/** A status written as a mark and a word, coloured as well: never colour alone. */
export function statusTag(status: Status, text: string = STATUS_WORD[status]): string {
  return `<span class="status ${status}">${STATUS_MARK[status]} ${esc(text)}</span>`;
}

function section(id: string, title: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>\n${body}\n</section>`;
}

function table(caption: string, head: string[], rows: string[], numeric: number[] = [], stack = false): string {
  const th = head.map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  return `<div class="scroll" tabindex="0" role="region" aria-label="${esc(caption)}"><table${stack ? ' class="stack"' : ''}><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

export function gapSection(m: PageModel): string {
  const missing = m.levels.filter((l) => !l.reached);
  if (missing.length === 0) return section('gap', 'Production readiness gap', '<p>Every level is reached.</p>');
  const parts = missing.map((l) => {
    const head = `<h3>${esc(l.name)}${l.required ? ' (required)' : ''}: not reached</h3>`;
    if (l.blockers.length === 0)
      return `${head}<p>Its own gates pass; it needs <strong>${esc(l.needsLower ?? 'a lower level')}</strong> first.</p>`;
    const items = l.blockers
      .map((g) => `<li>${statusTag(g.status)} <code>${esc(g.id)}</code>: ${esc(g.message)}</li>`)
      .join('');
    return `${head}<ul>${items}</ul>`;
  });
  if (m.roadmapBlockers.length > 0) {
    const items = m.roadmapBlockers
      .map(
        (b) =>
          `<li><code>${esc(b.key)}</code> ${esc(b.title)} <span class="muted">(${esc(b.status.replace('_', ' '))}${b.milestone ? `, ${esc(b.milestone)}` : ''})</span></li>`,
      )
      .join('');
    parts.push(`<h3>Roadmap items blocking ${esc(m.next ?? '')}</h3><ul>${items}</ul>`);
  }
  return section('gap', 'Production readiness gap', parts.join('\n'));
}

export function gatesSection(m: PageModel): string {
  if (m.gates.length === 0) return section('gates', 'Gates', '<p>No gates are configured.</p>');
  const rows = m.gates.map((g) => {
    const failing = isBlocking(g, m.report) || g.status === 'fail';
    return (
      `<tr class="${failing ? 'failing' : ''}" data-gate="${esc(g.id)}" data-status="${g.status}">` +
      `<th scope="row"><code>${esc(g.id)}</code><span class="msg">${esc(g.message)}</span></th>` +
      `<td data-label="Level">${g.level === null ? 'all' : esc(g.level)}</td><td data-label="Status">${statusTag(g.status)}</td>` +
      `<td class="num" data-label="Actual">${esc(gateValue(g.actual, g.unit))}</td><td class="num" data-label="Threshold">${esc(gateThreshold(g))}</td>` +
      `<td class="num" data-label="Change">${esc(gateDelta(g.delta) || '–')}</td></tr>`
    );
  });
  return section(
    'gates',
    'Gates',
    table(
      'Each gate: actual value, threshold and change against the base',
      ['Gate', 'Level', 'Status', 'Actual', 'Threshold', 'Change'],
      rows,
      [3, 4, 5],
      true,
    ),
  );
}

export function trendSection(m: PageModel): string {
  const rows = m.trend;
  const legend = [...PERCENT_SERIES, ...FINDINGS_SERIES]
    .map((s) => `<li><span class="key s-${s.key}" aria-hidden="true"></span>${esc(s.name)}</li>`)
    .join('');
  const cell = (v: number | undefined, unit: string) =>
    `<td class="num">${v === undefined ? '–' : esc(fmt(v, unit))}</td>`;
  const data = rows.map(
    (r) =>
      `<tr><th scope="row"><code>${esc(r.commit)}</code>${r.date ? ` <span class="muted">${esc(r.date)}</span>` : ''}</th>${cell(r.coverage, '%')}${cell(r.passRate, '%')}${cell(r.findings, '')}</tr>`,
  );
  const body = [
    `<p class="muted">One point per commit, oldest first (${rows.length} commit${rows.length === 1 ? '' : 's'}). Findings are vulnerabilities not ignored plus lint errors and warnings.</p>`,
    `<ul class="legend">${legend}</ul>`,
    trendChart('trend-pct', 'Line coverage and pass rate per commit', rows, PERCENT_SERIES),
    trendChart('trend-findings', 'Findings per commit', rows, FINDINGS_SERIES),
    `<details><summary>The trend as a table</summary>${table('Trend per commit', ['Commit', 'Line coverage', 'Pass rate', 'Findings'], data, [1, 2, 3])}</details>`,
  ];
  return section('trend', 'Trend', body.join('\n'));
}

export function roadmapSection(m: PageModel): string {
  if (m.milestones.length === 0) return '';
  const rows = m.milestones.map((ms) => {
    const share = ms.total === 0 ? 0 : (ms.done / ms.total) * 100;
    const complete = ms.total > 0 && ms.done === ms.total;
    const state = complete
      ? statusTag('pass', 'done')
      : ms.overdue
        ? statusTag('fail', 'overdue')
        : statusTag('skip', 'open');
    const bar = `<svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="6"/><rect class="fill${ms.overdue ? ' late' : ''}" width="${round(share, 1)}" height="6"/></svg>`;
    return `<tr${ms.overdue ? ' class="failing"' : ''}><th scope="row">${esc(ms.title)}</th><td>${ms.due ? esc(ms.due) : '–'}</td><td class="num">${ms.done}/${ms.total} (${fmtPct(share, 1)})${bar}</td><td>${state}</td></tr>`;
  });
  return section(
    'roadmap',
    'Roadmap',
    table(`Milestones (overdue as of ${m.input.today})`, ['Milestone', 'Due', 'Done', 'State'], rows, [2]),
  );
}

export function pullsSection(m: PageModel): string {
  const pulls = m.input.pulls;
  if (!pulls || pulls.length === 0) return '';
  const rows = pulls.map((p) => {
    const href = safeHref(p.url);
    const num = href ? `<a href="${href}">#${p.number}</a>` : `#${p.number}`;
    const status: Status = p.verdict === 'pending' ? 'skip' : p.verdict;
    const word =
      p.verdict === 'pass'
        ? 'ready'
        : p.verdict === 'pending'
          ? 'pending'
          : p.verdict === 'warn'
            ? 'warn'
            : 'not ready';
    return `<tr><th scope="row">${num}</th><td>${esc(p.title)}</td><td>${statusTag(status, word)}</td><td>${p.level ? esc(p.level) : '–'}</td></tr>`;
  });
  return section(
    'pulls',
    'Open pull requests',
    table('Open pull requests and their verdicts', ['Pull request', 'Title', 'Verdict', 'Level'], rows),
  );
}

export function signalsSection(m: PageModel): string {
  const s = m.report.signals;
  const rows: [string, string][] = [];
  const counter = (c: { covered: number; total: number } | undefined) =>
    c && c.total > 0 ? `${fmtPct((c.covered / c.total) * 100, 1)} (${c.covered}/${c.total})` : undefined;
  if (s.coverage) {
    const parts = [
      ['lines', s.coverage.lines],
      ['branches', s.coverage.branches],
      ['functions', s.coverage.functions],
      ['patch', s.coverage.patch],
    ] as const;
    rows.push([
      'Coverage',
      parts.flatMap(([n, c]) => (counter(c) ? [`${n} ${counter(c)}`] : [])).join(' · ') || 'no data',
    ]);
  }
  if (s.tests)
    rows.push([
      'Tests',
      `${s.tests.passed}/${s.tests.passed + s.tests.failed} passed · ${s.tests.failed} failed · ${s.tests.skipped} skipped`,
    ]);
  if (s.audit)
    rows.push([
      'Audit',
      `${s.audit.critical} critical · ${s.audit.high} high · ${s.audit.moderate} moderate · ${s.audit.low} low · ${s.audit.ignored} ignored`,
    ]);
  if (s.lint) rows.push(['Lint', `${s.lint.errors} errors · ${s.lint.warnings} warnings`]);
  if (s.roadmap)
    rows.push([
      'Roadmap',
      `${s.roadmap.done}/${s.roadmap.total} done · ${s.roadmap.in_progress} in progress · ${s.roadmap.blocked} blocked`,
    ]);
  const body = [
    table(
      'Signal totals',
      ['Signal', 'Result'],
      rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`),
    ),
  ];
  body.push(...problems(m.report));
  return section('signals', 'Signals', body.join('\n'));
}

function problems(r: ReportV1): string[] {
  const out: string[] = [];
  if (r.errors.length > 0)
    out.push(
      `<h3>Reports that could not be read</h3><ul>${r.errors.map((e) => `<li><code>${esc(e.path)}${e.line ? `:${e.line}` : ''}</code>: ${esc(e.message)}</li>`).join('')}</ul>`,
    );
  if (r.notices.length > 0) out.push(`<h3>Notices</h3><ul>${r.notices.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  return out;
}
