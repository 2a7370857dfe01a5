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
    const patched = applyDrift(parsed, [{ key: 'AUTH-2', number: 2, file: 'ROADMAP.md', line: item.line, field: 'status', fileStatus: 'todo', githubStatus: 'done', span: item.statusSpan! }]);
    expect(patched.text).toBe('\uFEFF# Plan\n\n- [ ] AUTH-1 Login ✅\n- [x] AUTH-2 Signup\n');
    expect(patched.diff).toContain('-- [ ] AUTH-1 Login âœ…');
    expect(patched.diff).toContain('+- [x] AUTH-2 Signup');
  });
});
