// Escape class: "workflow commands from the CLI". The CLI prints report text (failure messages,
// test names) indented; under GitHub Actions the runner executes `::add-mask::`, `::error::`,
// `##[set-env]` and friends from such lines. With GITHUB_ACTIONS=true nothing the CLI prints, in any
// format and on either stream, may run as a command; the text itself still reaches the reader.
import { describe, expect, it } from 'vitest';
import { commandSafeWriter } from '../../src/core/render/safe-log.js';
import { cli, tempRepo } from '../helpers/cli.js';
import { commandsRun } from '../helpers/runner-log.js';

const INJECTED = [
  '::add-mask::hunter2',
  '::error file=src/a.ts,line=1::forged failure',
  '::set-env name=NODE_OPTIONS::--require ./evil.js',
  '##[set-output name=verdict]pass',
  '\u0085::warning::after a NEL',
];
const junit = INJECTED.map(
  (m, i) =>
    `<testcase name="t${i}" classname="c"><failure message="${m.replace(/"/g, '&quot;').replace('\u0085', '&#133;')}">${m.replace('\u0085', '&#133;')}&#10;${m.replace('\u0085', '&#133;')}</failure></testcase>`,
);
const REPO = {
  '.github/readygate.yml': 'reports:\n  tests: [junit.xml]\nlevels:\n  mvp: { tests: { pass_rate: 100 } }\n',
  'junit.xml': `<testsuite name="s">${junit.join('')}<testcase name="::error::in a name" classname="c"/></testsuite>`,
};

describe('the CLI under GitHub Actions runs no workflow command from report text', () => {
  it('prints the text without protection outside Actions (the input reaches the log)', async () => {
    const r = await cli(['check'], tempRepo(REPO));
    expect(r.code).toBe(1);
    expect(commandsRun(r.stdout).length).toBeGreaterThan(0);
  });

  it.each(['text', 'markdown', 'json'])('--format %s', async (format) => {
    const r = await cli(['check', '--format', format], tempRepo(REPO), { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    expect(commandsRun(r.stdout + r.stderr)).toEqual([]);
    expect(r.stdout).toContain('hunter2'); // shown, not hidden
    if (format === 'json') {
      // Still a parseable document with the same values.
      const report = JSON.parse(r.stdout) as unknown;
      expect(JSON.stringify(report)).toContain('##[set-output name=verdict]pass');
    }
  });

  it('errors on stderr too', async () => {
    const dir = tempRepo({
      '.github/readygate.yml':
        'reports:\n  tests: ["::add-mask::x/##[error]y.xml"]\nlevels:\n  mvp: { tests: { pass_rate: 100 } }\n',
    });
    const r = await cli(['check', '--config', '::error::nope.yml'], dir, { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('::error::nope.yml');
    expect(commandsRun(r.stderr)).toEqual([]);
  });
});

describe('commandSafeWriter', () => {
  function writes(parts: string[], tokens = ['tok']): string {
    let out = '';
    const queue = [...tokens];
    const write = commandSafeWriter(
      (t) => (out += t),
      () => queue.shift() ?? 'last',
    );
    for (const p of parts) write(p);
    return out;
  }

  it('passes text with no command through unchanged (std::vector, C::x, ## [x])', () => {
    const parts = ['std::vector<int> a;\n', 'path C::x and ## [spaced]\n', 'no newline'];
    expect(writes(parts)).toBe(parts.join(''));
  });

  it.each([
    [['  :', ':add-mask::x\n']],
    [['##', '[error]x\n']],
    [['ok\r::error::after a carriage return\n']],
    [['ok\n', '\t::warning::tab\n']],
    [['partial line ', '##[set-env name=A;]b']],
  ])('a command split across writes, or after any line break, never runs: %j', (parts) => {
    const out = writes(parts);
    expect(commandsRun(out)).toEqual([]);
    expect(out.replace(/::stop-commands::tok\n|::tok::\n|\n/g, '')).toBe(parts.join('').replace(/\n/g, ''));
  });

  it('never resumes on a token the text holds', () => {
    const out = writes(['::tok::\n::add-mask::x\n'], ['tok', 'fresh']);
    expect(out.startsWith('::stop-commands::fresh\n')).toBe(true);
    expect(commandsRun(out)).toEqual([]);
  });
});
