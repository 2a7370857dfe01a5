/**
 * Applies a roadmap plan, in order: labels, milestones, issues (the marker is inside the create
 * request, so a run cut off midway is resumed by running again: the next listing finds what was
 * created), removals, then sub-issues and "blocked by" relations. Where the dependencies API refuses
 * (older GitHub Enterprise Server, no permission), "Blocked by #N" lines in the managed region stand
 * in, and the marker remembers it so later runs do not ask again.
 */
import type { GitHubClient } from '../octokit.js';
import { ReadygateError, describeError } from '../../core/errors.js';
import { desiredIssue, type DesiredIssue, type SyncOptions } from '../../core/roadmap/desired.js';
import { managedRegion, readMarker, replaceRegion } from '../../core/roadmap/marker.js';
import type { Plan, PlanOp } from '../../core/roadmap/plan-types.js';
import { relationLines } from '../../core/roadmap/relations.js';
import type { CurrentState } from '../../core/roadmap/state.js';
import { asHttpError } from './http-error.js';
import type { RepoRef } from './read-state.js';
import { reconcileCreated } from './reconcile.js';
import { blockersNow, isUnprocessable, parentNow, unconfirmed } from './relation-races.js';

export interface ApplyContext {
  ref: RepoRef;
  current: CurrentState;
  desired: ReadonlyMap<string, DesiredIssue>;
  options: SyncOptions;
  onProgress?: (done: number, total: number, what: string) => void;
  /** Lists GitHub again (believing the same markers): for reconciling right after creating. */
  reread?: () => Promise<CurrentState>;
}

export interface ApplyResult {
  writes: number;
  created: { key: string; number: number }[];
  warnings: string[];
}

/** The ops before the first re-listing: creation, and what it needs first. */
const CREATION_PHASE = new Set<PlanOp['op']>(['create_label', 'create_milestone', 'update_milestone', 'create_issue']);

interface Known {
  number: number;
  id: number;
  body: string;
}

