// Hostile and broken libtest JSON: cut off, malformed lines, self-contradicting suite counts,
// unknown events, and names and messages built to inject.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../src/core/errors.js';
import { libtestJson } from '../../src/core/reports/tests/libtest-json.js';
import { checkFiles, gate } from '../helpers/gate.js';
import { FIXTURES, parseNoticed, parseWith, textSource } from '../helpers/parse.js';

const lines = (...events: object[]) => `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
const failOf = (text: string) =>
  parseWith(libtestJson, textSource(text, 'cargo.json')).then(
    () => undefined,
    (e: unknown) => e as ReportParseError,
  );

describe('libtest JSON: broken files', () => {
  const whole = readFileSync(`${FIXTURES}libtest-json/cargo-test.json`, 'utf8');

  it('cut inside a line: the line is not JSON, and the message names it', async () => {
    const cut = whole.indexOf('"event": "failed"');
    const error = await failOf(whole.slice(0, cut));
    expect(error).toBeInstanceOf(ReportParseError);
    expect(error!.message).toMatch(/^cargo\.json:\d+: invalid JSON/);
  });

  it('cut between lines: the suite left open fails its running tests, never a pass', async () => {
    const cut = whole.split('\n').slice(0, 5).join('\n');
    const data = await parseWith(libtestJson, textSource(cut));
    expect(data.failed).toBeGreaterThanOrEqual(1);
    expect(data.failures.some((f) => f.message.startsWith('did not finish'))).toBe(true);
  });

  it('an event of the wrong shape names its line', async () => {
    const error = await failOf('{ "type": "suite", "event": "started" }\n{ "type": 7 }\n');
    expect(error!.message).toMatch(/^cargo\.json: not a valid libtest JSON event on line 2: .* at type$/);
  });

  it('only plain lines (a build that failed before any test ran) is refused', async () => {
    const error = await failOf('error[E0308]: mismatched types\n --> src/lib.rs:3:5\n');
    expect(error!.message).toBe(
      'cargo.json: no libtest JSON events found (is this the output of `cargo test -- -Z unstable-options --format json`?)',
    );
  });
});

describe('libtest JSON: a report never passes on its lenient half', () => {
  it('a suite declaring failed: 2 over passing tests counts 2 failures, and the gate fails', async () => {
    const text = lines(
      { type: 'suite', event: 'started', test_count: 1 },
      { type: 'test', event: 'started', name: 'a' },
      { type: 'test', name: 'a', event: 'ok' },
      { type: 'suite', event: 'ok', passed: 1, failed: 2, ignored: 0 },
    );
    const { data, notices } = await parseNoticed(libtestJson, textSource(text, 'cargo.json'));
    expect([data.total, data.passed, data.failed]).toEqual([3, 1, 2]);
    expect(notices).toEqual([
      'cargo.json: suite 1 declares 2 failed tests but 0 failed: the 2 not listed count as failed',
    ]);
    const report = await checkFiles(
      { 'cargo.json': text },
      { reports: { tests: ['cargo.json'] }, levels: { ci: { tests: { pass_rate: 100 } } }, require: 'ci' },
    );
    expect(gate(report, 'tests.pass_rate')).toBe('fail');
  });

  it('a suite result "failed" with every test passed is one failure', async () => {
    const data = await parseWith(
      libtestJson,
      textSource(
        lines(
          { type: 'suite', event: 'started' },
          { type: 'test', name: 'a', event: 'ok' },
          { type: 'suite', event: 'failed' },
        ),
      ),
    );
    expect([data.total, data.passed, data.failed]).toEqual([2, 1, 1]);
  });

  it('a result with no suite started still counts its declared failures', async () => {
    const data = await parseWith(
      libtestJson,
      textSource(
        lines({ type: 'test', name: 'a', event: 'ok' }, { type: 'suite', event: 'failed', passed: 1, failed: 3 }),
      ),
    );
    expect([data.total, data.failed]).toEqual([4, 3]);
  });

  it('an unknown final event is a failure, never a pass', async () => {
    const data = await parseWith(libtestJson, textSource(lines({ type: 'test', name: 'a', event: 'allowed_fail' })));
    expect([data.total, data.failed]).toEqual([1, 1]);
    expect(data.failures[0]!.message).toBe('test event allowed_fail');
  });
});

describe('libtest JSON: names and output are kept verbatim for the renderer to escape', () => {
  it('hostile names and panic messages', async () => {
    const hostile = ['@org/team', '<script>alert(1)</script>', 'a|b', '::set-output name=x::y'];
    const events = hostile.map((n) => ({
      type: 'test',
      name: `m::${n}`,
      event: 'failed',
      stdout: `thread 'm' panicked at src/a.rs:1:1:\n${n}`,
    }));
    const data = await parseWith(libtestJson, textSource(lines(...events)));
    // A name with a space is not split at its last `::`: it is not a module path.
    expect(data.failures.map((f) => f.message)).toEqual(hostile);
    expect(data.failures.map((f) => f.name)).toEqual([
      '@org/team',
      '<script>alert(1)</script>',
      'a|b',
      'm::::set-output name=x::y',
    ]);
  });

  it('an output of 70,000 characters is bounded', async () => {
    const data = await parseWith(
      libtestJson,
      textSource(lines({ type: 'test', name: 't', event: 'failed', stdout: 'x'.repeat(70_000) })),
    );
    expect(data.failures[0]!.message.length).toBeLessThan(9_000);
    expect(data.failures[0]!.details!.length).toBeLessThan(9_000);
  });
});
