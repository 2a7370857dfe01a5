// Hostile JUnit XML: entity bombs and external entities are never expanded, and nesting is bounded.
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../src/core/errors.js';
import { junit } from '../../src/core/reports/tests/junit.js';
import { parseWith, textSource } from '../helpers/parse.js';

async function refusal(xml: string): Promise<ReportParseError> {
  const error = await parseWith(junit, textSource(xml, 'junit.xml')).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportParseError);
  return error as ReportParseError;
}

describe('XML entities and nesting', () => {
  it('refuses a billion-laughs entity bomb as an undefined entity, without expanding it', async () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i < 10; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE testsuites [\n${levels.join('\n')}\n]>\n<testsuites><testsuite name="s"><testcase name="&lol9;"/></testsuite></testsuites>\n`;
    const before = process.memoryUsage().heapUsed;
    const error = await refusal(xml);
    expect(error.message).toMatch(/^junit\.xml:\d+: invalid XML: undefined entity/);
    expect(error.message).toContain('DTD entities are never expanded');
    expect(error.message).not.toContain('lollol');
    // 10^9 "lol"s would be 3 GB: generously, nothing near that was allocated.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses an external entity and never reads the file it names', async () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE testsuites [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<testsuites><testsuite name="s"><testcase name="t"><failure message="&xxe;"/></testcase></testsuite></testsuites>\n';
    const error = await refusal(xml);
    expect(error.message).toMatch(/invalid XML: undefined entity/);
    expect(error.message).not.toMatch(/root:|nologin/);
  });

  it('refuses a parameter-entity external DTD the same way (no fetch, no expansion)', async () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE testsuites [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>\n<testsuites><testsuite name="&exfil;"/></testsuites>\n';
    const error = await refusal(xml);
    expect(error.message).toMatch(/invalid XML/);
  });

  it('refuses 100,000-deep nesting by the depth limit, naming the line', async () => {
    const depth = 100_000;
    const xml = `<testsuites>\n<testsuite name="s">\n${'<properties>'.repeat(depth)}${'</properties>'.repeat(depth)}\n</testsuite></testsuites>\n`;
    const error = await refusal(xml);
    expect(error.message).toBe('junit.xml:3: XML nested deeper than 512 elements');
    expect(error.line).toBe(3);
  });
});

describe('JUnit nesting no tool writes', () => {
  it.each([
    [
      'a failure before the nested case',
      '<testcase name="outer"><failure message="boom"/><testcase name="inner"/></testcase>',
    ],
    [
      'a failure after the nested case',
      '<testcase name="outer"><testcase name="inner"/><failure message="boom"/></testcase>',
    ],
  ])('a <testcase> inside a <testcase> (%s) is refused, never read as one pass', async (_what, cases) => {
    const error = await refusal(`<testsuite failures="0">\n${cases}</testsuite>`);
    expect(error.message).toBe('junit.xml:2: a <testcase> inside another <testcase>: not JUnit XML');
  });
});
