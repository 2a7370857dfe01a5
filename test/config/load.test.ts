import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { closest } from '../../src/config/suggest.js';
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

const VALID = `reports:
  coverage: [coverage/lcov.info]
  tests: reports/**/*.xml
levels:
  mvp: { tests: { pass_rate: 90 } }
  beta: { coverage: { lines: 70 } }
require: mvp
branches: { "release/*": beta }
audit_ignore:
  - { id: GHSA-xxxx-xxxx-xxxx, reason: "not reachable", until: 2027-01-31 }
`;

describe('parseConfig', () => {
  it('accepts the documented shape and applies defaults', () => {
    const config = parseConfig(VALID);
    expect(config.reports.coverage).toEqual(['coverage/lcov.info']);
    expect(config.reports.tests).toEqual(['reports/**/*.xml']);
    expect(Object.keys(config.levels)).toEqual(['mvp', 'beta']);
    expect(config.mode).toBe('enforce');
    expect(config.missing).toBe('fail');
    // YAML reads an unquoted date as a Date: it comes back as the day written.
    expect(config.audit_ignore[0]!.until).toBe('2027-01-31');
  });

  it('names the key, the line and the likely key for a typo', () => {
    const text = VALID.replace('branches: {', 'brnaches: {');
    expect(problems(text)).toEqual(['.github/readygate.yml:8: unknown key `brnaches`: did you mean `branches`?']);
  });

  it('catches typos in nested gate keys with their line', () => {
    const text = VALID.replace('beta: { coverage: { lines: 70 } }', 'beta:\n    coverage:\n      line: 70');
    expect(problems(text)).toEqual([
      '.github/readygate.yml:8: unknown key `levels.beta.coverage.line`: did you mean `lines`?',
    ]);
  });

  it('reports wrong types and ranges with the key path and line', () => {
    const text = VALID.replace('pass_rate: 90', 'pass_rate: 190');
    expect(problems(text)).toEqual(['.github/readygate.yml:5: `levels.mvp.tests.pass_rate`: must be at most 100']);
    expect(problems(VALID.replace('require: mvp', 'require: prod'))).toEqual([
      '.github/readygate.yml:7: `require`: unknown level "prod" (levels: mvp, beta)',
    ]);
    expect(problems(VALID + 'mode: loud\n')[0]).toBe(
      '.github/readygate.yml:11: `mode`: must be one of "enforce", "warn"',
    );
  });

  it('refuses a fraction where a percent goes, and suggests the percent', () => {
    expect(problems(VALID.replace('lines: 70', 'lines: 0.85'))).toEqual([
      '.github/readygate.yml:6: `levels.beta.coverage.lines`: 0.85 would mean 0.85%: percents go from 0 to 100 here (did you mean 85?)',
    ]);
    expect(() => parseConfig(VALID.replace('lines: 70', 'lines: 0'))).not.toThrow();
    expect(() => parseConfig(VALID.replace('lines: 70', 'lines: 1.5'))).not.toThrow();
  });

  it('reports YAML syntax errors with their line', () => {
    const issues = problems('levels:\n  mvp: { tests: { pass_rate: 90 }\nrequire: mvp\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^\.github\/readygate\.yml:\d: YAML syntax: /);
  });

  it('refuses an empty file and a file without levels, saying what to add', () => {
    expect(problems('')).toEqual([
      '.github/readygate.yml: add at least a "levels:" section (run `readygate init` for a starter)',
    ]);
    expect(problems('mode: warn\n')).toEqual([
      '.github/readygate.yml:1: `levels`: define at least one level (or only a `roadmap:` section, for roadmap sync alone)',
    ]);
  });

  it('accepts a roadmap-only config (just `roadmap:`, no levels)', () => {
    const config = parseConfig('roadmap:\n  files: [ROADMAP.md]\n');
    expect(config.levels).toEqual({});
    expect(config.roadmap?.files).toEqual(['ROADMAP.md']);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(() => parseConfig(`${bomb}\nlevels: { a: {} }\n`)).toThrow();
  });
});

describe('closest', () => {
  it('suggests near words only', () => {
    expect(closest('brnaches', ['branches', 'levels'])).toBe('branches');
    expect(closest('xyz', ['branches', 'levels'])).toBeUndefined();
  });
});
