// JUnit files holding several documents one after another (cargo test writes one per test binary):
// whatever follows the first document adds to the counts and never takes a failure away, and a
// document cut off or followed by text is refused as before.
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../src/core/errors.js';
import { junit } from '../../src/core/reports/tests/junit.js';
import { parseWith, textSource } from '../helpers/parse.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const failing = `${DECL}<testsuites><testsuite name="test" tests="1" failures="1"><testcase classname="tests" name="a"><failure type="assert"/><system-out><![CDATA[thread 'tests::a' panicked at src/lib.rs:3:5:\nboom]]></system-out></testcase></testsuite></testsuites>`;
const passing = `${DECL}<testsuites><testsuite name="test" tests="2" failures="0"><testcase classname="tests" name="a"/><testcase classname="tests" name="b"/></testsuite></testsuites>`;

describe('JUnit: several documents in one file', () => {
  it('a passing document after a failing one adds its passes and keeps the failure', async () => {
    const data = await parseWith(junit, textSource(`${failing}\n${passing}\n`));
    expect([data.total, data.passed, data.failed]).toEqual([3, 2, 1]);
    expect(data.failures[0]).toMatchObject({ name: 'a', message: 'boom', file: 'src/lib.rs', line: 3 });
  });

  it('the same test name in two documents is two tests, not a rerun', async () => {
    const data = await parseWith(junit, textSource(`${failing}\n${failing}\n`));
    expect([data.total, data.failed]).toEqual([2, 2]);
  });

  it('a cut-off second document, or text between documents, is refused', async () => {
    for (const text of [`${failing}\n${passing.slice(0, 80)}`, `${failing}\nFAILED\n${passing}`]) {
      const error = await parseWith(junit, textSource(text, 'junit.xml')).catch((e: unknown) => e);
      expect(error, text).toBeInstanceOf(ReportParseError);
      expect((error as ReportParseError).message).toMatch(/^junit\.xml:\d+: invalid XML: /);
    }
  });
});
