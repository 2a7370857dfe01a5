/**
 * Several roadmap files → one desired state: keys made unique across files (a clash is reported and
 * both keys are qualified by file name), dependencies resolved to keys (`P2B` means every P2B.x), and the readiness data the
 * gates and `signals.roadmap` use.
 */
import { basename } from 'node:path';
import type { RoadmapData } from '../model.js';
import { parseRoadmap } from './parse.js';
import type { Criterion, ParseOptions, ParsedRoadmap, RoadmapItem, RoadmapMilestone, RoadmapWarning } from './types.js';

export interface Roadmap {
  files: ParsedRoadmap[];
  items: RoadmapItem[];
  milestones: RoadmapMilestone[];
  criteria: Criterion[];
  warnings: RoadmapWarning[];
}

export function collectRoadmap(
  sources: readonly { file: string; text: string }[],
  options: Partial<ParseOptions> = {},
): Roadmap {
  const files = sources.map((s) => parseRoadmap(s.file, s.text, options));
  const items = files.flatMap((f) => f.items);
  const warnings = files.flatMap((f) => f.warnings);
  const byKey = new Map<string, RoadmapItem[]>();
  for (const item of items) byKey.set(item.key, [...(byKey.get(item.key) ?? []), item]);
  for (const [key, same] of byKey) {
    if (same.length < 2) continue;
    warnings.push({
      file: same[1]!.file,
      line: same[1]!.line,
      message: `key "${key}" is used ${same.length} times (also ${same[0]!.file}:${same[0]!.line}); give items unique IDs`,
    });
    same.forEach((item, i) => {
      const renamed = `${basename(item.file)}:${key}${i > 0 && same[i - 1]!.file === item.file ? `~${i + 1}` : ''}`;
      for (const other of items) {
        if (other.file === item.file && other.parent === item.key) other.parent = renamed;
      }
      item.key = renamed;
    });
  }
  const keys = new Set(items.map((i) => i.key));
  for (const item of items) {
    item.dependsOn = item.dependsOn.flatMap((dep) => {
      if (keys.has(dep)) return [dep];
      const qualified = `${basename(item.file)}:${dep}`;
      if (keys.has(qualified)) return [qualified];
      // "P2B" names the P2B.x block: a dependency on the group is one on its top-level items, not
      // on every subtask under them.
      const members = items.filter((i) => i.key.startsWith(`${dep}.`));
      const inGroup = new Set(members.map((i) => i.key));
      const group = members.filter((i) => !i.parent || !inGroup.has(i.parent)).map((i) => i.key);
      if (group.length > 0) return group;
      warnings.push({
        file: item.file,
        line: item.line,
        message: `${item.key} depends on "${dep}", which is no item in the roadmap`,
      });
      return [];
    });
  }
  const milestones = files.flatMap((f) => f.milestones);
  return { files, items, milestones, criteria: files.flatMap((f) => f.criteria), warnings };
}

/** What gates and `signals.roadmap` read. */
export function toRoadmapData(roadmap: Roadmap): RoadmapData {
  return {
    items: roadmap.items.map((i) => ({
      key: i.key,
      title: i.title,
      status: i.status,
      ...(i.milestone && { milestone: i.milestone }),
      ...(i.priority && { priority: i.priority }),
    })),
    milestones: uniqueMilestones(roadmap.milestones).map((m) => ({ title: m.title, ...(m.due && { due: m.due }) })),
  };
}

export function uniqueMilestones(milestones: readonly RoadmapMilestone[]): RoadmapMilestone[] {
  const seen = new Map<string, RoadmapMilestone>();
  for (const m of milestones) if (!seen.has(m.title)) seen.set(m.title, m);
  return [...seen.values()];
}
