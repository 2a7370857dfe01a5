// This repository gates itself with the Action; the workflows must keep the shape docs/action.md describes.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; if?: string }>;
}
const read = (name: string) =>
  parse(readFileSync(new URL(`../../.github/workflows/${name}`, import.meta.url), 'utf8')) as Workflow;

describe('.github/workflows', () => {
  it('readygate.yml runs the Action from this checkout, which uploads the report itself', () => {
    const wf = read('readygate.yml');
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    expect(steps.filter((s) => s.uses === './')).toHaveLength(1);
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(false);
    expect(wf.permissions).toEqual({ contents: 'read', checks: 'write', 'pull-requests': 'write' });
  });

  it('readygate-publish.yml publishes fork reports without running fork code', () => {
    const wf = read('readygate-publish.yml');
    expect(wf.on).toEqual({ workflow_run: { workflows: ['readygate'], types: ['completed'] } });
    const [job] = Object.values(wf.jobs);
    const checkout = job!.steps.find((s) => s.uses?.startsWith('actions/checkout'));
    expect(checkout?.with).toEqual({
      ref: '${{ github.event.repository.default_branch }}',
      'persist-credentials': false,
    });
    expect(job!.steps.find((s) => s.uses === './')?.with).toEqual({ mode: 'publish' });
    expect(job!.steps.some((s) => s.run !== undefined)).toBe(false);
  });
});
