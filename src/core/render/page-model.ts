/**
 * What the readiness page shows, computed once from its inputs so that the HTML and the Markdown
 * renderings say the same thing: levels and whether each is reached, every gate, the trend (one
 * point per commit), roadmap progress with what is overdue against the clock passed in, open pull
 * requests, and the production readiness gap (levels not reached and why, roadmap items blocking
 * the next level). Pure: no network, no clock of its own.
 */
import type { Config } from '../../config/schema.js';
import { roadmapGateItems } from '../gates/roadmap.js';
import type { RoadmapData, RoadmapStatus } from '../model.js';
import type { ReportV1 } from '../report-schema.js';
import { trendRows, type TrendInput, type TrendRow } from './page-trend-data.js';

type Gate = ReportV1['gates'][number];

export interface PullVerdict {
  number: number;
  title: string;
  url?: string;
  verdict: 'pass' | 'fail' | 'warn' | 'pending';
  level?: string | null;
}

export interface PageInput {
  /** What the page is about, usually `owner/repo`. */
  repo: string;
  report: ReportV1;
  /** The commit the report is for (a short SHA or any label); the trend's last point. */
  commit?: string;
  /** Earlier reports, oldest first; one trend point per commit (a later duplicate wins). */
  history?: readonly TrendInput[];
  /** Roadmap items and milestones; without it the report's `signals.roadmap` is shown. */
  roadmap?: RoadmapData;
  /** Milestone progress counted elsewhere (the App: GitHub's milestones); shown instead of the roadmap's. */
  milestones?: readonly { title: string; due?: string; done: number; total: number }[];
  /** The policy's levels, to name the roadmap items a failing roadmap gate counts. */
  policy?: Pick<Config, 'levels'>;
  pulls?: readonly PullVerdict[];
  /** Today, YYYY-MM-DD: what "overdue" is measured against. */
  today: string;
  /** At most this many trend points, the newest kept (default 30). */
  trendLimit?: number;
}

export interface LevelView {
  name: string;
  required: boolean;
  reached: boolean;
  /** Gates of this level (and report-wide ones) that block it. */
  blockers: Gate[];
  /** A lower level that is not reached, when this level's own gates do not block it. */
  needsLower?: string;
}

export interface MilestoneView {
  title: string;
  due?: string;
  done: number;
  total: number;
  overdue: boolean;
}

export interface BlockingItem {
  key: string;
  title: string;
  status: RoadmapStatus;
  milestone?: string;
}

export interface PageModel {
  input: PageInput;
  report: ReportV1;
  levels: LevelView[];
  /** Gates in report order, report-wide ones first. */
  gates: Gate[];
  trend: TrendRow[];
  milestones: MilestoneView[];
  /** The first level not reached, or null when every level is. */
  next: string | null;
  roadmapBlockers: BlockingItem[];
}

/** A gate that keeps its level from being reached (in warn mode, failures are reported as warn). */
export function isBlocking(gate: Gate, report: ReportV1): boolean {
  return gate.status === 'fail' || (report.mode === 'warn' && gate.status === 'warn');
}

export function levelNames(report: ReportV1): string[] {
  const names: string[] = [];
  for (const g of report.gates) if (g.level !== null && !names.includes(g.level)) names.push(g.level);
  if (!names.includes(report.required)) names.push(report.required);
  if (report.level !== null && !names.includes(report.level)) names.push(report.level);
  return names;
}

export function pageModel(input: PageInput): PageModel {
  const { report } = input;
  const names = levelNames(report);
  const reachedAt = report.level === null ? -1 : names.indexOf(report.level);
  const wide = report.gates.filter((g) => g.level === null && isBlocking(g, report));
  let firstBlocked: string | undefined;
  const levels = names.map((name, i): LevelView => {
    const reached = i <= reachedAt;
    const blockers = reached ? [] : [...wide, ...report.gates.filter((g) => g.level === name && isBlocking(g, report))];
    const view: LevelView = { name, required: name === report.required, reached, blockers };
    if (!reached && blockers.length === 0 && firstBlocked) view.needsLower = firstBlocked;
    if (!reached) firstBlocked ??= name;
    return view;
  });
  const next = levels.find((l) => !l.reached)?.name ?? null;
  const gates = [...report.gates.filter((g) => g.level === null), ...report.gates.filter((g) => g.level !== null)];
  const current: TrendInput = { commit: input.commit ?? 'this report', report };
  return {
    input,
    report,
    levels,
    gates,
    trend: trendRows([...(input.history ?? []), current], input.trendLimit ?? 30),
    milestones: milestones(input),
    next,
    roadmapBlockers: next ? roadmapBlockers(input, next) : [],
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function milestones(input: PageInput): MilestoneView[] {
  const list =
    input.milestones ??
    (input.roadmap ? milestoneProgress(input.roadmap) : (input.report.signals.roadmap?.milestones ?? []));
  return list.map((m) => ({
    title: m.title,
    ...(m.due && { due: m.due }),
    done: m.done,
    total: m.total,
    overdue: m.due !== undefined && DAY.test(m.due) && m.due < input.today && m.done < m.total,
  }));
}

/** Done and total per milestone, cancelled items left out as the roadmap gates leave them out. */
function milestoneProgress(roadmap: RoadmapData): { title: string; due?: string; done: number; total: number }[] {
  return roadmap.milestones.map((m) => {
    const items = roadmap.items.filter((i) => i.milestone === m.title && i.status !== 'cancelled');
    return { ...m, done: items.filter((i) => i.status === 'done').length, total: items.length };
  });
}

/** Items counted by the next level's failing roadmap gates that are not done yet. */
function roadmapBlockers(input: PageInput, next: string): BlockingItem[] {
  const spec = input.policy?.levels[next]?.roadmap;
  if (!spec || !input.roadmap) return [];
  const specs = Array.isArray(spec) ? spec : [spec];
  const failing = input.report.gates.filter(
    (g) => g.level === next && g.id.startsWith('roadmap.done') && isBlocking(g, input.report),
  );
  const seen = new Set<string>();
  const out: BlockingItem[] = [];
  for (const gate of failing) {
    const index = gate.id === 'roadmap.done' ? 0 : Number(/\[(\d+)\]$/.exec(gate.id)?.[1] ?? -1);
    const gateSpec = specs[index];
    if (!gateSpec) continue;
    for (const item of roadmapGateItems(gateSpec, input.roadmap.items)) {
      if (item.status === 'done' || seen.has(item.key)) continue;
      seen.add(item.key);
      out.push({
        key: item.key,
        title: item.title,
        status: item.status,
        ...(item.milestone && { milestone: item.milestone }),
      });
    }
  }
  return out;
}
