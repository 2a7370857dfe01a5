// Roadmap text encoding: mojibake is repaired only where it is mojibake, and `pull` writes the file
// back with its BOM and shows every line it changes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../../src/core/roadmap/mojibake.js';
import { parseRoadmap } from '../../../src/core/roadmap/parse.js';
import { applyDrift } from '../../../src/core/roadmap/pull.js';

describe('mojibake repair', () => {
  it('keeps real text that only looks like a 2-byte sequence', () => {
    expect(repairMojibake('„Gruß“ and “2×”')).toEqual({ text: '„Gruß“ and “2×”', count: 0 });
  });

  it('repairs accented Latin, emoji and symbols, and 2-byte sequences where the text shows other mojibake', () => {
    expect(repairMojibake('cafÃ© âœ… ðŸŽ¯').text).toBe('café ✅ 🎯');
    expect(repairMojibake('Ð¿Ñ€Ð¸Ð²ÐµÑ‚ âœ…').text).toBe('привет ✅');
  });
});

describe('Mac Roman mojibake (UTF-8 read as Mac Roman, ✅ as `‚úÖ`)', () => {
  const fixture = (path: string) => readFileSync(new URL(`../../fixtures/roadmaps/${path}`, import.meta.url), 'utf8');

  it('is repaired back to the very text it was made from, with a warning naming the code page', () => {
    const r = parseRoadmap('ROADMAP.md', fixture('mojibake-mac-roman.md'));
    expect(r.text).toBe(fixture('sources/mojibake-mac-roman.md'));
    expect(r.warnings.map((w) => w.message)).toEqual([
      'repaired 13 double-encoded UTF-8 sequence(s) (UTF-8 read as Mac Roman, e.g. "√©" → "é"); save the file as UTF-8 to silence this',
    ]);
  });

  it('no longer hides status marks or leaks into keys and titles', () => {
    const r = parseRoadmap('ROADMAP.md', fixture('mojibake-mac-roman.md'));
    expect(r.items.map((i) => [i.key, i.status])).toEqual([
      ['CF-1', 'done'],
      ['CF-2', 'in_progress'],
      ['CF-3', 'todo'],
      ['milestone-2-reviews/photo-upload', 'done'],
      ['milestone-2-reviews/moderation-queue', 'in_progress'],
      ['milestone-2-reviews/moderation-queue/report-button', 'todo'],
      ['milestone-2-reviews/moderation-queue/block-list-soft-bans', 'done'],
    ]);
    expect(r.milestones.map((m) => [m.title, m.due])).toEqual([
      ['Milestone 1: Offline sync', '2026-04-10'],
      ['Milestone 2: Reviews', '2026-05-22'],
    ]);
  });
});

describe('roadmap pull', () => {
  it('keeps the BOM and diffs against the file as it was, repaired lines included', () => {
    const raw = '\uFEFF# Plan\n\n- [ ] AUTH-1 Login âœ…\n- [ ] AUTH-2 Signup\n';
    const parsed = parseRoadmap('ROADMAP.md', raw);
    const item = parsed.items.find((i) => i.key === 'AUTH-2')!;
    const patched = applyDrift(parsed, [
      {
        key: 'AUTH-2',
        number: 2,
        file: 'ROADMAP.md',
        line: item.line,
        field: 'status',
        fileStatus: 'todo',
        githubStatus: 'done',
        span: item.statusSpan!,
      },
    ]);
    expect(patched.text).toBe('\uFEFF# Plan\n\n- [ ] AUTH-1 Login ✅\n- [x] AUTH-2 Signup\n');
    expect(patched.diff).toContain('-- [ ] AUTH-1 Login âœ…');
    expect(patched.diff).toContain('+- [x] AUTH-2 Signup');
  });
});

describe('what pull writes, parse reads', () => {
  it('reads every heading mark pull writes back, cancelled and blocked included', () => {
    const parsed = parseRoadmap(
      'ROADMAP.md',
      '# Plan\n\n## Phase 1\n\n### Task A ❌\n\n### Task B ✅\n\n### Task C ⛔\n',
    );
    expect(parsed.items.map((i) => [i.title, i.status])).toEqual([
      ['Task A', 'cancelled'],
      ['Task B', 'done'],
      ['Task C', 'blocked'],
    ]);
  });
});

describe('issue titles', () => {
  it('are cut between characters, never inside an emoji', async () => {
    const { issueTitle } = await import('../../../src/core/roadmap/desired.js');
    const item = { key: 'x', explicit: false, title: `${'a'.repeat(254)}🎯🎯🎯` } as Parameters<typeof issueTitle>[0];
    const title = issueTitle(item);
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('front matter', () => {
  it('is metadata, not a milestone that takes the tasks below it', () => {
    for (const head of ['---\ntitle: Roadmap\nupdated: 2026-01-15\n---\n', '+++\ntitle = "Roadmap"\n+++\n']) {
      const parsed = parseRoadmap('ROADMAP.md', `${head}\n# Plan\n\n## Phase 1\n\n- [ ] A\n- [x] B\n`);
      expect(
        parsed.milestones.map((m) => m.title),
        head,
      ).toEqual(['Phase 1']);
      expect(parsed.items.map((i) => [i.title, i.milestone])).toEqual([
        ['A', 'Phase 1'],
        ['B', 'Phase 1'],
      ]);
    }
  });
});
