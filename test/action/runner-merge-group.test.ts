import { readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { encodeDigest } from '../../src/github/digest.js';
import { ACTIONS_APP, API, BASE_SHA, SHA, sampleReport } from '../github/helpers.js';
import { EXAMPLE_POLICY, base64, runWith } from './harness.js';

const event = (baseRef: string) => ({
  merge_group: {
    head_sha: SHA,
    head_ref: `refs/heads/gh-readonly-queue/${baseRef}/pr-5-${BASE_SHA}`,
    base_sha: BASE_SHA,
    base_ref: `refs/heads/${baseRef}`,
  },
  repository: { full_name: 'acme/widgets', default_branch: 'main' },
});

/** What the queued commit changes against its base: 7 lines of src/cart.js (2 of 6 coverable covered) and a new file no test loads. */
const COMPARED_FILES = [
  {
    filename: 'src/cart.js',
    status: 'modified',
    additions: 7,
    patch: '@@ -35,0 +36,7 @@\n+a();\n+b();\n+c();\n+d();\n+e();\n+f();\n+g();',
  },
  {
    filename: 'src/lib/tax.js',
    status: 'added',
    additions: 4,
    patch:
      '@@ -0,0 +1,4 @@\n+// tax rules\n+export const rate = 0.2;\n+export const tax = (x) => x * rate;\n+export default tax;',
  },
];

/** The requests a merge group run makes: check run on the group's head, the change from the compare API, policy from main, base run; no PR files, no comment. */
function groupScope(done: { body?: { conclusion: string; output: { title: string; summary: string } } }) {
  return nock(API)
    .post('/repos/acme/widgets/check-runs', {
      name: 'readygate',
      head_sha: SHA,
      status: 'in_progress',
      details_url: 'https://github.com/acme/widgets/actions/runs/1001',
    })
    .reply(201, { id: 21, html_url: 'https://github.com/acme/widgets/runs/21', app: ACTIONS_APP })
    .get(`/repos/acme/widgets/compare/${BASE_SHA}...${SHA}`)
    .reply(200, { files: COMPARED_FILES })
    .get('/repos/acme/widgets/contents/.github%2Freadygate.yml')
    .query({ ref: 'main' })
    .reply(200, { type: 'file', encoding: 'base64', content: base64(EXAMPLE_POLICY) })
    .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
    .query({ check_name: 'readygate', filter: 'all', per_page: '100', app_id: String(ACTIONS_APP.id) })
    .reply(200, {
      total_count: 1,
      check_runs: [
        {
          name: 'readygate',
          head_sha: BASE_SHA,
          status: 'completed',
          completed_at: '2026-11-20T00:00:00Z',
          app: ACTIONS_APP,
          output: { summary: `x\n${encodeDigest(sampleReport(), BASE_SHA)}` },
        },
      ],
    })
    .patch('/repos/acme/widgets/check-runs/21', (b: NonNullable<typeof done.body>) => ((done.body = b), true))
    .reply(200, {});
}

describe('runner on a merge_group event (merge queue)', () => {
  it('judges the queued commit with the default branch policy and the base branch requirement', async () => {
    const done: Parameters<typeof groupScope>[0] = {};
    const scope = groupScope(done);
    // The workspace (examples/) has no .github/readygate.yml: the policy can only have come from the API.
    const { code, rec } = await runWith({ eventName: 'merge_group', payload: event('release/1.0') });
    expect(scope.isDone()).toBe(true);
    expect(done.body).toMatchObject({
      conclusion: 'failure',
      output: { title: 'Not ready for production: reached beta' },
    });
    // The base digest of the queue's base commit was used (80% before, 74.6% now).
    expect(done.body!.output.summary).toContain('line coverage dropped 5.4 points (80% → 74.6%)');
    expect(code).toBe(1);
    expect(rec.failed).toEqual(['readygate: not ready for production (reached beta); see the job summary']);
  });

  it('on a queue into main, the default requirement applies; no comment and no badge', async () => {
    const done: Parameters<typeof groupScope>[0] = {};
    const scope = groupScope(done);
    const { code, rec } = await runWith({
      eventName: 'merge_group',
      payload: event('main'),
      inputs: { 'badge-branch': 'readygate-badges' },
    });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(0);
    expect(done.body).toMatchObject({
      conclusion: 'success',
      output: { title: 'Ready: reached beta (required beta)' },
    });
    expect(rec.outputs['check-run-url']).toBe('https://github.com/acme/widgets/runs/21');
    // Patch coverage from the compare API: 2 of src/cart.js's 6 coverable lines, plus src/lib/tax.js's 3 code lines uncovered.
    const report = JSON.parse(readFileSync(rec.outputs['report-path']!, 'utf8'));
    const { line_data, ...patch } = report.signals.coverage.patch;
    // Worked out by hand from examples/reports/coverage/lcov.info: cart.js lines 36-42 hold 6
    // coverable lines (36 and 39 hit); tax.js is not in the report: its 3 code lines (2-4; line 1 is a comment) count as uncovered.
    expect(patch).toEqual({
      covered: 2,
      total: 9,
      files: [
        { path: 'src/lib/tax.js', total: 3, covered: 0, uncovered: [[2, 4]], unreported: true },
        {
          path: 'src/cart.js',
          total: 6,
          covered: 2,
          uncovered: [
            [37, 37],
            [40, 42],
          ],
          lines: { covered: 19, total: 23 },
        },
      ],
    });
    expect(line_data.files.map((f: { path: string }) => f.path)).toEqual(['src/cart.js']);
  });

  it('names what is missing from a malformed payload', async () => {
    const { code, rec } = await runWith({ eventName: 'merge_group', payload: { merge_group: { head_sha: SHA } } });
    expect(code).toBe(1);
    expect(rec.failed[0]).toMatch(
      /the merge_group event payload is missing what readygate needs: merge_group\.head_ref/,
    );
  });
});
