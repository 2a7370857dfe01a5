/**
 * A roadmap plan as Markdown for a pull request's check run (the App calls it for a PR that edits a
 * roadmap file): one sentence saying what merging will do ("This change will create 3 issues and
 * close 1."), then the changes, drift and warnings, each line escaped and the list bounded so the
 * output stays far inside GitHub's 65,535-character limit.
 *
 * `renderPlanMarkdown(plan)` → `"This change will create 3 issues and close 1.\n\n- Create …"`.
 */
import { md } from '../render/escape.js';
import type { Plan, PlanOp } from './plan-types.js';
import { milestoneChange, planSummary } from './render-plan.js';

export interface PlanMarkdownOptions {
  /** Most change lines listed (the rest are counted). */
  maxLines?: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The headline alone: "This change will create 3 issues and close 1." */
export function planHeadline(plan: Plan): string {
  const s = planSummary(plan);
  const parts = [
    s.create && `create ${plural(s.create, 'issue')}`,
    s.update && `update ${s.update}`,
    s.close && `close ${s.close}`,
    s.reopen && `reopen ${s.reopen}`,
    s.milestones &&
      `${plan.ops.some((o) => o.op === 'update_milestone' && o.state) ? 'create or update' : 'create or date'} ${plural(s.milestones, 'milestone')}`,
    s.labels && `create ${plural(s.labels, 'label')}`,
    s.relations && `link ${plural(s.relations, 'sub-issue or dependency', 'sub-issues or dependencies')}`,
  ].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return 'This change leaves the roadmap issues as they are.';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `This change will ${list}.`;
}

export function renderPlanMarkdown(plan: Plan, options: PlanMarkdownOptions = {}): string {
  const max = options.maxLines ?? 50;
  const out = [planHeadline(plan)];
  const lines = plan.ops.map(describe);
  if (lines.length) {
    out.push('', ...lines.slice(0, max).map((l) => `- ${l}`));
    if (lines.length > max) out.push(`- …and ${lines.length - max} more`);
  }
  if (plan.drift.length)
    out.push(
      '',
      `${plural(plan.drift.length, 'change')} made on GitHub and not in the roadmap (kept; \`readygate roadmap pull\` writes them into the file):`,
      ...plan.drift.slice(0, max).map((d) => `- #${d.number} ${md(d.key)}: ${d.field}`),
    );
  if (plan.warnings.length) out.push('', '**Warnings**', ...plan.warnings.slice(0, max).map((w) => `- ${md(w)}`));
  return `${out.join('\n')}\n`;
}

function describe(op: PlanOp): string {
  switch (op.op) {
    case 'create_label':
      return `Create label ${md(op.name)}`;
    case 'create_milestone':
      return `Create milestone ${md(op.title)}${op.due_on ? ` due ${op.due_on.slice(0, 10)}` : ''}${op.state ? ' (closed)' : ''}`;
    case 'update_milestone':
      return `${op.state === 'closed' ? 'Close' : op.state === 'open' ? 'Reopen' : 'Update'} milestone ${md(op.title)}${milestoneChange(op)}`;
    case 'create_issue':
      return `Create issue ${md(op.title)}${op.milestone ? ` in ${md(op.milestone)}` : ''}${op.close ? ` (closed as ${op.close.state_reason.replace('_', ' ')})` : ''}`;
    case 'update_issue': {
      const verb = op.state === 'closed' ? 'Close' : op.state === 'open' ? 'Reopen' : 'Update';
      return `${verb} #${op.number} (${md(op.key)}): ${md(op.why.join('; '))}`;
    }
    case 'add_sub_issue':
      return `Make ${md(op.child)} a sub-issue of ${md(op.parent)}`;
    case 'add_blocked_by':
      return `Mark ${md(op.key)} blocked by ${md(op.blocker)}`;
  }
}
