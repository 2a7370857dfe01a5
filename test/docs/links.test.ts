// Every link in the repository's Markdown resolves: a relative link names a file inside the
// repository, and an anchor names a heading of its target (as GitHub makes heading anchors). Links
// to this repository on github.com are read the same way; other sites are not fetched (no network).
// The starter config `readygate init` writes links the README too, so it is checked here as well.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Heading, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { cli, tempRepo } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OWN_REPO =
  /^https:\/\/github\.com\/readygate\/readygate(?:\/(?:blob|tree)\/[^/]+)?(?<path>\/[^#?]*)?(?:#(?<anchor>.*))?$/;

const parse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text) as Root;

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const text = readFileSync(file, 'utf8');
  visit(parse(text), 'heading', (h: Heading) => {
    const slug = toString(h)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  });
  for (const m of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(m[1]!);
  return out;
}

/** What is wrong with `url` written in `from` (a file in the repository), or undefined. */
function brokenLink(from: string, url: string): string | undefined {
  let path: string;
  let anchor: string | undefined;
  const own = OWN_REPO.exec(url);
  if (own) {
    path = join(ROOT, own.groups?.['path'] ?? '/README.md');
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory() && own.groups?.['path'] === undefined)
      path = join(path, 'README.md');
    anchor = own.groups?.['anchor'];
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return undefined; // another site, or mailto:
  } else {
    const [p, a] = url.split('#') as [string, string | undefined];
    path = p === '' ? from : resolve(dirname(from), decodeURI(p));
    anchor = a;
  }
  const rel = relative(ROOT, path);
  if (rel.startsWith('..')) return `${url}: leaves the repository`;
  if (!existsSync(path)) return `${url}: no file ${rel}`;
  if (anchor && path.endsWith('.md') && !anchors(path).has(decodeURIComponent(anchor)))
    return `${url}: no heading #${anchor} in ${rel}`;
  return undefined;
}

function linksIn(text: string): string[] {
  const urls: string[] = [];
  visit(parse(text), 'link', (l: Link) => {
    urls.push(l.url);
  });
  for (const m of text.matchAll(/<(?:a|img)\s[^>]*(?:href|src)="([^"]+)"/g)) urls.push(m[1]!);
  return urls;
}

describe('links', () => {
  const files = execFileSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f !== '' && !f.startsWith('test/fixtures/'));

  it.each(files)('in %s resolve', (file) => {
    const path = join(ROOT, file);
    const broken = linksIn(readFileSync(path, 'utf8'))
      .map((url) => brokenLink(path, url))
      .filter(Boolean);
    expect(broken).toEqual([]);
  });

  it('in the starter config readygate init writes resolve', async () => {
    const dir = tempRepo({ 'junit.xml': '<testsuites/>' });
    expect((await cli(['init'], dir)).code).toBe(0);
    const config = readFileSync(join(dir, '.github/readygate.yml'), 'utf8');
    const urls = [...config.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.map((url) => brokenLink(join(ROOT, 'README.md'), url)).filter(Boolean)).toEqual([]);
  });
});