export async function applyPlan(octokit: GitHubClient, plan: Plan, ctx: ApplyContext): Promise<ApplyResult> {
  const { ref } = ctx;
  const result: ApplyResult = { writes: 0, created: [], warnings: [] };
  const issues = new Map<string, Known>();
  for (const i of ctx.current.issues)
    if (i.marker && !issues.has(i.marker.key)) issues.set(i.marker.key, { number: i.number, id: i.id, body: i.body });
  const milestones = new Map(ctx.current.milestones.map((m) => [m.title, m.number]));
  const blockedBy = new Map<number, Set<number>>();
  const viaBody = new Set<string>();
  const subsViaBody = new Set<string>();
  let noSubIssueApi = false;
  const need = (key: string): Known => {
    const known = issues.get(key);
    if (!known) throw new ReadygateError(`no issue for roadmap item "${key}"`);
    return known;
  };
  const wrap = (what: string, error: unknown) =>
    new ReadygateError(
      `roadmap sync stopped at "${what}" after ${result.writes} change(s): ${describeError(error)}. Run it again to resume; nothing is duplicated.`,
      { cause: error },
    );
  const write = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      const out = await run();
      result.writes++;
      return out;
    } catch (error) {
      throw wrap(what, error);
    }
  };

  let reconciled = false;
  const reconcile = async () => {
    reconciled = true;
    if (!ctx.reread || result.created.length === 0) return;
    const winners = await reconcileCreated(octokit, ref, result.created, ctx.reread, write, (m) =>
      result.warnings.push(m),
    );
    for (const [key, winner] of winners) issues.set(key, { ...winner });
  };

  for (const [index, op] of plan.ops.entries()) {
    ctx.onProgress?.(index, plan.ops.length, label(op));
    if (!reconciled && !CREATION_PHASE.has(op.op)) await reconcile();
    switch (op.op) {
      case 'create_label':
        await write(`label ${op.name}`, () =>
          octokit.rest.issues.createLabel({ ...ref, name: op.name, color: op.color }).catch((error: unknown) => {
            if (alreadyExists(error)) return undefined; // another sync created it meanwhile
            throw error;
          }),
        );
        break;
      case 'create_milestone': {
        const number = await write(`milestone ${op.title}`, async () => {
          try {
            const res = await octokit.rest.issues.createMilestone({
              ...ref,
              title: op.title,
              description: op.description,
              ...(op.due_on && { due_on: op.due_on }),
              ...(op.state && { state: op.state }),
            });
            return res.data.number;
          } catch (error) {
            if (!alreadyExists(error)) throw error;
            // Another sync created it meanwhile (GitHub refuses a second milestone of one title).
            const all = await octokit.paginate(octokit.rest.issues.listMilestones, {
              ...ref,
              state: 'all',
              per_page: 100,
            });
            const found = all.find((m) => m.title === op.title);
            if (!found) throw error;
            return found.number;
          }
        });
        milestones.set(op.title, number);
        break;
      }
      case 'update_milestone':
        await write(`milestone ${op.title}`, () =>
          octokit.rest.issues.updateMilestone({
            ...ref,
            milestone_number: op.number,
            ...(op.due_on && { due_on: op.due_on }),
            ...(op.state && { state: op.state }),
            ...(op.description !== undefined && { description: op.description }),
          }),
        );
        break;
      case 'create_issue': {
        const milestone = op.milestone === undefined ? undefined : milestones.get(op.milestone);
        const res = await write(`create ${op.key}`, () =>
          octokit.rest.issues.create({
            ...ref,
            title: op.title,
            body: op.body,
            labels: op.labels,
            ...(op.assignees.length && { assignees: op.assignees }),
            ...(milestone !== undefined && { milestone }),
          }),
        );
        issues.set(op.key, { number: res.data.number, id: res.data.id, body: op.body });
        result.created.push({ key: op.key, number: res.data.number });
        const close = op.close;
        if (close) {
          await write(`close ${op.key}`, () =>
            octokit.rest.issues.update({
              ...ref,
              issue_number: res.data.number,
              state: 'closed',
              state_reason: close.state_reason,
              body: close.body,
            }),
          );
          issues.get(op.key)!.body = close.body;
        }
        break;
      }
      case 'update_issue': {
        const milestone =
          op.milestone === undefined ? undefined : op.milestone === null ? null : milestones.get(op.milestone);
        await write(`update #${op.number}`, () =>
          octokit.rest.issues.update({
            ...ref,
            issue_number: op.number,
            ...(op.title !== undefined && { title: op.title }),
            ...(op.body !== undefined && { body: op.body }),
            ...(op.state && { state: op.state, state_reason: op.state_reason }),
            ...(op.labels && { labels: op.labels }),
            ...(op.assignees && { assignees: op.assignees }),
            ...(milestone !== undefined && { milestone }),
          }),
        );
        const known = issues.get(op.key);
        if (op.renamed_from) issues.set(op.key, issues.get(op.renamed_from.key) ?? known!);
        if (op.body !== undefined && issues.get(op.key)) issues.get(op.key)!.body = op.body;
        break;
      }
      case 'add_sub_issue': {
        const parent = need(op.parent);
        const child = need(op.child);
        if (!subsViaBody.has(op.parent) && !noSubIssueApi) {
          try {
            await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
              ...ref,
              issue_number: parent.number,
              sub_issue_id: child.id,
            });
            result.writes++;
            break;
          } catch (error) {
            if (isUnprocessable(error)) {
              // Another sync may have added it first: done if the child is under this parent now.
              const now = await parentNow(octokit, ref, child.number).catch(unconfirmed);
              if (now === parent.number) break;
              if (now !== undefined) {
                result.warnings.push(
                  `#${child.number} (${op.child}) is a sub-issue of #${now} on GitHub, not of ${op.parent}: left as it is`,
                );
                break;
              }
            }
            const status = apiMissing(error);
            if (status === undefined) throw wrap(`sub-issue ${op.child}`, error);
            // GitHub Enterprise Server versions without sub-issues answer 404: say so once, and
            // stand in with a task list in each parent's body for the rest of the run.
            if (!noSubIssueApi)
              result.warnings.push(
                `the sub-issues API refused (${status}): sub-issues are listed as a task list in their parent's body instead`,
              );
            noSubIssueApi = true;
          }
        }
        if (subsViaBody.has(op.parent)) break;
        subsViaBody.add(op.parent);
        await write(`sub-issue list for ${op.parent}`, () =>
          relationBody(octokit, ctx, op.parent, parent, issues, { deps: viaBody.has(op.parent), subs: true }),
        );
        break;
      }
      case 'add_blocked_by': {
        if (viaBody.has(op.key)) break;
        const issue = need(op.key);
        const blocker = need(op.blocker);
        try {
          // Reading the existing blockers is as much the dependencies API as adding one: a GitHub
          // without it (Enterprise Server) refuses both, and body lines stand in.
          const existing = await existingBlockers(
            octokit,
            ref,
            issue.number,
            blockedBy,
            result.created.some((c) => c.key === op.key),
          );
          if (existing.has(blocker.id)) break;
          await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by', {
            ...ref,
            issue_number: issue.number,
            issue_id: blocker.id,
          });
          result.writes++;
          existing.add(blocker.id);
        } catch (error) {
          // Another sync may have added it first: done if the blocker is there now.
          if (isUnprocessable(error)) {
            const now = await blockersNow(octokit, ref, issue.number).catch(unconfirmed);
            if (now?.has(blocker.id)) {
              blockedBy.set(issue.number, now);
              break;
            }
          }
          const status = asHttpError(error)?.status;
          if (status !== 403 && status !== 404 && status !== 410 && status !== 422) throw error;
          viaBody.add(op.key);
          result.warnings.push(
            `the dependencies API refused #${issue.number} (${status}): "Blocked by" lines in its body stand in`,
          );
          await write(`blocked-by lines for ${op.key}`, () =>
            relationBody(octokit, ctx, op.key, issue, issues, { deps: true, subs: subsViaBody.has(op.key) }),
          );
        }
        break;
      }
    }
  }
  if (!reconciled) await reconcile();
  ctx.onProgress?.(plan.ops.length, plan.ops.length, 'done');
  return result;
}

