/**
 * JUnit reruns written as repeated `<testcase>` elements with the same name in one suite (the
 * shape of mikepenz's and Gradle's retry reporters). The shape is ambiguous (two parameterised
 * cases may share a name), so it is read as reruns only with `options: { reruns: true }`: the
 * attempts of one test then count once, flaky when an attempt after a failure passed, failed when
 * the last failure was never followed by a pass. Without the option every case counts, and a
 * notice says how many names repeat, so the choice is never silent.
 */
import { createHash } from 'node:crypto';
import type { TestFailure } from '../../model.js';
import type { Outcome, TestsBuilder } from './builder.js';

type FailureInput = Omit<TestFailure, 'kind'> & { kind?: TestFailure['kind'] };

interface Attempt {
  outcome: Outcome;
  failure?: FailureInput;
}

export class RerunGroups {
  private readonly groups = new Map<string, Attempt[]>();
  private readonly seen = new Set<string>();
  /** Cases whose name repeats within their suite. */
  repeated = 0;

  constructor(readonly enabled: boolean) {}

  /** Records a case; true when it is held back to be counted with its other attempts. */
  hold(suiteAndName: string, outcome: Outcome, failure?: FailureInput): boolean {
    const key = identity(suiteAndName);
    if (this.seen.has(key)) this.repeated++;
    else this.seen.add(key);
    if (!this.enabled) return false;
    const attempts = this.groups.get(key);
    if (attempts) attempts.push({ outcome, failure });
    else this.groups.set(key, [{ outcome, failure }]);
    return true;
  }

  /** Counts each held test once (at the close of its suite). */
  flush(builder: TestsBuilder): void {
    for (const attempts of this.groups.values()) {
      const firstFailure = attempts.findIndex((a) => a.outcome === 'failed');
      const lastFailure = attempts.findLastIndex((a) => a.outcome === 'failed');
      const passedAfter = (i: number) => attempts.slice(i + 1).some((a) => a.outcome === 'passed' || a.outcome === 'flaky');
      if (firstFailure >= 0 && !passedAfter(lastFailure)) builder.add('failed', attempts[lastFailure]!.failure);
      else if (firstFailure >= 0 || attempts.some((a) => a.outcome === 'flaky')) builder.add('flaky');
      else if (attempts.some((a) => a.outcome === 'passed')) builder.add('passed');
      else builder.add('skipped');
    }
    this.groups.clear();
    this.seen.clear();
  }
}

/** Keys longer than this are kept as their digest. */
const LONG_KEY = 256;

/**
 * A case's suite and name as kept for the rest of its document: itself, or for a long one its length
 * and SHA-256. Every case's key is kept (to count repeats), so keeping names whole held a file of
 * test cases with megabyte names whole in memory (1.5 GB of heap for a 1 GiB JUnit file, issue 12).
 */
function identity(key: string): string {
  return key.length <= LONG_KEY ? key : `${key.length}\u0000${createHash('sha256').update(key).digest('base64')}`;
}
