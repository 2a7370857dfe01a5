import nock from 'nock';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { downloadReportArtifact } from '../../src/github/artifact.js';
import { DEFAULT_ZIP_LIMITS, readReportArtifact, unsafeEntryName } from '../../src/github/zip.js';
import { API, REPO, sampleReport, testOctokit } from './helpers.js';

const reportZip = (extra: Record<string, Uint8Array> = {}) =>
  zipSync({ 'readygate-report.json': strToU8(JSON.stringify(sampleReport())), ...extra });

/** Rewrites the declared uncompressed size of every entry (local header and central directory). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('readReportArtifact', () => {
  it('reads and validates the report', () => {
    expect(readReportArtifact(reportZip())).toEqual(sampleReport());
  });

  it('rejects a "../" entry name, even beside a valid report', () => {
    const zip = reportZip({ '../../.github/workflows/evil.yml': strToU8('on: push') });
    expect(() => readReportArtifact(zip)).toThrow(
      'the readygate-report artifact was rejected: entry "../../.github/workflows/evil.yml" climbs out of the archive ("..")',
    );
  });

  it('rejects a declared size of 1 GB before inflating anything', () => {
    const zip = declareSize(reportZip(), 1024 ** 3);
    expect(() => readReportArtifact(zip)).toThrow(
      /entry "readygate-report.json" declares 1073741824 bytes uncompressed, over the 104857600-byte limit/,
    );
  });

  it('rejects a compression ratio no report reaches', () => {
    const bomb = zipSync({ 'readygate-report.json': new Uint8Array(20 * 1024 * 1024) });
    expect(() => readReportArtifact(bomb)).toThrow(/would expand \d+x \(limit 200x\): refusing a likely zip bomb/);
  });

  it('cuts an entry that lies about its size (it then fails as JSON)', () => {
    expect(() => readReportArtifact(declareSize(reportZip(), 10))).toThrow(
      /readygate-report.json is not valid UTF-8 JSON/,
    );
  });

  it('rejects a report that fails the schema, naming the field', () => {
    const zip = zipSync({
      'readygate-report.json': strToU8(JSON.stringify({ ...sampleReport(), verdict: 'excellent' })),
    });
    expect(() => readReportArtifact(zip)).toThrow(/is not a readygate report \(readygate\/report@1\): .* at verdict/);
  });

  it.each([
    [
      'too many entries',
      zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, strToU8('x')]))),
      /central directory claims 30 entries \(limit 20\)/,
    ],
    ['no report entry', zipSync({ 'other.json': strToU8('{}') }), /has no readygate-report.json/],
    ['not a zip', strToU8('PK? nope'), /is not a readable zip/],
  ])('rejects %s', (_, zip, message) => {
    expect(() => readReportArtifact(zip)).toThrow(message);
  });

  it('rejects a zip over the size cap before reading it', () => {
    expect(() => readReportArtifact(reportZip(), { ...DEFAULT_ZIP_LIMITS, maxZipBytes: 10 })).toThrow(
      /over the 10-byte limit/,
    );
  });

  it.each([
    ['/etc/passwd', 'is an absolute path'],
    ['C:/x.json', 'is an absolute path'],
    ['a\\..\\b', 'climbs out of the archive ("..")'],
    ['dir/readygate-report.json', undefined],
  ])('entry name %s', (name, problem) => {
    expect(unsafeEntryName(name)).toBe(problem);
  });
});

describe('downloadReportArtifact', () => {
  it("lists the run's artifacts, checks the size, downloads through the redirect", async () => {
    const zip = reportZip();
    const scope = nock(API)
      .get('/repos/acme/widgets/actions/runs/42/artifacts')
      .query({ name: 'readygate-report', per_page: '100' })
      .reply(200, {
        total_count: 1,
        artifacts: [{ id: 9, name: 'readygate-report', expired: false, size_in_bytes: zip.length }],
      })
      .get('/repos/acme/widgets/actions/artifacts/9/zip')
      .reply(302, '', { location: 'https://blob.example/artifact.zip' });
    const blob = nock('https://blob.example')
      .get('/artifact.zip')
      .reply(200, Buffer.from(zip), { 'content-type': 'application/zip' });
    expect(await downloadReportArtifact(testOctokit(), REPO, 42)).toEqual(sampleReport());
    expect(scope.isDone() && blob.isDone()).toBe(true);
  });

  it('refuses an artifact listed over the size cap without downloading it', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets/actions/runs/42/artifacts')
      .query(true)
      .reply(200, {
        total_count: 1,
        artifacts: [{ id: 9, name: 'readygate-report', expired: false, size_in_bytes: 1024 ** 3 }],
      });
    await expect(downloadReportArtifact(testOctokit(), REPO, 42)).rejects.toThrow(
      /is 1073741824 bytes, over the 67108864-byte limit/,
    );
    expect(scope.isDone()).toBe(true);
  });

  it('says what to do when the run uploaded no report', async () => {
    const scope = nock(API)
      .get('/repos/acme/widgets/actions/runs/42/artifacts')
      .query(true)
      .reply(200, { total_count: 0, artifacts: [] });
    await expect(downloadReportArtifact(testOctokit(), REPO, 42)).rejects.toThrow(
      /workflow run 42 has no readygate-report artifact/,
    );
    expect(scope.isDone()).toBe(true);
  });
});