async function existingBlockers(
  octokit: GitHubClient,
  ref: RepoRef,
  number: number,
  cache: Map<number, Set<number>>,
  isNew: boolean,
): Promise<Set<number>> {
  let set = cache.get(number);
  if (set) return set;
  set = new Set<number>();
  if (!isNew) {
    const res = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by', {
      ...ref,
      issue_number: number,
      per_page: 100,
    });
    for (const i of res.data as { id: number }[]) set.add(i.id);
  }
  cache.set(number, set);
  return set;
}

/** GitHub's 422 for a label or milestone that exists already. */
function alreadyExists(error: unknown): boolean {
  const http = asHttpError(error);
  if (http?.status !== 422) return false;
  const errors = (http.response?.data as { errors?: { code?: string }[] } | undefined)?.errors ?? [];
  return errors.some((e) => e.code === 'already_exists');
}

/** A relation API that this GitHub lacks (404/410, or 403 that is no rate limit): its status, else undefined. */
function apiMissing(error: unknown): number | undefined {
  const http = asHttpError(error);
  if (!http) return undefined;
  if (http.status === 404 || http.status === 410) return http.status;
  if (http.status === 403 && !/rate limit|abuse/i.test(http.message)) return http.status;
  return undefined;
}

/** Writes the managed region with the lines that stand in for the relation APIs this GitHub lacks. */
async function relationBody(
  octokit: GitHubClient,
  ctx: ApplyContext,
  key: string,
  issue: Known,
  issues: Map<string, Known>,
  via: { deps: boolean; subs: boolean },
): Promise<void> {
  const want = ctx.desired.get(key);
  if (!want) return;
  const previous = readMarker(issue.body);
  const flags = { deps: via.deps || previous?.deps === 'body', subs: via.subs || previous?.subs === 'body' };
  const items = [...ctx.desired.values()].map((d) => d.item);
  const lines = relationLines(want.item, items, (k) => issues.get(k)?.number, flags);
  const next = desiredIssue(want.item, ctx.options, lines);
  const marker = previous ?? {
    key,
    source: want.item.file,
    hash: next.hash,
    status: want.item.status,
    labels: next.labels,
  };
  const region = managedRegion(
    {
      ...marker,
      hash: next.hash,
      ...(flags.deps && { deps: 'body' as const }),
      ...(flags.subs && { subs: 'body' as const }),
    },
    next.content,
  );
  issue.body = replaceRegion(issue.body, region);
  await octokit.rest.issues.update({ ...ctx.ref, issue_number: issue.number, body: issue.body });
}

function label(op: PlanOp): string {
  return 'key' in op
    ? `${op.op} ${op.key}`
    : op.op === 'add_sub_issue'
      ? `sub-issue ${op.child}`
      : `${op.op} ${'name' in op ? op.name : op.title}`;
}
