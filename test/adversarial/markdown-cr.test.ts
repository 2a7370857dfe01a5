// A lone carriage return ends a line for CommonMark as much as a line feed does. Report text that
// carries one (a failure's details, a lint message, a package name) must not end a list item,
// a code block or a table early and let the rest be read as Markdown or HTML.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { emptyTests } from '../../src/core/model.js';
import { cell, code, codeBlock, md, plainText } from '../../src/core/render/escape.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { finding } from '../helpers/signals.js';
import { reportFrom } from '../helpers/report.js';

const PAYLOAD =
  '<img src=https://tracker.example/p.png><!-- readygate:comment readygate --> @acme/security-team <a href=https://evil.example>re-run</a>\n# Injected';

/** Node types of the Markdown tree GitHub's parser family builds from `markdown`. */
function nodeTypes(markdown: string): {
  types: Set<string>;
  html: string[];
  headings: string[];
  hiddenLinks: string[];
} {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const types = new Set<string>();
  const html: string[] = [];
  const headings: string[] = [];
  const hiddenLinks: string[] = [];
  visit(tree, (node) => {
    types.add(node.type);
    if (node.type === 'html') html.push((node as { value: string }).value);
    if (node.type === 'heading') headings.push(JSON.stringify(node));
    // A bare URL in text is autolinked by GFM and shows itself; a link whose text hides its target is an injection.
    if (node.type === 'link') {
      const link = node as { url: string; children: { value?: string }[] };
      if (link.children.map((c) => c.value ?? '').join('') !== link.url) hiddenLinks.push(link.url);
    }
  });
  return { types, html, headings, hiddenLinks };
}

describe('a lone carriage return in report text', () => {
  it('is a line feed, and other control characters are replaced, before any escaping', () => {
    expect(plainText('a\rb\r\nc\u0007d\u009be\tf')).toBe('a\nb\nc\uFFFDd\uFFFDe\tf');
    expect(md('x\r# y')).toBe('x # y');
    expect(cell('pkg\r# Injected')).toBe('pkg<br># Injected');
    expect(code('a\rb')).toBe('`a b`');
    expect(codeBlock('a\rb')).toBe('```\na\nb\n```');
  });

  it('cannot end the failure list, its code block or a table early in the rendered summary', () => {
    const tests = emptyTests();
    tests.total = tests.failed = 1;
    tests.failures.push({
      name: `t\r${PAYLOAD}`,
      file: 'src/a.ts',
      line: 1,
      message: `boom\r${PAYLOAD}`,
      details: `stack\r${PAYLOAD}`,
      kind: 'failure',
    });
    const audit = {
      findings: [{ ...finding('GHSA-1', 'high', `pkg\r${PAYLOAD}`), title: `t\r${PAYLOAD}`, version: `1\r${PAYLOAD}` }],
    };
    const report = reportFrom(
      { tests, audit },
      { levels: { ready: { tests: { pass_rate: 100 }, audit: { high: 0 } } } },
      [],
    );
    const markdown = renderMarkdown(report, { maxChars: 60_000 });
    const { types, html, headings, hiddenLinks } = nodeTypes(markdown);
    expect(types.has('image')).toBe(false);
    expect(hiddenLinks).toEqual([]);
    // The only HTML is readygate's own: its details/summary wrappers and its marker at the end.
    expect(html.filter((h) => /img|<a |evil|tracker|readygate:comment/.test(h))).toEqual([]);
    expect(headings.filter((h) => h.includes('Injected'))).toEqual([]);
  });
});
