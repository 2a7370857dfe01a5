// Class (#12, false passes): "impossible numbers in a publish artifact: a patch counter of 0/0 with
// a non-empty diff". A fork's artifact that counts no changed coverable line while the pull request
// adds lines to code would pass the patch gate as "the change adds no coverable lines". It is
// refused, saying why, wherever the report's own file lists (coverage.by_file, the per-line data)
// show a changed file holds code, or nothing in the report can tell code from docs; a change to
// docs alone, which honestly gives 0/0, is still judged (and passes the patch gate). The same 0/0
// came out of check mode itself for a coverage report that lists no file at all: that report now
// leaves the changed lines unmeasured, and the gate fails saying so.
import nock from 'nock';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReportV1 } from '../../src/core/report-schema.js';
import { commentMarker } from '../../src/github/comment.js';
import { base64, runWith } from '../action/harness.js';
import { ACTIONS_APP, ACTIONS_BOT, API, BASE_SHA, SHA, sampleReport } from '../github/helpers.js';
import { cli, tempRepo } from '../helpers/cli.js';

const payload = {
  workflow_run: {
    id: 42,
    event: 'pull_request',
    head_sha: SHA,
    head_branch: 'feature',
    head_repository: { full_name: 'forker/widgets' },
    html_url: 'https://github.com/acme/widgets/actions/runs/42',
    pull_requests: [],
  },
  repository: { full_name: 'acme/widgets', default_branch: 'main' },
};
const PATCH_GATE = 'levels:\n  ready:\n    coverage: { patch: 80 }\n';
type Coverage = NonNullable<ReportV1['signals']['coverage']>;
type File = { filename: string; status: string; additions: number; patch: string };

/** The PR's files from the API: 3 added lines in `filename`. */
const changed = (filename: string): File[] => [
  { filename, status: 'modified', additions: 3, patch: '@@ -1,1 +1,4 @@\n a\n+b\n+c\n+d' },
];
const CODE = changed('src/math.js');
const DOCS = changed('docs/guide.md');
const BY_FILE: Coverage['by_file'] = [
  ['src/math.js', 2, 4],
  ['src/util.js', 78, 96],
];

/** The sample report (a passing verdict, no failed test) with `coverage` merged into its coverage. */
function artifact(coverage: Partial<Coverage>): Buffer {
  const r = sampleReport({ verdict: 'pass' });
  const tests = { ...r.signals.tests!, passed: 10, failed: 0, failures: [] };
  const report = { ...r, signals: { ...r.signals, tests, coverage: { ...r.signals.coverage!, ...coverage } } };
  return Buffer.from(zipSync({ 'readygate-report.json': strToU8(JSON.stringify(report)) }));
}

/** The calls a publish run makes up to reading the policy (the PR, the artifact, its files, the policy). */
function upToPolicy(zip: Buffer, files: File[], policy: string) {
  return nock(API)
    .get('/repos/acme/widgets/pulls')
    .query(true)
    .reply(200, [
      { number: 5, head: { sha: SHA, repo: { full_name: 'forker/widgets' } }, base: { sha: BASE_SHA, ref: 'main' } },
    ])
    .get('/repos/acme/widgets/actions/runs/42/artifacts')
    .query(true)
    .reply(200, {
      total_count: 1,
      artifacts: [{ id: 9, name: 'readygate-report', expired: false, size_in_bytes: zip.length }],
    })
    .get('/repos/acme/widgets/actions/artifacts/9/zip')
    .reply(200, zip, { 'content-type': 'application/zip' })
    .get('/repos/acme/widgets/pulls/5/files')
    .query(true)
    .reply(200, files)
    .get('/repos/acme/widgets/contents/.github%2Freadygate.yml')
    .query(true)
    .reply(200, { type: 'file', encoding: 'base64', content: base64(policy) });
}

/** Publishes `zip` for a PR changing `files`: the check run's conclusion and summary. */
async function judged(zip: Buffer, files: File[], policy = PATCH_GATE) {
  let done: { conclusion: string; output: { summary: string } } | undefined;
  const scope = upToPolicy(zip, files, policy)
    .post('/repos/acme/widgets/check-runs')
    .reply(201, { id: 11, html_url: 'u', app: ACTIONS_APP })
    .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] })
    .patch('/repos/acme/widgets/check-runs/11', (b: NonNullable<typeof done>) => ((done = b), true))
    .reply(200, {})
    .get('/repos/acme/widgets/issues/5/comments')
    .query(true)
    .reply(200, [{ id: 2, body: `x\n${commentMarker('readygate')}`, user: ACTIONS_BOT }])
    .patch('/repos/acme/widgets/issues/comments/2')
    .reply(200, { id: 2, html_url: 'c' });
  const { code } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
  expect(scope.isDone()).toBe(true);
  return { code, conclusion: done!.conclusion, summary: done!.output.summary };
}

