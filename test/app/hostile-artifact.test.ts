// Hostile readygate-report artifacts (class: untrusted archive input): each is refused before
// anything is parsed or trusted, and the App's check run fails naming why; nothing is commented.
import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  APP,
  BASE_SHA,
  REPO_PATH,
  SHA,
  artifactDownload,
  artifactList,
  ownRuns,
  runUpdates,
  sampleReport,
  testProbot,
  tokenScope,
  workflowRunPayload,
  zipOf,
  type Loose,
} from './harness.js';

const MB = 1024 * 1024;

/** One entry that inflates to `mb` MiB of zeros (a zip bomb), streamed. */
function zipBomb(mb: number): Buffer {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    parts.push(data);
  });
  const entry = new ZipDeflate('readygate-report.json', { level: 9 });
  zip.add(entry);
  const zeros = new Uint8Array(MB);
  for (let i = 0; i < mb; i++) entry.push(zeros, i === mb - 1);
  zip.end();
  return Buffer.concat(parts);
}

/** A valid report zip whose headers claim `size` uncompressed bytes. */
function lyingSize(size: number): Buffer {
  const zip = zipOf({ 'readygate-report.json': strToU8(JSON.stringify(sampleReport())) });
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (zip.readUInt32LE(i) === 0x04034b50) zip.writeUInt32LE(size, i + 22);
    if (zip.readUInt32LE(i) === 0x02014b50) zip.writeUInt32LE(size, i + 24);
  }
  return zip;
}

/** A report zip whose end-of-central-directory record claims 65,535 entries (the most a zip can say). */
function hugeDirectory(): Buffer {
  const zip = zipOf({ 'readygate-report.json': strToU8(JSON.stringify(sampleReport())) });
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  zip.writeUInt16LE(0xffff, eocd + 8);
  zip.writeUInt16LE(0xffff, eocd + 10);
  return zip;
}

/** 30 small entries, more than a report artifact needs. */
const manyEntries = () =>
  Buffer.from(
    zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.json`, strToU8('{}')] as const))),
  );

describe('hostile artifacts fail the check run with the reason', () => {
  it.each([
    [
      'zip-slip ("../" entry)',
      () => zipOf({ 'readygate-report.json': strToU8('{}'), '../../.github/workflows/x.yml': strToU8('on: push') }),
      /x\.yml.*climbs out of the archive/,
    ],
    ['zip-slip (absolute entry)', () => zipOf({ '/etc/cron.d/x': strToU8('x') }), /is an absolute path/],
    ['a zip bomb', () => zipBomb(16), /zip bomb|over the .*-byte limit/],
    ['an entry lying about its size', () => lyingSize(1024 ** 3), /declares 1073741824 bytes uncompressed/],
    [
      'a central directory claiming 65,535 entries',
      hugeDirectory,
      /central directory claims 65535 entries \(limit 20\)/,
    ],
    ['more entries than a report needs', manyEntries, /central directory claims 30 entries \(limit 20\)/],
    [
      'a report failing the schema',
      () => zipOf({ 'readygate-report.json': strToU8(JSON.stringify({ ...sampleReport(), schema: 'other@9' })) }),
      /is not a readygate report/,
    ],
    ['bytes that are not a zip', () => Buffer.from('PK not really'), /not a readable zip/],
  ])('%s', async (_, build, reason) => {
    const zip = build();
    const updates: Loose[] = [];
    let scope = ownRuns(artifactList(tokenScope(), 42, zip))
      .post(`${REPO_PATH}/check-runs`)
      .reply(201, { id: 11, html_url: 'u', app: APP })
      .get(`${REPO_PATH}/pulls`)
      .query(true)
      .reply(200, [
        { number: 5, head: { sha: SHA, repo: { full_name: 'acme/widgets' } }, base: { sha: BASE_SHA, ref: 'main' } },
      ]);
    scope = artifactDownload(artifactList(scope, 42, zip), zip);
    runUpdates(11, updates);
    const probot = await testProbot();
    await probot.receive({ id: `hostile-${reason}`, name: 'workflow_run', payload: workflowRunPayload() } as never);
    expect(scope.isDone()).toBe(true);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ conclusion: 'failure', output: { title: 'readygate refused the CI report' } });
    expect(updates[0]!.output.summary).toMatch(reason);
    expect(updates[0]!.actions).toEqual([expect.objectContaining({ identifier: 'readygate-recheck' })]);
  });
});
