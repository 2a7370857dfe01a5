/**
 * One repository as the readiness page sees it through a nock GitHub: six default-branch commits
 * (the third's run still going, so five have digests), five open pull requests (failing, ready, no
 * run yet, and two whose runs finished without a digest) and two milestones, with hostile text
 * (`XSS`) in a gate message, a pull request title and a milestone title.
 */
import type nock from 'nock';
import { XSS, pageReport } from '../../core/render/page-fixtures.js';
import { fakeRepo, type FakeRepo } from './pages-harness.js';

export { XSS };

/** Commit labels in the chart, oldest first: the commits that have a digest. */
export const TREND = ['6666666', '5555555', '4444444', '2222222', '1111111'];

export function currentReport() {
  const r = pageReport();
  return { ...r, gates: [...r.gates, { ...r.gates[1]!, id: 'lint.errors', message: XSS }] };
}

export function pageRepo(extra: Partial<FakeRepo> = {}): nock.Scope {
  const older = (n: number, covered: number) => ({
    n,
    date: `2026-11-2${n}`,
    report: pageReport({ lines: [covered, 1000], lint: n }),
  });
  return fakeRepo({
    commits: [
      { n: 1, date: '2026-12-03', report: currentReport() },
      older(2, 830),
      { n: 3, running: true },
      older(4, 820),
      older(5, 810),
      older(6, 800),
    ],
    pulls: [
      { number: 12, title: XSS, head: 7, conclusion: 'failure', report: { ...pageReport(), level: 'mvp' } },
      {
        number: 13,
        title: 'Docs',
        head: 8,
        conclusion: 'success',
        report: { ...pageReport(), verdict: 'pass', level: 'production' },
      },
      { number: 14, title: 'WIP', head: 9 },
      // Completed runs without a digest (readygate could not finish): their conclusion says.
      { number: 15, title: 'No report', head: 10, conclusion: 'action_required' },
      { number: 16, title: 'Warn mode', head: 11, conclusion: 'neutral' },
    ],
    milestones: [
      { title: 'Milestone 2', due_on: '2027-03-01T08:00:00Z', open_issues: 1, closed_issues: 1, state: 'open' },
      { title: XSS, due_on: '2026-11-30T08:00:00Z', open_issues: 4, closed_issues: 3, state: 'open' },
    ],
    ...extra,
  });
}
