/**
 * The readiness page as one self-contained HTML document: no script, no external resource, a
 * Content-Security-Policy that allows only its own stylesheet, light and dark, readable at 375 px.
 * Every value from a report, a roadmap or GitHub goes through `esc`, so names, gate messages and
 * roadmap titles are always text.
 *
 * @example renderPageHtml({ repo: 'acme/widgets', report, today: '2026-12-04' })
 */
import { createHash } from 'node:crypto';
import { esc } from './html.js';
import { pageModel, type PageInput, type PageModel } from './page-model.js';
import {
  gapSection,
  gatesSection,
  pullsSection,
  roadmapSection,
  signalsSection,
  statusTag,
  trendSection,
} from './page-html-sections.js';
import { PAGE_CSS } from './page-style.js';

const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}'; img-src data:; base-uri 'none'; form-action 'none'`;

export function renderPageHtml(input: PageInput): string {
  const model = pageModel(input);
  const title = `Readiness: ${input.repo}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    header(model),
    '<main>',
    gapSection(model),
    gatesSection(model),
    trendSection(model),
    roadmapSection(model),
    pullsSection(model),
    signalsSection(model),
    '</main>',
    footer(model),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(model: PageModel): string {
  const r = model.report;
  const ready = r.verdict === 'pass';
  const verdict = ready
    ? statusTag('pass', 'Ready')
    : statusTag(r.verdict === 'warn' ? 'warn' : 'fail', r.verdict === 'warn' ? 'Not ready (warn mode)' : 'Not ready');
  const levels = model.levels
    .map((l) => {
      const state = l.reached ? statusTag('pass', 'reached') : statusTag('fail', 'not reached');
      return `<li><strong>${esc(l.name)}</strong>${l.required ? ' <span class="muted">(required)</span>' : ''} ${state}</li>`;
    })
    .join('');
  return [
    '<header>',
    `<h1>Readiness of ${esc(model.input.repo)}</h1>`,
    `<p class="summary">${verdict} <span>Level reached: <strong>${r.level === null ? 'none' : esc(r.level)}</strong></span> <span>Required: <strong>${esc(r.required)}</strong></span></p>`,
    `<ol class="levels" aria-label="Levels, lowest first">${levels}</ol>`,
    '</header>',
  ].join('\n');
}

function footer(model: PageModel): string {
  const r = model.report;
  const commit = model.input.commit ? ` for commit <code>${esc(model.input.commit)}</code>` : '';
  const branch = r.branch ? ` on <code>${esc(r.branch)}</code>` : '';
  return `<footer><p>readygate ${esc(r.tool.version)} report${commit}${branch}, ${esc(r.mode)} mode; roadmap dates as of ${esc(model.input.today)}.</p></footer>`;
}
