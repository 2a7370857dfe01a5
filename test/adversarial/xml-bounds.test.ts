// Resource class: "one XML attribute value can grow without bound (hundreds of MB)". What the
// scanner holds for one unfinished token (a tag and its attributes, a reference, the prolog), and
// what saxes holds between events in documents with a DTD, is capped by limits.maxXmlTokenChars:
// over it the report fails with a message. Text is streamed and stays unbounded in length.
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
});
