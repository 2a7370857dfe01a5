import { describe, expect, it } from 'vitest';
import { compilerText } from '../../../../src/core/reports/lint/compiler-text.js';
import { parseWith, textSource } from '../../../helpers/parse.js';

describe('compiler-text: built-in patterns and options', () => {
  it('reads lines without a severity word as options.default_severity (default error)', async () => {
    const text = 'pkg/a.go:10:2: printf: bad verb %z\nC:\\src\\b.c:3: warning: w\n';
    const data = await parseWith(compilerText, textSource(text), { root: 'C:/' });
    expect(data.findings.map((f) => `${f.path} ${f.line}:${f.column ?? ''} ${f.severity} ${f.message}`)).toEqual(['pkg/a.go 10:2 error printf: bad verb %z', 'src/b.c 3: warning w']);
    const notes = await parseWith(compilerText, textSource(text), { parserOptions: { default_severity: 'note' } });
    expect(notes.findings[0]!.severity).toBe('note');
    await expect(parseWith(compilerText, textSource(text), { parserOptions: { default_severity: 'fatal' } })).rejects.toThrow('options.default_severity must be error, warning or note (got "fatal")');
  });

  it('options.pattern: named groups path, line, column, severity, rule, message', async () => {
    const pattern = '^(?<severity>[EW]) (?<path>\\S+) L(?<line>\\d+) (?<rule>\\w+): (?<message>.*)$';
    const text = 'E src/a.py L3 X100: first\nnot a match\nW src/b.py L0 Y2: second\n';
    const data = await parseWith(compilerText, textSource(text), { parserOptions: { pattern } });
    // E and W are not severity words readygate knows: they fall back to default_severity.
    expect(data.findings).toEqual([
      { path: 'src/a.py', line: 3, rule: 'X100', severity: 'error', message: 'first', fingerprint: '' },
      { path: 'src/b.py', rule: 'Y2', severity: 'error', message: 'second', fingerprint: '' },
    ]);
  });

  it('refuses an invalid pattern or one without the path and message groups', async () => {
    await expect(parseWith(compilerText, textSource('x'), { parserOptions: { pattern: '(' } })).rejects.toThrow(/report: options.pattern is not a valid regular expression: /);
    await expect(parseWith(compilerText, textSource('x'), { parserOptions: { pattern: '^(?<path>.*)$' } })).rejects.toThrow('needs the named groups (?<path>…) and (?<message>…)');
    await expect(parseWith(compilerText, textSource('x'), { parserOptions: { pattern: 42 } })).rejects.toThrow('options.pattern must be a string');
  });

  it('detects by the first line; prose or a lone context line is not compiler output', () => {
    expect(compilerText.detect('src/a.ts(1,2): error TS1005: x\n')).toBe(true);
    expect(compilerText.detect('a.c: In function ‘f’:\na.c:2:3: warning: w [-Wx]\n')).toBe(true);
    expect(compilerText.detect('Build started at 10:00: ok\nsrc/a.c:1:1: error: e\n')).toBe(false);
    expect(compilerText.detect('a.c:2: just text\n')).toBe(false);
    expect(compilerText.detect('a.c: In function ‘f’:\n')).toBe(false);
  });
});
