/**
 * GitHub's current state for a roadmap sync, read by listing: issues (`state=all`, 100 per page,
 * pull requests dropped), milestones and labels. Never the search API, whose index lags and made
 * other sync tools create duplicates. Sub-issue parents and dependency counts come with each issue.
 */
import type { GitHubClient } from '../octokit.js';
import { readMarker } from '../../core/roadmap/marker.js';
import type { CurrentIssue, CurrentMilestone, CurrentState } from '../../core/roadmap/state.js';
import { acceptMarkers, type MarkerTrust } from '../../core/roadmap/trust.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

interface RawIssue {
  number: number;
  id: number;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  pull_request?: unknown;
  labels: (string | { name?: string })[];
  assignees?: { login: string }[] | null;
  milestone?: { title: string } | null;
  parent_issue_url?: string | null;
  issue_dependencies_summary?: { total_blocked_by?: number } | null;
  user?: { login: string; type?: string } | null;
}

/** Markers count only on issues opened by an account `trust` names (see core/roadmap/trust.ts). */
export async function readState(octokit: GitHubClient, ref: RepoRef, trust: MarkerTrust): Promise<CurrentState> {
  const issues: CurrentIssue[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    ...ref,
    state: 'all',
    per_page: 100,
  })) {
    for (const raw of page.data as RawIssue[]) if (!raw.pull_request) issues.push(toIssue(raw));
  }
  const milestones: CurrentMilestone[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listMilestones, {
    ...ref,
    state: 'all',
    per_page: 100,
  })) {
    for (const m of page.data)
      milestones.push({
        number: m.number,
        title: m.title,
        state: m.state === 'closed' ? 'closed' : 'open',
        ...(m.due_on && { due: m.due_on.slice(0, 10) }),
        ...(m.description && { description: m.description }),
      });
  }
  const labels: string[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listLabelsForRepo, {
    ...ref,
    per_page: 100,
  })) {
    for (const l of page.data) labels.push(l.name);
  }
  const accepted = acceptMarkers(issues, trust);
  return { issues: accepted.issues, milestones, labels, warnings: accepted.warnings };
}

export function toIssue(raw: RawIssue): CurrentIssue {
  const parent = raw.parent_issue_url ? Number(/\/issues\/(\d+)$/.exec(raw.parent_issue_url)?.[1]) : undefined;
  const marker = readMarker(raw.body);
  return {
    number: raw.number,
    id: raw.id,
    title: raw.title,
    body: raw.body ?? '',
    state: raw.state === 'closed' ? 'closed' : 'open',
    stateReason: raw.state_reason ?? null,
    labels: raw.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    assignees: (raw.assignees ?? []).map((a) => a.login),
    ...(raw.milestone && { milestone: raw.milestone.title }),
    ...(parent !== undefined && Number.isFinite(parent) && { parent }),
    ...(raw.issue_dependencies_summary?.total_blocked_by !== undefined && {
      blockedBy: raw.issue_dependencies_summary.total_blocked_by,
    }),
    ...(raw.user && { author: { login: raw.user.login, bot: raw.user.type === 'Bot' } }),
    ...(marker && { marker }),
  };
}
