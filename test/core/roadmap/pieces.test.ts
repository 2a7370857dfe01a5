import { describe, expect, it } from 'vitest';
import { anchorDate, findDate, resolveDate } from '../../../src/core/roadmap/dates.js';
import { labelsFor } from '../../../src/core/roadmap/desired.js';
import { idList, parseFields } from '../../../src/core/roadmap/fields.js';
import { splitId } from '../../../src/core/roadmap/keys.js';
import { formatMarker, managedRegion, readMarker, replaceRegion } from '../../../src/core/roadmap/marker.js';
import { matchRenamed, similarity } from '../../../src/core/roadmap/match.js';
import { repairMojibake } from '../../../src/core/roadmap/mojibake.js';
import { parseRoadmap } from '../../../src/core/roadmap/parse.js';
import { statusOf } from '../../../src/core/roadmap/status.js';

describe('mojibake repair', () => {
  it.each([
    ['âœ… Complete', '✅ Complete', 1, 'Windows-1252'],
    ['ðŸŽ¯ Goals', '🎯 Goals', 1, 'Windows-1252'],
    ['â€” dash and â€œquotesâ€\u009d', '— dash and “quotes”', 3, 'Windows-1252'],
    ['‚úÖ Complete', '✅ Complete', 1, 'Mac Roman'],
    ['\uf8ffüéØ Goals', '🎯 Goals', 1, 'Mac Roman'], // the Apple logo as Apple's table reads 0xF0
    ['\ue01eüéØ Goals', '🎯 Goals', 1, 'Mac Roman'], // as glibc iconv reads it
    ['üìÖ Oct 31 ‚Äî caf√©', '📅 Oct 31 — café', 3, 'Mac Roman'], // the invisible lead dropped
    ['caf√© and na√Øve', 'café and naïve', 2, 'Mac Roman'],
    ['café, naïve, Ünïcode stays', 'café, naïve, Ünïcode stays', 0, undefined],
    ['Grüße, für Müßiggang, „École“ stay', 'Grüße, für Müßiggang, „École“ stay', 0, undefined],
  ])('%s', (input, text, count, encoding) => {
    const r = repairMojibake(input);
    expect([r.text, r.count, r.encoding]).toEqual([text, count, encoding]);
  });
});

describe('statuses, IDs and fields', () => {
  it.each([
    ['🔴 Pending', 'todo'],
    ['NOT STARTED', 'todo'],
    ['⬜', 'todo'],
    ['🟡 In Progress', 'in_progress'],
    ['✅ Complete', 'done'],
    ['Done', 'done'],
    ['BLOCKED', 'blocked'],
    ["Won't do", 'cancelled'],
    ['banana', undefined],
  ])('statusOf(%j) = %j', (raw, status) => expect(statusOf(raw)).toBe(status));

  it.each([
    ['P2A.1: Add login', 'P2A.1', 'Add login'],
    ['SEC-001 Fix it', 'SEC-001', 'Fix it'],
    ['T001 Create', 'T001', 'Create'],
    ['1. Audit', '1', 'Audit'],
    ['2.1 Sub task', '2.1', 'Sub task'],
    ['P0 fix the crash', undefined, 'P0 fix the crash'],
    ['Plain title', undefined, 'Plain title'],
  ])('splitId(%j)', (text, id, title) => expect(splitId(text)).toEqual({ ...(id && { id }), title }));

  it('field blocks, and prose that is not one', () => {
    expect(parseFields('Priority: CRITICAL | Timeline: Week 1')).toEqual({ priority: 'CRITICAL' });
    expect(parseFields('Status: NOT STARTED\nEffort: 3-4 hours\nAssignee: @octocat')).toEqual({
      status: { status: 'todo', raw: 'NOT STARTED' },
      effort: '3-4 hours',
      owner: '@octocat',
      assignee: 'octocat',
    });
    expect(parseFields('Note: this is prose, with a colon')).toBeUndefined();
    expect(idList('P2A.1, P2B (auth) and #T003; none')).toEqual(['P2A.1', 'P2B', 'T003']);
  });

  it('label templates', () => {
    const item = parseRoadmap('f.md', '- [ ] X-1 Thing\n  **Priority:** HIGH\n').items[0]!;
    expect(labelsFor(item, ['priority:{value}', 'effort:{value}', 'roadmap', 'st-{status}'])).toEqual([
      'priority:high',
      'roadmap',
      'st-todo',
    ]);
  });
});

