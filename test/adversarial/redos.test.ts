// Report text is attacker-sized: patterns applied to it must not backtrack for minutes (review
// finding; class: resource exhaustion). Each case parses, in a child process, an input on which the
// old patterns took minutes to hours (see redos-run.ts), and the child is stopped after 30 s. That
// bound is no timing: the parse takes well under a second, so it sits two orders of magnitude above
// the expected time on any machine this runs on, and an order of magnitude below what a quadratic
// pattern would take.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STOP_AFTER_MS = 30_000;

function runCase(name: string): Promise<{ result?: unknown; stopped: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const script = fileURLToPath(new URL('redos-run.ts', import.meta.url));
    execFile(
      process.execPath,
      ['--import', 'tsx', script, name],
      { cwd: ROOT, timeout: STOP_AFTER_MS, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        const stopped = error?.killed === true;
        resolve({ stopped, stderr, ...(error ? {} : { result: JSON.parse(stdout) as unknown }) });
      },
    );
  });
}

describe('no catastrophic backtracking on report text', () => {
  it('compiler text: 2,000,000 spaces before the end of a line', async () => {
    const run = await runCase('compiler-spaces');
    expect(run.stopped, 'the parse was stopped after 30 s').toBe(false);
    expect(run.stderr).toBe('');
    expect(run.result).toEqual([null, '-Wunused']);
  });

  it('JUnit: 300 failure messages of `a.a.a…` are located', async () => {
    const run = await runCase('junit-dots');
    expect(run.stopped, 'the parse was stopped after 30 s').toBe(false);
    expect(run.stderr).toBe('');
    expect(run.result).toBe(300);
  });
});
