/**
 * Creation made idempotent across machines. Two syncs that start from the same listing (two CI
 * jobs, two laptops: a lock file in one checkout cannot see the other) both create the issues they
 * found missing. Right after creating, each sync lists the issues again; where several issues carry
 * one key, the lowest number wins, everywhere, whatever the order the syncs ran in. A sync closes
 * the losers it created itself (not planned, marker removed, with a comment naming the winner) and
 * carries on with the winner, so relations and closes land on one issue. The later of two syncs
 * always sees both issues, so one of them always cleans up.
 */
import type { GitHubClient } from '../octokit.js';
import type { CurrentState } from '../../core/roadmap/state.js';
import type { RepoRef } from './read-state.js';

const REGION = /<!-- readygate:roadmap [^>]*? -->[\s\S]*?<!-- \/readygate:roadmap -->/;

export interface Winner {
  number: number;
  id: number;
  body: string;
}

/**
 * For each key this run created, the winning issue (lowest number carrying the key) when it is not
 * the one created here; the issue created here is closed as its duplicate. Returns key → winner.
 */
export async function reconcileCreated(
  octokit: GitHubClient,
  ref: RepoRef,
  created: readonly { key: string; number: number }[],
  reread: () => Promise<CurrentState>,
  write: (what: string, run: () => Promise<unknown>) => Promise<unknown>,
  warn: (message: string) => void,
): Promise<Map<string, Winner>> {
  const winners = new Map<string, Winner>();
  if (created.length === 0) return winners;
  const now = await reread();
  for (const mine of created) {
    const same = now.issues.filter((i) => i.marker?.key === mine.key);
    const winner = same.reduce<(typeof same)[number] | undefined>(
      (w, i) => (!w || i.number < w.number ? i : w),
      undefined,
    );
    if (!winner || winner.number === mine.number) continue;
    winners.set(mine.key, { number: winner.number, id: winner.id, body: winner.body });
    const note = `Duplicate of #${winner.number}: two roadmap syncs created "${mine.key}" at the same time; readygate keeps #${winner.number}.`;
    const own = now.issues.find((i) => i.number === mine.number);
    await write(`close duplicate #${mine.number}`, () =>
      octokit.rest.issues.update({
        ...ref,
        issue_number: mine.number,
        state: 'closed',
        state_reason: 'not_planned',
        body: (own?.body ?? '').replace(REGION, note),
      }),
    );
    await write(`comment on duplicate #${mine.number}`, () =>
      octokit.rest.issues.createComment({ ...ref, issue_number: mine.number, body: note }),
    );
    warn(
      `another roadmap sync created "${mine.key}" at the same time: closed #${mine.number} as a duplicate of #${winner.number}`,
    );
  }
  return winners;
}
