import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { encodeDigest } from '../../src/github/digest.js';
import { commentMarker } from '../../src/github/comment.js';
import { ACTIONS_APP, ACTIONS_BOT, API, BASE_SHA, SHA, sampleReport } from '../github/helpers.js';
import { EXAMPLE_POLICY, base64, runWith } from './harness.js';

const payload = {
  pull_request: {
    number: 5,
    head: { sha: SHA, repo: { full_name: 'acme/widgets' } },
    base: { sha: BASE_SHA, ref: 'main' },
  },
  repository: { full_name: 'acme/widgets', default_branch: 'main' },
};

function prScope(bodies: { patches: Record<string, unknown>[]; comment?: string }, app: object | null = ACTIONS_APP) {
  return nock(API)
    .post('/repos/acme/widgets/check-runs', {
      name: 'readygate',
      head_sha: SHA,
      status: 'in_progress',
      details_url: 'https://github.com/acme/widgets/actions/runs/1001',
    })
    .reply(201, { id: 7, html_url: 'https://github.com/acme/widgets/runs/7', ...(app && { app }) })
    .get('/repos/acme/widgets/pulls/5/files')
    .query({ per_page: '100' })
    .reply(200, [
      { filename: 'src/math.js', status: 'modified', additions: 1, patch: '@@ -1,1 +1,2 @@\n a\n+b' },
      { filename: '.github/readygate.yml', status: 'modified', additions: 1, patch: '@@ -1 +1 @@\n-x\n+y' },
    ])
    .get('/repos/acme/widgets/contents/.github%2Freadygate.yml')
    .query({ ref: 'main' })
    .reply(200, { type: 'file', encoding: 'base64', size: EXAMPLE_POLICY.length, content: base64(EXAMPLE_POLICY) })
    .get(`/repos/acme/widgets/commits/${BASE_SHA}/check-runs`)
    .query({ check_name: 'readygate', filter: 'all', per_page: '100', ...(app && { app_id: String(ACTIONS_APP.id) }) })
    .reply(200, {
      total_count: 1,
      check_runs: [
        {
          name: 'readygate',
          head_sha: BASE_SHA,
          status: 'completed',
          completed_at: '2026-11-20T00:00:00Z',
          app: ACTIONS_APP,
          output: { summary: `old\n${encodeDigest(sampleReport(), BASE_SHA)}` },
        },
      ],
    })
    .patch('/repos/acme/widgets/check-runs/7', (b: Record<string, unknown>) => {
      bodies.patches.push(b);
      return true;
    })
    .reply(200, {});
}

