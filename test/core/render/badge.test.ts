import { describe, expect, it } from 'vitest';
import {
  BADGE_STYLES,
  badgeEndpointJson,
  badgeSvg,
  levelBadge,
  parseBadgeSignal,
  parseBadgeStyle,
  signalBadge,
  unknownBadge,
} from '../../../src/core/render/badge.js';
import { XSS, pageReport } from './page-fixtures.js';

const SHIELDS_KEYS = ['schemaVersion', 'label', 'message', 'color'];

describe('levelBadge', () => {
  it('is coloured by the level reached against the level required', () => {
    const report = pageReport(); // beta reached, production required
    expect(levelBadge(report)).toEqual({ label: 'readygate', message: 'beta', color: 'orange' });
    expect(levelBadge({ ...report, required: 'beta' })).toMatchObject({ color: 'green' });
    expect(levelBadge({ ...report, required: 'mvp' })).toMatchObject({ color: 'brightgreen' });
    expect(levelBadge({ ...report, level: null })).toEqual({ label: 'readygate', message: 'not ready', color: 'red' });
  });
});

describe('signalBadge', () => {
  const report = pageReport();

  it.each([
    ['coverage', 'coverage', '84.2%', 'red'],
    ['tests', 'tests', '732/732', 'brightgreen'],
    ['audit', 'audit', '0 critical, 1 moderate', 'red'],
    ['lint', 'lint', '0 errors, 4 warnings', 'brightgreen'],
    ['roadmap', 'roadmap', 'Milestone 1: 3/7', 'red'],
  ] as const)('%s says what the report holds', (signal, label, message, color) => {
    const r = { ...report, required: 'production' };
    if (signal === 'tests') r.gates = [...r.gates, { ...r.gates[0]!, level: 'production' }];
    expect(signalBadge(r, signal)).toEqual({ label, message, color });
  });

  it('counts tests as passed out of passed and failed, as the pass-rate gate does', () => {
    expect(signalBadge(pageReport({ passed: 732, failed: 3 }), 'tests').message).toBe('732/735');
  });

  it('is blue when no gate of the required level looks at the signal', () => {
    expect(signalBadge({ ...report, required: 'mvp' }, 'coverage').color).toBe('blue');
  });

  it('is a grey "unknown" without data, and red when the signal’s report could not be read', () => {
    const bare = { ...report, signals: {} };
    for (const signal of ['coverage', 'tests', 'audit', 'lint', 'roadmap'] as const)
      expect(signalBadge(bare, signal)).toEqual({ label: signal, message: 'unknown', color: 'lightgrey' });
    const broken = {
      ...bare,
      gates: [
        { id: 'tests.report', level: null, status: 'fail' as const, actual: null, threshold: null, message: 'x' },
      ],
    };
    expect(signalBadge(broken, 'tests')).toEqual({ label: 'tests', message: 'report unreadable', color: 'red' });
  });

  it('names the first unfinished milestone, or the last one once all are done', () => {
    const done = structuredClone(report);
    for (const m of done.signals.roadmap!.milestones) m.done = m.total;
    expect(signalBadge(done, 'roadmap').message).toBe('Milestone 2: 2/2');
  });
});

describe('badge output', () => {
  it('writes SVG in every badge-maker style, with the text escaped', () => {
    for (const style of BADGE_STYLES) {
      const svg = badgeSvg({ label: XSS, message: '84.2%', color: 'green' }, style);
      expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
      expect(svg).not.toMatch(/<img/i);
      expect(svg).toMatch(/&lt;img/i);
    }
    expect(badgeSvg(unknownBadge())).toContain('unknown');
  });

  it('writes shields.io endpoint JSON with only the keys shields knows and never an empty message', () => {
    const json = JSON.parse(badgeEndpointJson(signalBadge(pageReport(), 'coverage')));
    expect(Object.keys(json)).toEqual(SHIELDS_KEYS);
    expect(json).toEqual({ schemaVersion: 1, label: 'coverage', message: '84.2%', color: 'red' });
    const empty = JSON.parse(badgeEndpointJson({ label: 'x', message: ' \u0000 ', color: 'blue' }));
    expect(empty.message).not.toBe('');
    expect(JSON.parse(badgeEndpointJson({ label: 'l', message: 'm'.repeat(500), color: 'red' })).message).toHaveLength(
      64,
    );
    expect(JSON.parse(badgeEndpointJson(unknownBadge()))).toEqual({
      schemaVersion: 1,
      label: 'readygate',
      message: 'unknown',
      color: 'lightgrey',
    });
  });

  it('accepts only known styles and signals from a query string', () => {
    expect(parseBadgeStyle('for-the-badge')).toBe('for-the-badge');
    expect(parseBadgeStyle('<x>')).toBeUndefined();
    expect(parseBadgeStyle(undefined)).toBeUndefined();
    expect(parseBadgeSignal('coverage')).toBe('coverage');
    expect(parseBadgeSignal('__proto__')).toBeUndefined();
  });
});
