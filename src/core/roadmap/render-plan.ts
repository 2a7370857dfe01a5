/** A roadmap plan as text for people or JSON for tools. Titles are cut, never the counts. */
import type { Drift, Plan, PlanOp } from './plan-types.js';

export const PLAN_SCHEMA = 'readygate/roadmap-plan@1';

export function planSummary(plan: Plan) {
  const count = (pred: (op: PlanOp) => boolean) => plan.ops.filter(pred).length;
  return {
    create: count((o) => o.op === 'create_issue'),
    update: count((o) => o.op === 'update_issue' && !o.state),
    close: count((o) => o.op === 'update_issue' && o.state === 'closed'),
    reopen: count((o) => o.op === 'update_issue' && o.state === 'open'),
    labels: count((o) => o.op === 'create_label'),
    milestones: count((o) => o.op === 'create_milestone' || o.op === 'update_milestone'),
    relations: count((o) => o.op === 'add_sub_issue' || o.op === 'add_blocked_by'),
    unchanged: plan.unchanged,
    drift: plan.drift.length,
  };
}

export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify({ schema: PLAN_SCHEMA, summary: planSummary(plan), ops: plan.ops, drift: plan.drift.map(({ span: _span, ...d }) => d), warnings: plan.warnings }, null, 2)}\n`;
}

export function renderPlanText(plan: Plan): string {
  const s = planSummary(plan);
  const lines = [
    `roadmap plan: ${s.create} to create, ${s.update} to update, ${s.close} to close, ${s.reopen} to reopen, ${s.labels} label(s), ${s.milestones} milestone(s), ${s.relations} relation(s); ${s.unchanged} unchanged`,
  ];
  for (const op of plan.ops) lines.push(`  ${describe(op)}`);
  if (plan.drift.length) {
    lines.push('drift (changed on GitHub; `readygate roadmap pull` writes it into the file):');
    for (const d of plan.drift) lines.push(`  #${d.number} ${d.key}: ${driftLine(d)}`);
  }
  for (const w of plan.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

/** What an update does to a milestone: ` due 2026-03-01 (was 2026-02-01), closed`. */
export function milestoneChange(op: Extract<PlanOp, { op: 'update_milestone' }>): string {
  const parts = [
    op.due_on && `due ${op.due_on.slice(0, 10)}${op.was ? ` (was ${op.was})` : ''}`,
    op.state &&
      (op.state === 'closed'
        ? 'closed (the roadmap says it is finished)'
        : 'reopened (the roadmap says it is not finished)'),
  ].filter(Boolean);
  return parts.length ? ` ${parts.join(', ')}` : ': note of its state';
}

function cut(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describe(op: PlanOp): string {
  switch (op.op) {
    case 'create_label':
      return `+ label ${op.name}`;
    case 'create_milestone':
      return `+ milestone "${op.title}"${op.due_on ? ` due ${op.due_on.slice(0, 10)}` : ''}`;
    case 'update_milestone':
      return `${op.state === 'closed' ? '-' : '~'} milestone "${op.title}"${milestoneChange(op)}`;
    case 'create_issue':
      return `+ issue ${cut(op.title)}${op.labels.length ? ` [${op.labels.join(', ')}]` : ''}${op.milestone ? ` in "${op.milestone}"` : ''}${op.close ? ` (then close: ${op.close.state_reason})` : ''}`;
    case 'update_issue':
      return `${op.state === 'closed' ? '-' : '~'} #${op.number} ${op.key}: ${op.why.join('; ')}`;
    case 'add_sub_issue':
      return `> sub-issue ${op.child} under ${op.parent}`;
    case 'add_blocked_by':
      return `> ${op.key} blocked by ${op.blocker}`;
  }
}

function driftLine(d: Drift): string {
  const where = `${d.file}:${d.line}`;
  switch (d.field) {
    case 'status':
      return `GitHub says ${d.githubStatus}, ${where} says ${d.fileStatus}`;
    case 'title':
      return `title on GitHub is "${cut(d.githubValue)}", ${where} says "${cut(d.fileValue)}" (GitHub's is kept)`;
    case 'milestone':
      return `milestone on GitHub is ${d.githubValue ? `"${d.githubValue}"` : 'none'}, ${where} is in ${d.fileValue ? `"${d.fileValue}"` : 'none'} (GitHub's is kept; move the item in the file to match)`;
    case 'assignee':
      return `assignee on GitHub is ${d.githubValue}, ${where} says ${d.fileValue} (GitHub's is kept)`;
  }
}
