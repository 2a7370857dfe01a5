// Zip bomb and zip-slip artifacts: refused with a message, nothing inflated without bound, nothing
// written anywhere.
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ArtifactError, DEFAULT_ZIP_LIMITS, readReportArtifact } from '../../src/github/zip.js';

const MB = 1024 * 1024;

/** A zip whose one entry inflates to `mb` MiB of zeros, built in 1 MiB pieces (never held whole). */
function zipBomb(name: string, mb: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    parts.push(data);
  });
  const entry = new ZipDeflate(name, { level: 6 });
  zip.add(entry);
  const zeros = new Uint8Array(MB);
  for (let i = 0; i < mb; i++) entry.push(zeros, i === mb - 1);
  zip.end();
  return Buffer.concat(parts);
}

async function refusal(bytes: Uint8Array): Promise<ArtifactError> {
  let error: unknown;
  try {
    readReportArtifact(bytes, DEFAULT_ZIP_LIMITS);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ArtifactError);
  return error as ArtifactError;
}

describe('hostile report artifacts', () => {
  it('refuses a zip bomb by its compression ratio before inflating it', async () => {
    const bomb = zipBomb('readygate-report.json', 64);
    expect(bomb.length).toBeLessThan(MB / 4); // 64 MB of zeros in a fraction of a MB
    const before = process.memoryUsage().arrayBuffers;
    const error = await refusal(bomb);
    expect(error.message).toMatch(/zip bomb|over the .*-byte limit/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(100 * MB);
  });

  it.each(['../../.github/workflows/evil.yml', '/etc/cron.d/evil', 'C:\\Windows\\evil.dll', 'a/../../evil'])(
    'refuses zip-slip entry %s',
    async (name) => {
      const zip = zipSync({ [name]: strToU8('x'), 'readygate-report.json': strToU8('{}') });
      const error = await refusal(zip);
      expect(error.message).toMatch(/absolute path|climbs out/);
    },
  );

  it('refuses bytes that are not a zip, and a zip without the report', async () => {
    expect((await refusal(new Uint8Array([1, 2, 3, 4]))).message).toMatch(/not a readable zip/);
    expect((await refusal(zipSync({ 'other.json': strToU8('{}') }))).message).toMatch(/has no readygate-report\.json/);
  });
});

// Hang class: "publish mode walks every entry a zip's central directory claims before it gives up".
// The count and the total declared size are checked before anything iterates: abort, don't filter.
describe('central directory claims', () => {
  /** An artifact whose directory (plain or ZIP64) claims `entries` entries; the real one holds one. */
  function claiming(entries: number, zip64: boolean): Uint8Array {
    const real = zipSync({ 'readygate-report.json': strToU8('{}') });
    const eocd = real.length - 22;
    const view = new DataView(real.buffer, real.byteOffset, real.length);
    const cdOffset = view.getUint32(eocd + 16, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const body = real.subarray(0, eocd);
    if (!zip64) {
      const end = real.slice(eocd);
      new DataView(end.buffer).setUint16(8, entries, true);
      new DataView(end.buffer).setUint16(10, entries, true);
      return Buffer.concat([body, end]);
    }
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setUint16(12, 45, true);
    record.setUint16(14, 45, true);
    record.setBigUint64(24, BigInt(entries), true);
    record.setBigUint64(32, BigInt(entries), true);
    record.setBigUint64(40, BigInt(cdSize), true);
    record.setBigUint64(48, BigInt(cdOffset), true);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(body.length), true);
    locator.setUint32(16, 1, true);
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, 0xffff, true);
    end.setUint16(10, 0xffff, true);
    end.setUint32(12, 0xffffffff, true);
    end.setUint32(16, 0xffffffff, true);
    return Buffer.concat([
      body,
      new Uint8Array(record.buffer),
      new Uint8Array(locator.buffer),
      new Uint8Array(end.buffer),
    ]);
  }

  it('refuses an artifact of a few hundred bytes claiming 2^32-1 entries (ZIP64), without walking them', async () => {
    const zip = claiming(2 ** 32 - 1, true);
    expect(zip.length).toBeLessThan(300);
    const error = await refusal(zip);
    expect(error.message).toBe(
      'the readygate-report artifact was rejected: its central directory claims 4294967295 entries (limit 20)',
    );
  });

  it('refuses 65535 claimed entries in a plain end record', async () => {
    expect((await refusal(claiming(0xffff, false))).message).toMatch(/claims 65535 entries \(limit 20\)/);
  });

  it('the builder is honest: claiming the one real entry reads the report as far as its schema', async () => {
    expect((await refusal(claiming(1, true))).message).not.toMatch(/central directory|not a readable zip/);
    expect((await refusal(claiming(1, false))).message).not.toMatch(/central directory|not a readable zip/);
  });

  it('refuses entries that declare more than the total limit before inflating any', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5; i++) files[`part-${i}.bin`] = new Uint8Array(8);
    files['readygate-report.json'] = strToU8('{}');
    const zip = zipSync(files, { level: 0 });
    // Patch each part's central directory header to declare 40 MiB uncompressed (5 × 40 + the 2-byte report > 128).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.length);
    for (let at = 0; at + 46 <= zip.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50 && zip[at + 46] === 0x70) view.setUint32(at + 24, 40 * MB, true);
    }
    const error = await refusal(zip);
    expect(error.message).toMatch(
      /its entries declare 209715202 bytes uncompressed in all, over the 134217728-byte limit/,
    );
  });
});
