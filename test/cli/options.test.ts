import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkCli, type CheckFlags } from '../../src/cli/check.js';
import { formatsCli } from '../../src/cli/formats.js';
import { initCli } from '../../src/cli/init.js';
import { bool, defineCommand, list, oneOf, parseFlags, str, type FlagsOf } from '../../src/cli/options.js';
import { protectCli } from '../../src/cli/protect.js';
import { reportCli } from '../../src/cli/report.js';
import { roadmapCli } from '../../src/cli/roadmap.js';
import { validateCli } from '../../src/cli/validate.js';
import { UsageError } from '../../src/core/errors.js';
import { cli, tempRepo } from '../helpers/cli.js';

const sample = defineCommand({
  help: 'Usage: sample\n',
  options: { out: str, file: list, force: bool, format: oneOf('text', 'json') },
  run: () => 0,
});

describe('a command declares its options once', () => {
  it('types each flag from its declaration', () => {
    expectTypeOf<FlagsOf<typeof sample.options>>().toEqualTypeOf<{
      out?: string;
      file?: string[];
      force?: boolean;
      format?: 'text' | 'json';
    }>();
    expectTypeOf<CheckFlags['coverage']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<CheckFlags['format']>().toEqualTypeOf<'text' | 'markdown' | 'json' | undefined>();
    expectTypeOf<CheckFlags['token']>().toEqualTypeOf<string | undefined>();
  });

  it('parses the flags it declares, as declared', () => {
    expect(
      parseFlags('sample', sample, ['--out', 'o.json', '--file', 'a', '--file=b', '--force', '--format', 'json']),
    ).toEqual({
      flags: { out: 'o.json', file: ['a', 'b'], force: true, format: 'json' },
      positionals: [],
      help: false,
    });
    expect(parseFlags('sample', sample, ['-h'])).toEqual({ flags: {}, positionals: [], help: true });
  });

  it.each([
    [['--format', 'yaml'], '--format must be text or json, not "yaml"'],
    [['--frce'], 'unknown option --frce for `readygate sample`: did you mean --force?'],
    [['--format=jsn', '--colour'], 'unknown option --colour for `readygate sample`\n'],
    [['extra'], 'Unexpected argument'],
    [['--out'], "Option '--out <value>' argument missing"],
  ])('refuses %j, saying why', (args, message) => {
    expect(() => parseFlags('sample', sample, args)).toThrow(UsageError);
    expect(() => parseFlags('sample', sample, args)).toThrow(message);
  });

  it.each([
    ['check', checkCli],
    ['init', initCli],
    ['validate', validateCli],
    ['formats', formatsCli],
    ['roadmap', roadmapCli],
    ['report', reportCli],
    ['protect', protectCli],
  ] as const)('`readygate %s --help` lists exactly the options it declares', (_name, command) => {
    const documented = new Set([...command.help.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]));
    documented.delete('help');
    expect([...documented].sort()).toEqual(Object.keys(command.options).sort());
  });
});

describe('flags with choices, through the CLI', () => {
  it('`formats --format json` prints JSON, and a format it does not know is refused', async () => {
    const dir = tempRepo();
    const json = await cli(['formats', '--format', 'json'], dir);
    expect(json.code).toBe(0);
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
    expect(await cli(['formats', '--format', 'yaml'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'readygate: --format must be text, markdown or json, not "yaml"\n',
    });
  });

  it('`roadmap --format` offers text or json', async () => {
    const r = await cli(['roadmap', 'show', '--format', 'markdown'], tempRepo());
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'readygate: --format must be text or json, not "markdown"\n' });
  });
});
