import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';
import type { SyncOptions } from '../../../src/core/roadmap/desired.js';
import { planSync } from '../../../src/core/roadmap/plan.js';
import { renderPlanText } from '../../../src/core/roadmap/render-plan.js';

const EXAMPLES = ['kiro-style-tasks.md', 'team-task-tables.md', 'session-review-checklist.md'];

function firstPlan(name: string) {
  const file = `docs/${name}`;
  const text = readFileSync(new URL(`../../fixtures/roadmaps/${name}`, import.meta.url), 'utf8');
  const options: SyncOptions = {
    labels: ['priority:{value}'],
    closeDone: true,
    onRemoved: 'close_not_planned',
    twoWay: true,
    files: [file],
  };
  return planSync(collectRoadmap([{ file, text }]), { issues: [], milestones: [], labels: [] }, options);
}

describe('first-sync plans of the three shared example roadmaps, with the default config (snapshots)', () => {
  for (const name of EXAMPLES) {
    it(name, async () => {
      await expect(renderPlanText(firstPlan(name))).toMatchFileSnapshot(
        `__snapshots__/plan-${name.replace(/\.md$/, '')}.txt`,
      );
    });
  }
});
