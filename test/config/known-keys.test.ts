// "Did you mean" reads the keys from the schema: every object in the config is covered, and a key
// added to the schema is offered without a second list to update.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfig } from '../../src/config/load.js';
import { knownKeys } from '../../src/config/known-keys.js';
import { Config, CoverageGates, RoadmapConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/core/errors.js';

function problems(text: string): string[] {
  try {
    parseConfig(text);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('knownKeys', () => {
  it.each([
    [
      [],
      [
        '_extends',
        'reports',
        'levels',
        'require',
        'branches',
        'mode',
        'missing',
        'audit_ignore',
        'paths',
        'limits',
        'patch',
        'roadmap',
      ],
    ],
    [['reports'], ['coverage', 'tests', 'audit', 'lint']],
    [
      ['reports', 'coverage', '0'],
      ['path', 'format', 'options'],
    ],
    [
      ['levels', 'beta'],
      ['coverage', 'tests', 'audit', 'lint', 'roadmap'],
    ],
    [
      ['levels', 'beta', 'coverage'],
      ['lines', 'branches', 'functions', 'max_drop', 'patch'],
    ],
    [
      ['levels', 'beta', 'tests'],
      ['pass_rate', 'max_failed', 'min_total', 'max_skipped', 'max_flaky'],
    ],
    [
      ['levels', 'beta', 'audit'],
      ['critical', 'high', 'moderate', 'low'],
    ],
    [
      ['levels', 'beta', 'lint'],
      ['errors', 'warnings', 'new_only'],
    ],
    [
      ['levels', 'beta', 'roadmap'],
      ['milestone', 'priority', 'done'],
    ],
    [
      ['levels', 'beta', 'roadmap', '1'],
      ['milestone', 'priority', 'done'],
    ],
    [
      ['audit_ignore', '0'],
      ['id', 'package', 'reason', 'until'],
    ],
    [['paths'], ['strip_prefixes']],
    [['limits'], ['max_json_bytes', 'max_failures']],
    [['patch'], ['unreported', 'exclude', 'annotations']],
    [['roadmap'], Object.keys(RoadmapConfig.shape)],
    [['branches'], []],
    [['levels', 'beta', 'constructor'], []],
    [['nowhere', 'at', 'all'], []],
  ])('at %j: %j', (path, keys) => {
    expect(knownKeys(Config, path)).toEqual(keys);
  });

  it('follows a key the schema gains, with no list to update', () => {
    const grown = z.strictObject({ levels: z.record(z.string(), CoverageGates.extend({ statements: z.number() })) });
    expect(knownKeys(grown, ['levels', 'x'])).toContain('statements');
  });
});

describe('did you mean, wherever the config has keys', () => {
  it.each([
    ['reports:\n  coverage:\n    - { path: a.info, fromat: lcov }\nlevels: { a: {} }\n', 'did you mean `format`?'],
    ['levels: { a: {} }\naudit_ignore:\n  - { id: X, reason: r, untill: 2027-01-01 }\n', 'did you mean `until`?'],
    ['levels: { a: {} }\nroadmap: { file: [ROADMAP.md] }\n', 'did you mean `files`?'],
    ['levels: { a: {} }\npatch: { exlude: [] }\n', 'did you mean `exclude`?'],
    ['levels: { a: {} }\nlimits: { zzz: 1 }\n', 'known keys: max_json_bytes, max_failures'],
  ])('%j', (text, hint) => {
    expect(problems(text).join('\n')).toContain(hint);
  });
});
