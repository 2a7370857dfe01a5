// Hang class: "a FIFO (or any non-seekable report path) is opened twice, once to detect and once to
// parse; the second open blocks forever". Such a source is read once: detection's head is replayed to
// the parser, which then reads on from where the stream stands.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/collect.js';
import { fileSource } from '../../src/collect/file-source.js';
import { ReportParseError } from '../../src/core/errors.js';
import { parseReport } from '../../src/core/reports/registry.js';
import { DEFAULT_LIMITS, type ReportSource } from '../../src/core/reports/types.js';
import { readOnceSource } from '../../src/core/stream/read-once.js';
import { tempRepo } from '../helpers/cli.js';
import { createPathMapper } from '../../src/core/paths.js';

/** A JUnit report far larger than the detection head and a pipe's buffer. */
function bigJunit(cases: number): string {
  const body = Array.from({ length: cases }, (_, i) => `<testcase classname="c" name="case ${i}"/>`).join('\n');
  return `<?xml version="1.0"?>\n<testsuite name="s" tests="${cases + 1}">\n${body}\n<testcase classname="c" name="last"><failure message="boom"/></testcase>\n</testsuite>\n`;
}

describe('a named pipe as a report path', () => {
  it('is detected and parsed from one open (format not named)', async () => {
    const root = tempRepo({});
    execFileSync('mkfifo', [join(root, 'junit.xml')]);
    expect(fileSource(root, 'junit.xml').readOnce).toBe(true);
    const writing = writeFile(join(root, 'junit.xml'), bigJunit(20_000));
    const out = await collect({ root, reports: { tests: ['junit.xml'] }, limits: DEFAULT_LIMITS });
    await writing;
    expect(out.errors).toEqual([]);
    expect(out.reports).toEqual([{ signal: 'tests', path: 'junit.xml', format: 'junit' }]);
    expect(out.signals.tests).toMatchObject({ total: 20_001, failed: 1 });
  });

  it('an empty pipe is an empty report, not a hang', async () => {
    const root = tempRepo({});
    execFileSync('mkfifo', [join(root, 'lcov.info')]);
    const writing = writeFile(join(root, 'lcov.info'), '');
    const out = await collect({ root, reports: { coverage: ['lcov.info'] }, limits: DEFAULT_LIMITS });
    await writing;
    expect(out.errors).toEqual([{ signal: 'coverage', path: 'lcov.info', message: 'file is empty' }]);
  });
});

describe('readOnceSource', () => {
  /** A source that, like a pipe, has one stream to give: a second open() is a test failure. */
  function once(chunks: string[]): ReportSource {
    let opened = false;
    return {
      path: 'pipe.xml',
      readOnce: true,
      open: () => {
        if (opened) throw new Error('opened twice');
        opened = true;
        return Readable.from(chunks.map((c) => Buffer.from(c)));
      },
    };
  }
  const ctx = (source: ReportSource) => ({
    source,
    paths: createPathMapper({ root: '/nonexistent', exists: () => false }),
    limits: DEFAULT_LIMITS,
  });

  it('lets detection and parsing share the one stream, whatever the chunking', async () => {
    const xml = bigJunit(3_000);
    const pieces = xml.match(/[\s\S]{1,777}/g)!;
    const parsed = await parseReport('tests', ctx(once(pieces)));
    expect(parsed.format).toBe('junit');
    expect(parsed.data).toMatchObject({ total: 3_001, failed: 1 });
  });

  it('refuses to replay more than its bound rather than hand over a gap', async () => {
    const source = readOnceSource(once(['a'.repeat(600), 'b'.repeat(600), 'c']), 1000);
    for await (const chunk of source.open()) void chunk; // a first reader that takes everything
    const second = (async () => {
      for await (const chunk of source.open()) void chunk;
    })();
    await expect(second).rejects.toThrow(ReportParseError);
    await expect(second).rejects.toThrow(/can be read only once .* more than 1000 bytes/);
  });

  it('replays what was kept, then reads on', async () => {
    const source = readOnceSource(once(['ab', 'cd', 'ef']));
    const first = source.open();
    const head = (await first[Symbol.asyncIterator]().next()).value as Buffer;
    first.destroy();
    expect(head.toString()).toBe('ab');
    let all = '';
    for await (const chunk of source.open()) all += String(chunk);
    expect(all).toBe('abcdef');
  });
});
