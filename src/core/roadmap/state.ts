/** GitHub's side of a roadmap sync, as plain data: what the adapter read by listing. */
import type { Marker } from './marker.js';

export interface CurrentIssue {
  number: number;
  /** Database id (sub-issues and dependencies take this, not the number). */
  id: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason?: string | null;
  labels: string[];
  assignees: string[];
  milestone?: string;
  /** Number of the parent issue, from `parent_issue_url`. */
  parent?: number;
  /** `issue_dependencies_summary.total_blocked_by`, when GitHub sends it. */
  blockedBy?: number;
  /** Who opened the issue; markers count only on issues the sync's account opened (see trust.ts). */
  author?: { login: string; bot: boolean };
  marker?: Marker;
}

export interface CurrentMilestone {
  number: number;
  title: string;
  /** YYYY-MM-DD part of `due_on`, if any. */
  due?: string;
  state: 'open' | 'closed';
  /** Its description (readygate keeps a note of the state it left the milestone in there). */
  description?: string;
}

export interface CurrentState {
  issues: CurrentIssue[];
  milestones: CurrentMilestone[];
  labels: string[];
  /** What reading found that the plan should show (markers ignored, an account GitHub would not name). */
  warnings?: string[];
}
