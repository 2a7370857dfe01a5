/** Shared setup for roadmap sync tests: a client against the fake API with millisecond pacing. */
import { createRoadmapClient } from '../../../src/github/roadmap/client.js';
import { collectRoadmap, type Roadmap } from '../../../src/core/roadmap/collect.js';
import type { SyncOptions } from '../../../src/core/roadmap/desired.js';
import { syncRoadmap } from '../../../src/github/roadmap/sync.js';
import { API } from './fake-github.js';

export const sleeps: number[] = [];

export function client() {
  return createRoadmapClient({
    token: 'test-token',
    baseUrl: API,
    fetch: globalThis.fetch,
    pacing: { writeGapMs: 0, createGapMs: 0, retryAfterUnitMs: 1, sleep: async (ms) => void sleeps.push(ms) },
  });
}

export const OPTIONS: SyncOptions = {
  labels: ['priority:{value}'],
  closeDone: true,
  onRemoved: 'close_not_planned',
  twoWay: true,
  files: ['ROADMAP.md'],
};

export function roadmapOf(text: string, file = 'ROADMAP.md'): Roadmap {
  return collectRoadmap([{ file, text }]);
}

export function sync(text: string, options: Partial<SyncOptions> = {}, dryRun = false) {
  return syncRoadmap(client(), {
    ref: { owner: 'acme', repo: 'app' },
    roadmap: roadmapOf(text),
    options: { ...OPTIONS, ...options },
    dryRun,
  });
}
