// Roadmap text encoding: mojibake is repaired only where it is mojibake, and `pull` writes the file
// back with its BOM and shows every line it changes.
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
