/** The plan a roadmap sync computes: serialisable operations, drift, and why each change is made. */
import type { RoadmapStatus } from '../model.js';
import type { StatusSpan, TextSpan } from './types.js';

export type PlanOp =
  | { op: 'create_label'; name: string; color: string }
  | { op: 'create_milestone'; title: string; due_on?: string; description: string; state?: 'closed' }
  | {
      op: 'update_milestone';
      number: number;
      title: string;
      /** A new due date, and the one it replaces. */
      due_on?: string;
      was?: string;
      /** Closed or reopened as the roadmap's status for it says. */
      state?: 'open' | 'closed';
      /** The description with its note of the state readygate leaves the milestone in. */
      description?: string;
    }
  | {
      op: 'create_issue';
      key: string;
      title: string;
      body: string;
      labels: string[];
      milestone?: string;
      assignees: string[];
      /** Created open, then closed by a second request that also writes the final marker. */
      close?: { state_reason: 'completed' | 'not_planned'; body: string };
    }
  | {
      op: 'update_issue';
      key: string;
      number: number;
      why: string[];
      title?: string;
      body?: string;
      state?: 'open' | 'closed';
      state_reason?: 'completed' | 'not_planned' | 'reopened';
      labels?: string[];
      assignees?: string[];
      milestone?: string | null;
      renamed_from?: { key: string; similarity: number };
    }
  | { op: 'add_sub_issue'; parent: string; child: string }
  | { op: 'add_blocked_by'; key: string; blocker: string };

interface DriftBase {
  key: string;
  number: number;
  file: string;
  line: number;
}

/** The issue was closed or reopened on GitHub, and the file did not change since the last sync. */
export interface StatusDrift extends DriftBase {
  field: 'status';
  fileStatus: RoadmapStatus;
  githubStatus: RoadmapStatus;
  span?: StatusSpan;
}

/** The title, milestone or assignee was changed on GitHub, and not in the file: GitHub's is kept. */
export interface FieldDrift extends DriftBase {
  field: 'title' | 'milestone' | 'assignee';
  fileValue: string;
  githubValue: string;
  /** Where the file writes it, and what `roadmap pull` writes there; absent where no patch maps it. */
  span?: TextSpan;
  replacement?: string;
}

/** GitHub says otherwise than the file, and the file did not change since the last sync. */
export type Drift = StatusDrift | FieldDrift;

export interface Plan {
  ops: PlanOp[];
  drift: Drift[];
  warnings: string[];
  /** Items whose issue needs nothing. */
  unchanged: number;
}

export type CreateIssueOp = Extract<PlanOp, { op: 'create_issue' }>;
export type UpdateIssueOp = Extract<PlanOp, { op: 'update_issue' }>;
