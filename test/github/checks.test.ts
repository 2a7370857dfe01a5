import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { annotationBatches, completeCheckRun, createCheckRun } from '../../src/github/checks.js';
import { ACTIONS_APP, API, REPO, SHA, annotations, testOctokit } from './helpers.js';

const RUN = { id: 7, url: 'https://github.com/acme/widgets/runs/7' };

describe('annotationBatches', () => {
  it.each([
    [0, []],
    [49, [49]],
    [50, [50]],
    [51, [50, 1]],
    [1000, Array(20).fill(50)],
  ])('%i annotations -> batches %j', (n, sizes) => {
    expect(annotationBatches(annotations(n)).map((b) => b.length)).toEqual(sizes);
  });
});

describe('createCheckRun', () => {
  it('creates the run in progress on the head SHA, and learns which app the token acts as', async () => {
    const scope = nock(API)
      .post('/repos/acme/widgets/check-runs', {
        name: 'readygate',
        head_sha: SHA,
        status: 'in_progress',
        details_url: 'https://ci/run/1',
      })
      .reply(201, {
        id: 7,
        html_url: RUN.url,
        url: 'api',
        app: { ...ACTIONS_APP, owner: { login: 'github' }, name: 'GitHub Actions' },
      });
    expect(await createCheckRun(testOctokit(), REPO, 'readygate', SHA, 'https://ci/run/1')).toEqual({
      ...RUN,
      app: ACTIONS_APP,
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe('completeCheckRun', () => {
  // Every update is recorded; the last one completes the run.
  it.each([
    [0, 1, 0],
    [49, 1, 1],
    [50, 1, 1],
    [51, 2, 2],
    [1000, 20, 20],
  ])('%i annotations: %i updates, %i of them carrying annotations', async (n, updates, annotationWrites) => {
    const bodies: Record<string, unknown>[] = [];
    const scope = nock(API)
      .patch('/repos/acme/widgets/check-runs/7', (body: Record<string, unknown>) => {
        bodies.push(body);
        return true;
      })
      .times(updates)
      .reply(200, { id: 7 });
    const list = annotations(n);
    await completeCheckRun(testOctokit(), REPO, RUN, {
      title: 'Ready',
      summary: 'ok',
      conclusion: 'success',
      annotations: list,
    });
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(updates);
    const sent = bodies.flatMap((b) => ((b.output as { annotations?: unknown[] }).annotations ?? []) as unknown[]);
    expect(bodies.filter((b) => (b.output as { annotations?: unknown[] }).annotations).length).toBe(annotationWrites);
    expect(sent).toEqual(list);
    // Only the last update completes the run; the earlier ones keep it in progress.
    expect(bodies.at(-1)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Ready', summary: 'ok' },
    });
    for (const b of bodies.slice(0, -1)) expect(b).not.toHaveProperty('status');
  });

  it('cuts a summary over 65,535 characters instead of having it rejected', async () => {
    let summary = '';
    const scope = nock(API)
      .patch('/repos/acme/widgets/check-runs/7', (body: { output: { summary: string } }) => {
        summary = body.output.summary;
        return true;
      })
      .reply(200, {});
    await completeCheckRun(testOctokit(), REPO, RUN, {
      title: 'x',
      summary: 'y'.repeat(70_000),
      conclusion: 'failure',
      annotations: [],
    });
    expect(scope.isDone()).toBe(true);
    expect(summary).toHaveLength(65_535);
  });
});
