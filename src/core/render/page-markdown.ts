/**
 * The readiness page as GitHub Markdown, for a README or a wiki: the same model as the HTML page,
 * every interpolated value escaped with the summary's escaping (HTML, Markdown syntax, table pipes,
 * @mentions). The trend is a table, one row per commit.
 */
import { cell, code, md } from './escape.js';
import { fmt } from './page-chart.js';
import { STATUS_MARK, STATUS_WORD, gateDelta, gateThreshold, gateValue } from './page-format.js';
import { fmtPct } from '../numbers.js';
import { pageModel, type PageInput, type PageModel } from './page-model.js';

type Status = keyof typeof STATUS_WORD;

const tag = (status: Status, word: string = STATUS_WORD[status]) => `${STATUS_MARK[status]} ${word}`;

export function renderPageMarkdown(input: PageInput): string {
  const m = pageModel(input);
  const out = [...header(m), ...gap(m), ...gates(m), ...trend(m), ...roadmap(m), ...pulls(m)];
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function header(m: PageModel): string[] {
  const r = m.report;
  const verdict =
    r.verdict === 'pass'
      ? tag('pass', 'Ready')
      : r.verdict === 'warn'
        ? tag('warn', 'Not ready (warn mode)')
        : tag('fail', 'Not ready');
  const levels = m.levels.map(
    (l) =>
      `${md(l.name)}${l.required ? ' (required)' : ''} ${l.reached ? tag('pass', 'reached') : tag('fail', 'not reached')}`,
  );
  return [
    `# Readiness of ${md(m.input.repo)}`,
    '',
    `**${verdict}**: level reached **${r.level === null ? 'none' : md(r.level)}**, required **${md(r.required)}**.`,
    '',
    `Levels, lowest first: ${levels.join(' → ')}`,
    '',
  ];
}

function gap(m: PageModel): string[] {
  const out = ['## Production readiness gap', ''];
  const missing = m.levels.filter((l) => !l.reached);
  if (missing.length === 0) return [...out, 'Every level is reached.', ''];
  for (const l of missing) {
    out.push(`### ${md(l.name)}${l.required ? ' (required)' : ''}: not reached`, '');
    if (l.blockers.length === 0)
      out.push(`Its own gates pass; it needs **${md(l.needsLower ?? 'a lower level')}** first.`);
    for (const g of l.blockers) out.push(`- ${tag(g.status)} ${code(g.id)}: ${md(g.message)}`);
    out.push('');
  }
  if (m.roadmapBlockers.length > 0) {
    out.push(`### Roadmap items blocking ${md(m.next ?? '')}`, '');
    for (const b of m.roadmapBlockers)
      out.push(
        `- ${code(b.key)} ${md(b.title)} (${md(b.status.replace('_', ' '))}${b.milestone ? `, ${md(b.milestone)}` : ''})`,
      );
    out.push('');
  }
  return out;
}

function gates(m: PageModel): string[] {
  if (m.gates.length === 0) return ['## Gates', '', 'No gates are configured.', ''];
  const rows = m.gates.map(
    (g) =>
      `| ${code(g.id, true)} | ${g.level === null ? 'all' : cell(g.level)} | ${tag(g.status)} | ${cell(gateValue(g.actual, g.unit))} | ${cell(gateThreshold(g))} | ${cell(gateDelta(g.delta) || '–')} | ${cell(g.message)} |`,
  );
  return [
    '## Gates',
    '',
    '| Gate | Level | Status | Actual | Threshold | Change | Message |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
    ...rows,
    '',
  ];
}

function trend(m: PageModel): string[] {
  const value = (v: number | undefined, unit: string) => (v === undefined ? '–' : fmt(v, unit));
  const rows = m.trend.map(
    (r) =>
      `| ${code(r.commit, true)}${r.date ? ` ${cell(r.date)}` : ''} | ${value(r.coverage, '%')} | ${value(r.passRate, '%')} | ${value(r.findings, '')} |`,
  );
  return [
    '## Trend',
    '',
    'One row per commit, oldest first. Findings are vulnerabilities not ignored plus lint errors and warnings.',
    '',
    '| Commit | Line coverage | Pass rate | Findings |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

function roadmap(m: PageModel): string[] {
  if (m.milestones.length === 0) return [];
  const rows = m.milestones.map((ms) => {
    const share = ms.total === 0 ? 0 : (ms.done / ms.total) * 100;
    const state =
      ms.total > 0 && ms.done === ms.total
        ? tag('pass', 'done')
        : ms.overdue
          ? tag('fail', 'overdue')
          : tag('skip', 'open');
    return `| ${cell(ms.title)} | ${ms.due ? cell(ms.due) : '–'} | ${ms.done}/${ms.total} (${fmtPct(share, 1)}) | ${state} |`;
  });
  return [
    '## Roadmap',
    '',
    `Overdue as of ${md(m.input.today)}.`,
    '',
    '| Milestone | Due | Done | State |',
    '| --- | --- | ---: | --- |',
    ...rows,
    '',
  ];
}

function pulls(m: PageModel): string[] {
  const list = m.input.pulls;
  if (!list || list.length === 0) return [];
  const rows = list.map((p) => {
    const status: Status = p.verdict === 'pending' ? 'skip' : p.verdict;
    const word =
      p.verdict === 'pass'
        ? 'ready'
        : p.verdict === 'pending'
          ? 'pending'
          : p.verdict === 'warn'
            ? 'warn'
            : 'not ready';
    return `| #${p.number} | ${cell(p.title)} | ${tag(status, word)} | ${p.level ? cell(p.level) : '–'} |`;
  });
  return [
    '## Open pull requests',
    '',
    '| Pull request | Title | Verdict | Level |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}