describe('dates', () => {
  it('takes the year from the start line, else the earliest full date; reports a date it cannot place', () => {
    expect(anchorDate(['Last updated: 2026-01-10', '**Start Date:** October 24, 2025'])).toBe('2025-10-24');
    expect(anchorDate(['Written 2026-01-10', 'Reviewed 2025-12-01'])).toBe('2025-12-01');
    expect(resolveDate(findDate('Oct 31')!, '2025-10-24')).toEqual({ date: '2025-10-31' });
    expect(resolveDate(findDate('Jan 15')!, '2025-10-24')).toEqual({ date: '2026-01-15' });
    expect(resolveDate(findDate('Oct 20')!, '2025-10-24')).toEqual({ date: '2025-10-20' });
    expect(resolveDate(findDate('Oct 31')!, undefined)).toEqual({
      ambiguous: '"oct 31" has no year and the document has no dated line to take one from',
    });
  });

  it('a milestone date without a year in a document without dates is a warning, not a guess', () => {
    const r = parseRoadmap('r.md', '## Milestone 1: Core (Oct 31)\n\n- [ ] Thing\n');
    expect(r.milestones[0]).toEqual({ title: 'Milestone 1: Core', line: 1, file: 'r.md', criteria: [] });
    expect(r.warnings).toEqual([
      {
        file: 'r.md',
        line: 1,
        message:
          'ambiguous date: "oct 31" has no year and the document has no dated line to take one from; write it as YYYY-MM-DD',
      },
    ]);
  });
});

describe('marker and managed region', () => {
  const marker = {
    key: 'P2A.1/sub task',
    source: 'docs/road map.md',
    hash: 'abc',
    status: 'in_progress' as const,
    labels: ['priority:high', 'a,b'],
  };
  it('round-trips through the body, even with spaces and commas', () => {
    const back = readMarker(`Intro\n\n${formatMarker(marker)}\nmanaged`);
    expect(back).toEqual({ ...marker, labels: ['priority:high', 'a', 'b'] });
  });
  it('replaces only the region; a body without one gets it appended', () => {
    const region = managedRegion(marker, 'new');
    expect(replaceRegion(`top\n\n${managedRegion(marker, 'old')}\n\nbottom`, region)).toBe(
      `top\n\n${region}\n\nbottom`,
    );
    expect(replaceRegion('only a person wrote this', region)).toBe(`only a person wrote this\n\n${region}`);
    expect(replaceRegion(null, region)).toBe(region);
    expect(readMarker('no marker here')).toBeUndefined();
  });
});

describe('rename matching', () => {
  it('matches one-to-one above the threshold and refuses a near tie', () => {
    expect(similarity('Write docs', 'Write user docs')).toBe(0.8);
    expect(
      matchRenamed(
        [{ key: 'a', title: 'Set up nightly builds', source: 'f' }],
        [{ key: 'b', title: 'Set up nightly builds on CI', source: 'f' }],
      ),
    ).toEqual([{ from: 'a', to: 'b', similarity: 0.8 }]);
    expect(
      matchRenamed(
        [{ key: 'a', title: 'Set up builds', source: 'f' }],
        [{ key: 'b', title: 'Set up builds', source: 'other' }],
      ),
    ).toEqual([]);
    const tie = matchRenamed(
      [{ key: 'a', title: 'Write the docs', source: 'f' }],
      [
        { key: 'b', title: 'Write the API docs', source: 'f' },
        { key: 'c', title: 'Write the CLI docs', source: 'f' },
      ],
    );
    expect(tie).toEqual([]);
  });
});
