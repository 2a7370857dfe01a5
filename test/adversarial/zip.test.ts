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
