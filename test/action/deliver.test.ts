import nock from 'nock';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { deliver } from '../../src/action/deliver.js';
import { parseInputs } from '../../src/action/inputs.js';
import { coreIO, type ActionIO } from '../../src/action/io.js';
import type { StageEnv } from '../../src/action/stage-env.js';
import { API, REPO, SHA, sampleReport, testOctokit } from '../github/helpers.js';
import { fakeIO } from './harness.js';

describe('deliver', () => {
  it('sheds detail to fit a huge report in the check-run summary, keeping the digest', async () => {
    const base = sampleReport();
    const failures = Array.from({ length: 300 }, (_, i) => ({
      name: `case ${i}`,
      file: 'test/a.test.ts',
      line: i + 1,
      message: `boom ${i}`,
      details: 'x'.repeat(3000),
      kind: 'failure' as const,
    }));
    const report = sampleReport({
      verdict: 'fail',
      signals: { ...base.signals, tests: { ...base.signals.tests!, total: 309, failed: 300, failures } },
    });
    let summary = '';
    const scope = nock(API)
      .patch(
        '/repos/acme/widgets/check-runs/7',
        (b: { output: { summary?: string } }) => ((summary = b.output.summary ?? summary), true),
      )
      .times(7) // 301 annotations: 6 batches in progress, the 7th completes
      .reply(200, {});
    const { io, rec } = fakeIO();
    await deliver(stageEnv(io), { report, headSha: SHA, checkRun: { id: 7, url: 'u' }, readOnly: false, badge: false });
    expect(scope.isDone()).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(65_535);
    expect(summary.length).toBeGreaterThan(10_000);
    expect(summary).toMatch(/<!-- readygate:digest:v1 [A-Za-z0-9+/=]+ -->$/);
    expect(summary).not.toContain('case 299');
    expect(rec.summary[0]!.length).toBeGreaterThan(summary.length); // the job summary has room for more
    expect(Buffer.byteLength(rec.summary[0]!)).toBeLessThanOrEqual(1024 * 1024); // GitHub's job summary limit
  });

  // Every annotation reaches the check run, 50 per request: N annotations cost max(1, ceil(N / 50)) updates.
  it.each([
    [0, 1],
    [49, 1],
    [50, 1],
    [51, 2],
    [1000, 20],
  ])('%i lint findings: %i check-run update(s), every annotation sent once', async (n, updates) => {
    const base = sampleReport();
    const finding = base.signals.lint!.findings[0]!;
    const findings = Array.from({ length: n }, (_, i) => ({
      ...finding,
      line: i + 1,
      message: `finding ${i}`,
      fingerprint: i.toString(16).padStart(20, '0'),
    }));
    const report = sampleReport({ signals: { lint: { errors: n, warnings: 0, notes: 0, findings } } });
    const bodies: { status?: string; output: { annotations?: { message: string }[] } }[] = [];
    const scope = nock(API)
      .patch('/repos/acme/widgets/check-runs/7', (b: (typeof bodies)[number]) => bodies.push(b) > 0)
      .times(updates)
      .reply(200, {});
    const { io } = fakeIO();
    await deliver(stageEnv(io), { report, headSha: SHA, checkRun: { id: 7, url: 'u' }, readOnly: false, badge: false });
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(updates);
    expect(bodies.map((b) => b.status)).toEqual([...Array<undefined>(updates - 1).fill(undefined), 'completed']);
    expect(bodies.every((b) => (b.output.annotations?.length ?? 0) <= 50)).toBe(true);
    expect(bodies.flatMap((b) => b.output.annotations ?? []).map((a) => a.message)).toEqual(
      findings.map((f) => f.message),
    );
  });
});

function stageEnv(io: ActionIO): StageEnv {
  return {
    inputs: parseInputs({ INPUT_TOKEN: 't', INPUT_COMMENT: 'never' }),
    context: {
      repo: REPO,
      apiUrl: API,
      serverUrl: 'https://github.com',
      workspace: '.',
      event: { kind: 'other', name: 'x', sha: SHA },
    },
    octokit: testOctokit(),
    io,
    tempDir: mkdtempSync(join(tmpdir(), 'rg-')),
    today: '2026-11-21',
    artifacts: { unavailable: 'not in a test' },
    upload: {},
  };
}

describe('coreIO', () => {
  it.each([['failure in "::set-output name=x::y"'], ['failure in "##[set-output name=x]y"'], ['##[add-mask]secret']])(
    'logs report text that holds a workflow command inside stop-commands: %s',
    (text) => {
      const written: string[] = [];
      const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
      try {
        coreIO().info(text);
      } finally {
        write.mockRestore();
      }
      const lines = written.join('').split('\n');
      expect(lines[0]).toMatch(/^::stop-commands::[0-9a-f-]{36}$/);
      expect(lines[1]).toBe(text);
      expect(lines[2]).toBe(`::${lines[0]!.slice('::stop-commands::'.length)}::`);
    },
  );
});
