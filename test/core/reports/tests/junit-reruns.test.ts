// #17: JUnit reruns written as repeated same-named <testcase>s (mikepenz's and Gradle's retry shapes).
import { describe, expect, it } from 'vitest';
import { junit } from '../../../../src/core/reports/tests/junit.js';
import { parseNoticed, textSource } from '../../../helpers/parse.js';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="CalcTest" tests="6" failures="3" errors="0" skipped="0">
  <testcase name="flaky" classname="CalcTest"><failure message="first try">trace 1</failure></testcase>
  <testcase name="flaky" classname="CalcTest"/>
  <testcase name="broken" classname="CalcTest"><failure message="try 1">t1</failure></testcase>
  <testcase name="broken" classname="CalcTest"><failure message="try 2">t2</failure></testcase>
  <testcase name="fine" classname="CalcTest"/>
  <testcase name="other" classname="OtherTest"/>
</testsuite>
`;

describe('JUnit reruns as repeated test cases', () => {
  it('with options.reruns: one test per name, flaky when a later attempt passed, the last failure kept', async () => {
    const { data, notices } = await parseNoticed(junit, textSource(XML, 'junit.xml'), { parserOptions: { reruns: true } });
    expect(data).toMatchObject({ total: 4, passed: 3, failed: 1, skipped: 0, flaky: 1 });
    expect(data.failures.map((f) => [f.name, f.message])).toEqual([['broken', 'try 2']]);
    // The suite's failures="3" counts attempts: that is not a contradiction.
    expect(notices).toEqual([]);
  });

  it('without the option every case counts, and a notice says names repeat', async () => {
    const { data, notices } = await parseNoticed(junit, textSource(XML, 'junit.xml'));
    expect(data).toMatchObject({ total: 6, passed: 3, failed: 3, flaky: 0 });
    expect(notices).toEqual([
      'junit.xml: 2 test case(s) repeat a name already seen in their suite and count as separate tests; if your reporter writes reruns this way, set options: { reruns: true }',
    ]);
  });

  it('a pass followed by a failure is a failure, not flaky', async () => {
    const xml = '<testsuite><testcase name="t"/><testcase name="t"><failure message="later"/></testcase></testsuite>';
    const { data } = await parseNoticed(junit, textSource(xml), { parserOptions: { reruns: true } });
    expect(data).toMatchObject({ total: 1, failed: 1, flaky: 0 });
  });
});