describe('runner on a pull request', () => {
  it('judges with the default branch policy, completes the check run, comments once, sets outputs', async () => {
    const bodies: { patches: Record<string, unknown>[]; comment?: string } = { patches: [] };
    const scope = prScope(bodies)
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100' })
      .reply(200, [{ id: 3, body: `fake\n${commentMarker('readygate')}`, user: { login: 'mallory', type: 'User' } }])
      .post('/repos/acme/widgets/issues/5/comments', (b: { body: string }) => {
        bodies.comment = b.body;
        return true;
      })
      .reply(201, { id: 1, html_url: 'https://github.com/acme/widgets/pull/5#c1' });
    const { code, rec } = await runWith({ eventName: 'pull_request', payload });
    expect(rec.failed).toEqual([]);
    expect(code).toBe(0);
    expect(scope.isDone()).toBe(true);

    const done = bodies.patches.at(-1) as {
      status: string;
      conclusion: string;
      output: { title: string; summary: string; annotations: { path: string }[] };
    };
    expect(done).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Ready: reached beta (required beta)' },
    });
    expect(done.output.summary).toContain(
      "this change modifies .github/readygate.yml: it is judged by the default branch's policy",
    );
    expect(done.output.summary).toMatch(/<!-- readygate:digest:v1 [A-Za-z0-9+/=]+ -->$/);
    // The sample project's 5 ESLint warnings, with paths made repo-relative.
    expect(done.output.annotations).toHaveLength(5);
    expect(done.output.annotations.every((a) => !a.path.startsWith('/'))).toBe(true);
    // The base digest was found: max_drop compares against the base check run's 80%.
    expect(done.output.summary).toContain('line coverage dropped 5.4 points (80% → 74.6%)');

    expect(bodies.comment).toContain(commentMarker('readygate'));
    expect(bodies.comment).toContain('https://github.com/acme/widgets/runs/7');
    expect(rec.outputs).toMatchObject({
      verdict: 'pass',
      level: 'beta',
      'coverage-lines': '74.6',
      'tests-passed': '20',
      'tests-failed': '0',
      'lint-errors': '0',
      'check-run-url': 'https://github.com/acme/widgets/runs/7',
    });
    expect(rec.outputs['report-path']).toMatch(/readygate-report\.json$/);
    expect(rec.summary[0]).toContain('readygate');
    expect(rec.info).toContain(
      'left 1 comment(s) alone that carry the readygate marker but were not written by github-actions[bot]',
    );
  });

  it('updates its own comment in place on the next push', async () => {
    const bodies: { patches: Record<string, unknown>[]; comment?: string } = { patches: [] };
    const scope = prScope(bodies)
      .get('/repos/acme/widgets/issues/5/comments')
      .query({ per_page: '100' })
      .reply(200, [{ id: 9, body: `old\n${commentMarker('readygate')}`, user: ACTIONS_BOT }])
      .patch('/repos/acme/widgets/issues/comments/9', (b: { body: string }) => ((bodies.comment = b.body), true))
      .reply(200, { id: 9, html_url: 'https://github.com/acme/widgets/pull/5#c9' });
    const { code, rec } = await runWith({ eventName: 'pull_request', payload });
    expect(code).toBe(0);
    expect(scope.isDone()).toBe(true);
    expect(bodies.comment).toMatch(/^## .*readygate[\s\S]*<!-- readygate:comment readygate -->$/);
    expect(rec.info).toContain('comment updated: https://github.com/acme/widgets/pull/5#c9');
  });

  it("when the token's account cannot be told, edits no comment and creates a new one", async () => {
    const bodies: { patches: Record<string, unknown>[]; comment?: string } = { patches: [] };
    const scope = prScope(bodies, null)
      .post('/graphql')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get('/repos/acme/widgets/issues/5/comments')
      .query(true)
      .reply(200, [{ id: 9, body: `old\n${commentMarker('readygate')}`, user: ACTIONS_BOT }])
      .post('/repos/acme/widgets/issues/5/comments', (b: { body: string }) => ((bodies.comment = b.body), true))
      .reply(201, { id: 10, html_url: 'c10' });
    const { code, rec } = await runWith({ eventName: 'pull_request', payload });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(0);
    expect(bodies.comment).toContain(commentMarker('readygate'));
    expect(rec.warnings).toContain(
      'cannot tell which account this token acts as: creating a new comment rather than editing one that may not be ours',
    );
  });

  it('comment: on-failure skips the comment on a pass; annotations: 2 caps them', async () => {
    const bodies: { patches: Record<string, unknown>[] } = { patches: [] };
    const scope = prScope(bodies);
    const { code } = await runWith({
      eventName: 'pull_request',
      payload,
      inputs: { comment: 'on-failure', annotations: '2' },
    });
    expect(code).toBe(0);
    expect(scope.isDone()).toBe(true);
    expect((bodies.patches.at(-1) as { output: { annotations: unknown[] } }).output.annotations).toHaveLength(2);
  });

  it('fails the step once, with the config problem, and completes the check run as failed', async () => {
    const patches: { conclusion?: string; output: { summary: string } }[] = [];
    const scope = nock(API)
      .post('/repos/acme/widgets/check-runs')
      .reply(201, { id: 7, html_url: 'u' })
      .get('/repos/acme/widgets/pulls/5/files')
      .query(true)
      .reply(200, [])
      .get('/repos/acme/widgets/contents/.github%2Freadygate.yml')
      .query(true)
      .reply(200, {
        type: 'file',
        encoding: 'base64',
        content: base64('levels:\n  beta:\n    coverage: { linez: 80 }\n'),
      })
      .patch('/repos/acme/widgets/check-runs/7', (b: (typeof patches)[number]) => patches.push(b) > 0)
      .reply(200, {});
    const { code, rec } = await runWith({ eventName: 'pull_request', payload });
    expect(scope.isDone()).toBe(true);
    expect(code).toBe(1);
    expect(rec.failed).toHaveLength(1);
    expect(rec.failed[0]).toMatch(/unknown key `levels.beta.coverage.linez`: did you mean `lines`\?/);
    expect(patches[0]).toMatchObject({ conclusion: 'failure' });
    expect(patches[0]!.output.summary).toContain('readygate could not finish');
  });
});
