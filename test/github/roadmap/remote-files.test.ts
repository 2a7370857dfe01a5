// Roadmap files read through the API at a commit: the tree matched against the globs (never
// node_modules), a truncated tree read only for the names without wildcards (and said), and a
// cap on how many files are read (said too).
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { MAX_FILES, readRoadmapFiles, roadmapMatcher } from '../../../src/github/roadmap/remote-files.js';
import { API, REPO, SHA, testOctokit } from '../helpers.js';

const content = (text: string) => ({ type: 'file', encoding: 'base64', content: Buffer.from(text).toString('base64') });

function tree(paths: string[], truncated = false) {
  return nock(API)
    .get(`/repos/acme/widgets/git/trees/${SHA}`)
    .query({ recursive: 'true' })
    .reply(200, { sha: SHA, truncated, tree: paths.map((path) => ({ path, type: 'blob' })) });
}

describe('readRoadmapFiles', () => {
  it('reads the files the globs match, sorted, and nothing under node_modules', async () => {
    const scope = tree(['b/plan.md', 'ROADMAP.md', 'node_modules/x/ROADMAP.md', 'a/plan.md', 'a/plan.txt'])
      .get('/repos/acme/widgets/contents/ROADMAP.md')
      .query({ ref: SHA })
      .reply(200, content('# R'))
      .get('/repos/acme/widgets/contents/a%2Fplan.md')
      .query({ ref: SHA })
      .reply(200, content('# A'))
      .get('/repos/acme/widgets/contents/b%2Fplan.md')
      .query({ ref: SHA })
      .reply(200, content('# B'));
    const read = await readRoadmapFiles(testOctokit(), REPO, SHA, ['ROADMAP.md', '*/plan.md', '**/ROADMAP.md']);
    expect(scope.isDone()).toBe(true);
    expect(read).toEqual({
      sources: [
        { file: 'ROADMAP.md', text: '# R' },
        { file: 'a/plan.md', text: '# A' },
        { file: 'b/plan.md', text: '# B' },
      ],
      warnings: [],
    });
  });

  it('a truncated tree: also the literal names, and a warning that wildcards were not expanded fully', async () => {
    const scope = tree(['docs/x.md'], true)
      .get('/repos/acme/widgets/contents/docs%2Fx.md')
      .query({ ref: SHA })
      .reply(200, content('# X'))
      .get('/repos/acme/widgets/contents/ROADMAP.md')
      .query({ ref: SHA })
      .reply(404, { message: 'Not Found' });
    const read = await readRoadmapFiles(testOctokit(), REPO, SHA, ['ROADMAP.md', 'docs/*.md']);
    expect(scope.isDone()).toBe(true);
    expect(read.sources).toEqual([{ file: 'docs/x.md', text: '# X' }]);
    expect(read.warnings).toEqual([
      `the tree of ${SHA.slice(0, 7)} is too large for GitHub to list whole: only the roadmap files named without wildcards were read (ROADMAP.md)`,
    ]);
  });

  it(`reads at most ${MAX_FILES} files and says how many matched`, async () => {
    const paths = Array.from({ length: MAX_FILES + 3 }, (_, i) => `plans/${String(i).padStart(3, '0')}.md`);
    let scope = tree(paths);
    for (const path of paths.slice(0, MAX_FILES))
      scope = scope
        .get(`/repos/acme/widgets/contents/${encodeURIComponent(path)}`)
        .query({ ref: SHA })
        .reply(200, content(path));
    const read = await readRoadmapFiles(testOctokit(), REPO, SHA, ['plans/*.md']);
    expect(scope.isDone()).toBe(true);
    expect(read.sources).toHaveLength(MAX_FILES);
    expect(read.warnings).toEqual([
      `${MAX_FILES + 3} files match roadmap.files: only the first ${MAX_FILES} were read`,
    ]);
  });

  it('the matcher is the glob semantics `readygate roadmap` uses on disk', () => {
    const match = roadmapMatcher(['docs/**/*.md']);
    expect(['docs/a.md', 'docs/x/y/b.md', 'docs/node_modules/c.md', 'src/d.md'].filter(match)).toEqual([
      'docs/a.md',
      'docs/x/y/b.md',
    ]);
  });
});
