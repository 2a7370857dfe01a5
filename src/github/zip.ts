/**
 * Reads the readygate report out of an artifact zip, in memory, treating every byte as hostile
 * (it was made by a fork's workflow). Nothing is written to disk. Rejected, with a message naming
 * the entry: names that are absolute or climb out (`..`), more entries than a report artifact
 * needs, declared sizes over the cap, and compression ratios no JSON report reaches (zip bombs).
 * fflate inflates into a buffer of the declared size, so an entry that lies about its size is cut
 * there (and then fails JSON or schema validation) instead of growing without bound.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { ReadygateError, describeError } from '../core/errors.js';
import { parseReportJson } from '../core/report.js';
import type { ReportV1 } from '../core/report-schema.js';

export const REPORT_ENTRY = 'readygate-report.json';

export interface ZipLimits {
  /** Largest zip accepted, bytes. */
  maxZipBytes: number;
  /** Largest declared uncompressed size of the report entry, bytes. */
  maxEntryBytes: number;
  maxEntries: number;
  /** Largest uncompressed/compressed ratio, checked for entries over 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxZipBytes: 64 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxEntries: 20,
  maxRatio: 200,
};

export class ArtifactError extends ReadygateError {
  override name = 'ArtifactError';
}

/** Why an entry name is unsafe, or undefined. */
export function unsafeEntryName(name: string): string | undefined {
  const n = name.replace(/\\/g, '/');
  if (n.startsWith('/') || /^[A-Za-z]:/.test(n)) return 'is an absolute path';
  if (n.split('/').includes('..')) return 'climbs out of the archive ("..")';
  if (n.includes('\u0000')) return 'contains a NUL character';
  return undefined;
}

export function readReportArtifact(zipBytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ReportV1 {
  const where = 'the readygate-report artifact';
  if (zipBytes.length > limits.maxZipBytes) {
    throw new ArtifactError(`${where} is ${zipBytes.length} bytes, over the ${limits.maxZipBytes}-byte limit`);
  }
  let problem: string | undefined;
  let entries = 0;
  const check = (file: UnzipFileInfo): boolean => {
    entries++;
    if (problem) return false;
    const unsafe = unsafeEntryName(file.name);
    if (unsafe) problem = `entry "${file.name}" ${unsafe}`;
    else if (entries > limits.maxEntries) problem = `has more than ${limits.maxEntries} entries`;
    else if (file.name !== REPORT_ENTRY) return false;
    else if (file.originalSize > limits.maxEntryBytes) {
      problem = `entry "${file.name}" declares ${file.originalSize} bytes uncompressed, over the ${limits.maxEntryBytes}-byte limit`;
    } else if (file.originalSize > 1024 * 1024 && file.originalSize > file.size * limits.maxRatio) {
      problem = `entry "${file.name}" would expand ${Math.round(file.originalSize / Math.max(1, file.size))}x (limit ${limits.maxRatio}x): refusing a likely zip bomb`;
    } else if (file.compression !== 0 && file.compression !== 8)
      problem = `entry "${file.name}" uses unsupported compression method ${file.compression}`;
    return problem === undefined;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipBytes, { filter: check });
  } catch (error) {
    throw new ArtifactError(`${where} is not a readable zip: ${describeError(error)}`, { cause: error });
  }
  if (problem) throw new ArtifactError(`${where} was rejected: ${problem}`);
  const entry = files[REPORT_ENTRY];
  if (!entry)
    throw new ArtifactError(
      `${where} has no ${REPORT_ENTRY} (upload the file written to the action's report-path output)`,
    );
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(entry));
  } catch (error) {
    throw new ArtifactError(`${where}: ${REPORT_ENTRY} is not valid UTF-8 JSON: ${describeError(error)}`, {
      cause: error,
    });
  }
  try {
    return parseReportJson(value, `${where} (${REPORT_ENTRY})`);
  } catch (error) {
    throw new ArtifactError(describeError(error), { cause: error });
  }
}
