// With no report flags and no config, `check` finds the reports where the tools write them by
// default: here NUnit console's TestResult.xml and `dotnet test --logger trx`'s TestResults/*.trx.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempRepo } from '../helpers/cli.js';

const fixture = (path: string) => readFileSync(join('test/fixtures', path));

async function testsOf(dir: string, args: string[]) {
  const r = await cli(['check', '--out', 'out.json', ...args], dir);
  expect(r.stderr).not.toMatch(/error|cannot/i);
  return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).signals.tests;
}

describe('default report discovery', () => {
  it('reads TestResult.xml and TestResults/*.trx without being told', async () => {
    const dir = tempRepo({
      'TestResult.xml': fixture('nunit/nunit2-console.xml'),
      'src/Calc.Tests/TestResults/run.trx': fixture('trx/dotnet-trx.trx'),
    });
    const found = await testsOf(dir, []);
    const nunit = await testsOf(dir, ['--tests', 'TestResult.xml']);
    const trx = await testsOf(dir, ['--tests', 'src/Calc.Tests/TestResults/run.trx']);
    expect(nunit.failed).toBeGreaterThan(0);
    expect(trx.failed).toBeGreaterThan(0);
    for (const key of ['passed', 'failed', 'skipped'] as const) expect(found[key], key).toBe(nunit[key] + trx[key]);
  });
});