describe('a publish artifact whose patch counts 0 of 0 on a non-empty diff', () => {
  it.each<[string, Partial<Coverage>, RegExp]>([
    [
      'a bare counter, the changed file listed with coverable lines',
      { by_file: BY_FILE, patch: { covered: 0, total: 0 } },
      /lists src\/math\.js with 4 coverable line\(s\) and the pull request adds 3 line\(s\) to src\/math\.js, but its patch counter is 0 of 0 and it carries no per-line data to measure it again: refusing it/,
    ],
    [
      'a bare counter, the changed file unlisted but of a listed code extension',
      { by_file: [['src/util.js', 78, 96]], patch: { covered: 0, total: 0 } },
      /lists code files ending in \.js \(src\/util\.js\) and the pull request adds 3 line\(s\) to src\/math\.js, which it does not list/,
    ],
    [
      'a bare counter and no file list at all',
      { patch: { covered: 0, total: 0 } },
      /has no per-line data and no file list \(coverage\.by_file\), and the pull request adds 3 line\(s\) to src\/math\.js: nothing in it tells whether that file holds code/,
    ],
    [
      'per-line data that leaves the listed changed file out (and its extension, so it would not count)',
      { by_file: BY_FILE, patch: { covered: 0, total: 0, line_data: { extensions: ['.ts'], files: [] } } },
      /lists src\/math\.js with 4 coverable line\(s\) and the pull request adds 3 line\(s\) to src\/math\.js, but its per-line data leaves it out/,
    ],
    [
      'per-line data naming no extension, so an unlisted code file would not count',
      { by_file: [['src/util.js', 78, 96]], patch: { covered: 0, total: 0, line_data: { extensions: [], files: [] } } },
      /lists code files ending in \.js \(src\/util\.js\) .* \(with no per-line data for any file, readygate writes no patch counter for such a change\)/,
    ],
  ])('%s: refused with the reason, before any check run', async (_kind, coverage, message) => {
    const scope = upToPolicy(artifact(coverage), CODE, PATCH_GATE);
    const { code, rec } = await runWith({ eventName: 'workflow_run', payload, inputs: { mode: 'publish' } });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(rec.failed).toHaveLength(1);
    expect(rec.failed[0]).toMatch(/the readygate-report artifact /);
    expect(rec.failed[0]).toMatch(message);
  });

  it('a change to docs alone gives 0 of 0 honestly: judged, and the patch gate passes', async () => {
    for (const coverage of [
      { by_file: BY_FILE, patch: { covered: 0, total: 0, files: [], line_data: { extensions: ['.js'], files: [] } } },
      { by_file: BY_FILE, patch: { covered: 0, total: 0 } },
    ]) {
      const { code, conclusion, summary } = await judged(artifact(coverage), DOCS);
      expect([code, conclusion]).toEqual([0, 'success']);
      expect(summary).toContain('| `coverage.patch` | ✅ – ≥ 80% |');
    }
  });

  it('added lines the per-line data shows are not coverable (a type, a declaration) give 0 of 0 honestly', async () => {
    const coverage: Partial<Coverage> = {
      by_file: BY_FILE,
      patch: {
        covered: 0,
        total: 0,
        files: [],
        line_data: { extensions: ['.js'], files: [{ path: 'src/math.js', covered: [[1, 1]], uncovered: [[9, 9]] }] },
      },
    };
    const { code, summary } = await judged(artifact(coverage), CODE);
    expect(code).toBe(0);
    expect(summary).toContain('| `coverage.patch` | ✅ – ≥ 80% |');
  });

  it('per-line data that leaves a changed file out but names its extension: counted as uncovered, and fails', async () => {
    const coverage = {
      by_file: BY_FILE,
      patch: { covered: 0, total: 0, line_data: { extensions: ['.js'], files: [] } },
    };
    const { code, conclusion, summary } = await judged(artifact(coverage), CODE);
    expect([code, conclusion]).toEqual([1, 'failure']);
    expect(summary).toContain(
      'patch coverage 0% of 3 changed coverable lines (0 covered), counting 3 added lines of 1 changed file(s) the coverage report does not list as uncovered: src/math.js',
    );
  });

  it('a policy with no patch gate has nothing to pass on the counter: the artifact is judged', async () => {
    const { code, conclusion } = await judged(
      artifact({ patch: { covered: 0, total: 0 } }),
      CODE,
      'levels:\n  ready:\n    coverage: { lines: 70 }\n',
    );
    expect([code, conclusion]).toEqual([0, 'success']);
  });
});

describe('check mode, on a coverage report that lists no file', () => {
  const DIFF = 'diff --git a/src/a.js b/src/a.js\n--- a/src/a.js\n+++ b/src/a.js\n@@ -1,1 +1,3 @@\n a\n+b();\n+c();\n';
  const files = (lcov: string) => ({ '.github/readygate.yml': PATCH_GATE, 'lcov.info': lcov, 'change.diff': DIFF });

  it('does not read its silence as "no coverable line": the patch gate fails, saying why', async () => {
    const r = await cli(['check', '--coverage', 'lcov.info', '--diff', 'change.diff'], tempRepo(files('TN:\n')));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '✖ coverage.patch: the coverage report lists no file, so nothing shows whether the changed files (src/a.js) hold code',
    );
  });

  it('a report that lists files still measures the change', async () => {
    const r = await cli(
      ['check', '--coverage', 'lcov.info', '--diff', 'change.diff'],
      tempRepo(files('SF:src/a.js\nDA:2,1\nDA:3,1\nend_of_record\n')),
    );
    expect(r.stdout).toContain(
      '✔ coverage.patch: patch coverage 100% of 2 changed coverable lines (2 covered) meets 80%',
    );
    expect(r.code).toBe(0);
  });
});
