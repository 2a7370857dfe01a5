// Escape class: "Markdown that GitHub turns into actions". Report text quoting `#123`,
// `owner/repo#123`, `GH-123` or an issue URL would cross-reference those issues from every comment,
// summary and check run readygate writes; bidirectional overrides (U+202A–U+202E, U+2066–U+2069)
// would make text read other than it is. The rendered Markdown is parsed (remark + GFM, as GitHub's
// renderer family does) and every text node outside code is checked with GitHub's reference rules.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { emptyTests } from '../../src/core/model.js';
import { buildAnnotations } from '../../src/core/render/annotations.js';
import { cell, code, codeBlock, md, plainLine } from '../../src/core/render/escape.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { finding, lintFinding } from '../helpers/signals.js';
import { reportFrom } from '../helpers/report.js';

const REFERENCES = [
  'fixes #123',
  'see acme/widgets#7',
  'GH-42 and gh-9',
  'https://github.com/acme/widgets/issues/5',
  'github.com/acme/widgets/pull/6#issuecomment-1',
];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const PAYLOAD = `${REFERENCES.join(' ; ')} ; access = "user\u202E \u2066// admin\u2069\u2066"`;

/** What GitHub would turn into a cross-reference in a text node. */
const GITHUB_REFERENCE = [
  /(?:^|[^\w])#\d/,
  /[\w.-]+\/[\w.-]+#\d/,
  /\bGH-\d/i,
  /github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull|discussions)\/\d/i,
];

/** Text outside code spans and blocks, and every link target, of the Markdown as GitHub parses it. */
function linkableText(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const out: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'text') out.push((node as { value: string }).value);
    if (node.type === 'link') out.push((node as { url: string }).url);
  });
  return out;
}

function references(markdown: string): string[] {
  return linkableText(markdown).filter((t) => GITHUB_REFERENCE.some((r) => r.test(t)));
}

describe('references and bidi overrides in rendered report text', () => {
  it('the detector sees what GitHub would link (it can fail)', () => {
    for (const text of REFERENCES) expect(references(text)).not.toEqual([]);
    expect(references('`#123` and\n\n```\nGH-1\n```\n')).toEqual([]);
  });

  it('each escaper leaves nothing to link and no override', () => {
    for (const text of [md(PAYLOAD), cell(PAYLOAD), `| ${cell(PAYLOAD)} |\n| --- |\n| ${cell(PAYLOAD)} |`]) {
      expect(references(text)).toEqual([]);
      expect(BIDI.filter((c) => text.includes(c))).toEqual([]);
    }
    // Code is not linked by GitHub, but an override there disguises text all the same.
    for (const text of [code(PAYLOAD), codeBlock(PAYLOAD), plainLine(PAYLOAD, 1000)])
      expect(BIDI.filter((c) => text.includes(c))).toEqual([]);
    // The words stay readable: only zero-width spaces were added.
    expect(md('fixes #123').replace(/\u200B/g, '')).toBe('fixes #123');
  });

  it('the summary, comment and check run Markdown cross-references nothing and carries no override', () => {
    const tests = emptyTests();
    tests.total = tests.failed = 1;
    tests.failures.push({
      name: `t ${PAYLOAD}`,
      suite: `s ${PAYLOAD}`,
      file: 'src/a.ts',
      line: 1,
      message: `boom ${PAYLOAD}`,
      details: `stack ${PAYLOAD}`,
      kind: 'failure',
    });
    const audit = { findings: [{ ...finding('GHSA-1', 'high', `pkg ${PAYLOAD}`), title: `t ${PAYLOAD}` }] };
    const lint = { findings: [{ ...lintFinding('src/a.ts', 1, 'error'), message: `m ${PAYLOAD}`, rule: `r #1` }] };
    const report = reportFrom(
      { tests, audit, lint },
      { levels: { ready: { tests: { pass_rate: 100 }, audit: { high: 0 }, lint: { errors: 0 } } } },
      [`notice ${PAYLOAD}`],
    );
    const markdown = renderMarkdown(report, { maxChars: 60_000 });
    expect(markdown).toContain('acme/widgets'); // the payload is there, shown
    expect(references(markdown)).toEqual([]);
    expect(BIDI.filter((c) => markdown.includes(c))).toEqual([]);
    // Annotations are plain text (no references there), but overrides would still disguise them.
    const annotations = JSON.stringify(buildAnnotations(report));
    expect(annotations).toContain('acme/widgets');
    expect(BIDI.filter((c) => annotations.includes(c))).toEqual([]);
  });
});
