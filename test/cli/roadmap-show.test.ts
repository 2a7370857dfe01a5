import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

const FIXTURES = new URL('../fixtures/roadmaps/', import.meta.url).pathname;

async function show(file: string, format?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'readygate-show-'));
  copyFileSync(join(FIXTURES, file), join(dir, file));
  let stdout = '';
  let stderr = '';
  // No token and no network in the environment: show must not need either.
  const io: CliIO = {
    cwd: dir,
    env: {},
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    readStdin: async () => '',
    today: () => '2026-01-01',
  };
  const code = await main(['roadmap', 'show', '--file', file, ...(format ? ['--format', format] : [])], io);
  return { code, stdout, stderr };
}

describe('readygate roadmap show (no GitHub)', () => {
  it.each([
    'team-task-tables.md',
    'kiro-style-tasks.md',
    'session-review-checklist.md',
    'phase-blocks.md',
    'heading-status.md',
    'unknown-fields.md',
    'kiro-optional.md',
    'phase-status-fields.md',
    'milestone-table.md',
    'completion-criteria.md',
    'state-notes.md',
    'milestone-headings.md',
    'release-h1.md',
    'mojibake-mac-roman.md',
    'phase-plan-milestones.md',
  ])('prints %s as readygate reads it', async (file) => {
    const r = await show(file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../__outputs__/roadmap-show-${file.replace(/\.md$/, '.txt')}`);
  });

  it('as JSON: the items with their keys and statuses, milestones and warnings, no text spans', async () => {
    const r = await show('team-task-tables.md', 'json');
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe('readygate/roadmap@1');
    expect(json.summary).toMatchObject({ total: 30, done: 1, todo: 29 });
    expect(json.items.find((i: { key: string }) => i.key === 'INFRA-003')).toMatchObject({
      status: 'done',
      priority: 'HIGH',
    });
    expect(json.items.every((i: Record<string, unknown>) => !('statusSpan' in i) && !('titleSpan' in i))).toBe(true);
    expect(json.warnings.map((w: { message: string }) => w.message)).toContainEqual(
      expect.stringContaining('has 13 tasks but its items say 15'),
    );
  });

  it('an unknown subcommand names show among the choices', async () => {
    let stderr = '';
    const io: CliIO = {
      cwd: tmpdir(),
      env: {},
      stdout: () => {},
      stderr: (t) => void (stderr += t),
      isTTY: false,
      readStdin: async () => '',
      today: () => '2026-01-01',
    };
    expect(await main(['roadmap', 'shwo'], io)).toBe(2);
    expect(stderr).toContain('roadmap needs show, plan, sync or pull, not "shwo"');
  });
});
