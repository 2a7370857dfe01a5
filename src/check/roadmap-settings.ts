/**
 * The policy's `roadmap:` section turned into what parsing and syncing take, shared by the CLI
 * (files on disk) and the App (files read through the API at a commit).
 */
import type { RoadmapConfig } from '../config/schema.js';
import type { Roadmap } from '../core/roadmap/collect.js';
import type { SyncOptions } from '../core/roadmap/desired.js';
import { DEFAULT_CRITERIA_HEADINGS, type ParseOptions } from '../core/roadmap/types.js';

export type RoadmapSettings = ReturnType<typeof RoadmapConfig.parse>;

export function parseOptions(settings: RoadmapSettings): Partial<ParseOptions> {
  return {
    milestones: settings.milestones,
    criteriaHeadings: settings.criteria_headings ?? DEFAULT_CRITERIA_HEADINGS,
  };
}

export function syncOptions(settings: RoadmapSettings, roadmap: Roadmap): SyncOptions {
  return {
    labels: settings.labels,
    closeDone: settings.close_done,
    onRemoved: settings.on_removed,
    twoWay: settings.two_way,
    files: roadmap.files.map((f) => f.file),
  };
}
