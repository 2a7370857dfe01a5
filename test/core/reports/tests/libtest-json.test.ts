import { describe, expect, it } from 'vitest';
import { libtestJson } from '../../../../src/core/reports/tests/libtest-json.js';
import { parseFixtureNoticed, parseNoticed, textSource } from '../../../helpers/parse.js';

const counts = (d: { total: number; passed: number; failed: number; skipped: number; flaky?: number }) => [d.total, d.passed, d.failed, d.skipped, d.flaky];

describe('libtest JSON written by cargo test (see test/fixtures/libtest-json/README.md)', () => {
  it('three suites: 5 passed, 3 failed, 1 ignored, as cargo printed; panics located', async () => {
    const { data, format, notices } = await parseFixtureNoticed('tests', 'libtest-json/cargo-test.json');
    expect(format).toBe('libtest-json');
    expect(notices).toEqual([]);
    expect(counts(data)).toEqual([9, 5, 3, 1, undefined]);
    expect(data.durationMs).toBe(576);
    expect(data.failures.map((f) => [f.suite, f.name, f.message, `${f.file}:${f.line}`])).toEqual([
      ['tests', 'adds_negatives', 'assertion `left == right` failed: deliberate failure', 'src/lib.rs:25'],
      ['tests', 'divides_by_zero', 'attempt to divide by zero', 'src/lib.rs:11'],
      [undefined, 'divides_through_the_public_api', 'assertion `left == right` failed: deliberate failure in an integration test', 'tests/integration.rs:8'],
    ]);
  });

  it('a test binary that aborted leaves its suite open: its running test fails, the rest is read', async () => {
    const { data } = await parseFixtureNoticed('tests', 'libtest-json/cargo-test-crash.json');
    expect(counts(data)).toEqual([10, 5, 4, 1, undefined]);
    expect(data.failures.map((f) => [f.name, f.kind, f.message])).toContainEqual([
      'aborts_the_process',
      'error',
      'did not finish: the test binary of suite 2 stopped without a result (a crash or an abort?)',
    ]);
  });
});

const line = (o: object) => JSON.stringify(o);
const lines = (...events: object[]) => `${events.map(line).join('\n')}\n`;

describe('libtest JSON edge cases', () => {
  it('a suite started with no test and no result (the binary died at once) is one failure', async () => {
    const { data } = await parseNoticed(libtestJson, textSource(lines({ type: 'suite', event: 'started', test_count: 3 })));
    expect(counts(data)).toEqual([1, 0, 1, 0, undefined]);
    expect(data.failures[0]!.message).toBe('suite 1 started but never reported a result: its test binary stopped (a crash or an abort?)');
  });

  it('should_panic that did not panic: the note is the message', async () => {
    const { data } = await parseNoticed(
      libtestJson,
      textSource(
        lines(
          { type: 'suite', event: 'started', test_count: 1 },
          { type: 'test', event: 'started', name: 'tests::must_panic' },
          { type: 'test', name: 'tests::must_panic', event: 'failed', stdout: '', message: 'note: test did not panic as expected' },
          { type: 'suite', event: 'failed', passed: 0, failed: 1, ignored: 0 },
        ),
      ),
    );
    expect(data.failures).toMatchObject([{ suite: 'tests', name: 'must_panic', message: 'note: test did not panic as expected' }]);
  });

  it("cargo's own lines merged in from stderr are skipped with a notice; a timeout warning is not a result", async () => {
    const text = `   Compiling calc v0.1.0\n     Running unittests src/lib.rs\n${lines(
      { type: 'suite', event: 'started', test_count: 1 },
      { type: 'test', event: 'started', name: 'slow' },
      { type: 'test', event: 'timeout', name: 'slow' },
      { type: 'test', name: 'slow', event: 'ok', exec_time: 61.2 },
      { type: 'suite', event: 'ok', passed: 1, failed: 0, ignored: 0, exec_time: 61.3 },
    )}error: test failed, to rerun pass \`--lib\`\n`;
    const { data, notices } = await parseNoticed(libtestJson, textSource(text, 'cargo.json'));
    expect(counts(data)).toEqual([1, 1, 0, 0, undefined]);
    expect(data.durationMs).toBe(61_300);
    expect(notices).toEqual(["cargo.json: 3 line(s) that are not JSON events were skipped (cargo's own output, merged from stderr?)"]);
  });
});
