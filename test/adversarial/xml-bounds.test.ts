// Resource class: "one XML attribute value can grow without bound (hundreds of MB)". What the
// scanner holds for one unfinished token (a tag and its attributes, a reference, the prolog), and
// what saxes holds between events in documents with a DTD, is capped by limits.maxXmlTokenChars:
// over it the report fails with a message. Text is streamed and stays unbounded in length. A token
// under the bound is read whatever comes after it (the bound used to count text read past its end,
// and refused tokens of half the bound), and what a parser keeps of every test case's name does not
// grow with it (a 1 GiB file of megabyte names held 1.5 GB: numbers in bench/bounds.ts's cases).
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createPathMapper } from '../../src/core/paths.js';
import { parseReport } from '../../src/core/reports/registry.js';
import { DEFAULT_LIMITS, type ReportSource } from '../../src/core/reports/types.js';

const LIMIT = 256 * 1024;
const TOO_LONG = /over 262144 characters: refusing to hold it in memory/;

/** A report streamed in 16 KiB chunks, as a file is read: `middle` repeated `times` in between. */
function streamed(head: string, middle: string, times: number, tail: string): ReportSource {
  function* pieces() {
    yield Buffer.from(head);
    const chunk = Buffer.from(middle.repeat(Math.ceil(16_384 / middle.length)));
    for (let n = 0; n < times * middle.length; n += chunk.length) yield chunk;
    yield Buffer.from(tail);
  }
  return { path: 'junit.xml', open: () => Readable.from(pieces()) };
}

async function parse(source: ReportSource, maxXmlTokenChars = LIMIT) {
  return parseReport(
    'tests',
    {
      source,
      paths: createPathMapper({ root: '/nonexistent', exists: () => false }),
      limits: { ...DEFAULT_LIMITS, maxXmlTokenChars },
    },
    'junit',
  );
}

describe('one XML token is bounded', () => {
  it('defaults to 16 Mi characters', () => {
    expect(DEFAULT_LIMITS.maxXmlTokenChars).toBe(16 * 1024 * 1024);
  });

  it('refuses an attribute value that never closes, however long the file', async () => {
    const source = streamed('<testsuite name="s"><testcase name="', 'x', 4 * LIMIT, '"/></testsuite>');
    await expect(parse(source)).rejects.toThrow(TOO_LONG);
  });

  it('refuses it in a document read by saxes (a DTD in the prolog) too', async () => {
    const head = '<?xml version="1.0"?>\n<!DOCTYPE testsuite [<!ENTITY e "x">]>\n<testsuite name="s"><testcase name="';
    await expect(parse(streamed(head, 'x', 4 * LIMIT, '"/></testsuite>'))).rejects.toThrow(TOO_LONG);
  });

  it('reads a long attribute under the bound, and long text whatever its length', async () => {
    const attr = streamed('<testsuite name="s"><testcase name="', 'y', LIMIT / 2, '"/></testsuite>');
    expect((await parse(attr)).data).toMatchObject({ total: 1, passed: 1 });
    const text = streamed(
      '<testsuite name="s"><testcase name="t"><system-out>',
      'log line\n',
      LIMIT,
      '</system-out><failure message="m">boom</failure></testcase></testsuite>',
    );
    expect((await parse(text)).data).toMatchObject({ total: 1, failed: 1 });
  });

  it('reads tokens just under the bound one after another, wherever the chunks cut them', async () => {
    for (const first of [1, 5_000, 9_999]) {
      const name = (i: number) => `${i} ${'n'.repeat(LIMIT - 64)}`;
      const cases = Array.from({ length: 3 }, (_, i) => `<testcase name="${name(i)}"/>`).join('');
      const source = streamed('<testsuite name="s">', `${' '.repeat(first)}${cases}`, 1, '</testsuite>');
      expect((await parse(source)).data, `cut at ${first}`).toMatchObject({ total: 3, passed: 3 });
    }
  });

  it('tells long test names apart, and repeats of one, as short ones', async () => {
    const long = 'n'.repeat(LIMIT / 2);
    const text = `<testsuite name="s"><testcase name="${long}a"/><testcase name="${long}b"/><testcase name="${long}a"/></testsuite>`;
    const source = streamed('', text, 1, '');
    const notices: string[] = [];
    const { data } = await parseReport(
      'tests',
      {
        source,
        paths: createPathMapper({ root: '/nonexistent', exists: () => false }),
        limits: { ...DEFAULT_LIMITS, maxXmlTokenChars: LIMIT },
        notice: (n: string) => notices.push(n),
      },
      'junit',
    );
    expect(data).toMatchObject({ total: 3, passed: 3 });
    expect(notices.join('\n')).toMatch(/^junit.xml: 1 test case\(s\) repeat a name already seen in their suite/);
  });
});
