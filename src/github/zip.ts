/**
 * Reads the readygate report out of an artifact zip, in memory, treating every byte as hostile
 * (it was made by a fork's workflow). Nothing is written to disk. Rejected, with a message naming
 * the entry: a central directory that claims more entries than a report artifact needs (checked
 * before anything walks it), names that are absolute or climb out (`..`), declared sizes over the
 * caps (per entry and in all), and compression ratios no JSON report reaches (zip bombs).
 * fflate inflates into a buffer of the declared size, so an entry that lies about its size is cut
 * there (and then fails JSON or schema validation) instead of growing without bound.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { ReadygateError, describeError } from '../core/errors.js';
import { centralDirectory } from './zip-directory.js';
import { parseReportJson } from '../core/report-parse.js';
import type { ReportV1 } from '../core/report-schema.js';

export const REPORT_ENTRY = 'readygate-report.json';

export interface ZipLimits {
  /** Largest zip accepted, bytes. */
  maxZipBytes: number;
  /** Largest declared uncompressed size of the report entry, bytes. */
  maxEntryBytes: number;
  maxEntries: number;
  /** Largest sum of the uncompressed sizes every entry declares, bytes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio, checked for entries over 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxZipBytes: 64 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxEntries: 20,
  maxTotalBytes: 128 * 1024 * 1024,
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
  checkDirectory(zipBytes, limits, where);
  // First walk: every entry's name and declared sizes, inflating nothing. Second: the report alone.
  let problem: string | undefined;
  let entries = 0;
  let declared = 0;
  const check = (file: UnzipFileInfo): false => {
    entries++;
    declared += file.originalSize;
    problem ??= entryProblem(file, entries, limits);
    return false;
  };
  let files: Record<string, Uint8Array>;
  try {
    unzipSync(zipBytes, { filter: check });
    if (problem) throw new ArtifactError(`${where} was rejected: ${problem}`);
    if (declared > limits.maxTotalBytes)
      throw new ArtifactError(
        `${where} was rejected: its entries declare ${declared} bytes uncompressed in all, over the ${limits.maxTotalBytes}-byte limit`,
      );
    files = unzipSync(zipBytes, { filter: (file) => file.name === REPORT_ENTRY });
  } catch (error) {
    if (error instanceof ArtifactError) throw error;
    throw new ArtifactError(`${where} is not a readable zip: ${describeError(error)}`, { cause: error });
  }
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

/** Why one entry is refused, or undefined. */
function entryProblem(file: UnzipFileInfo, entries: number, limits: ZipLimits): string | undefined {
  const unsafe = unsafeEntryName(file.name);
  if (unsafe) return `entry "${file.name}" ${unsafe}`;
  if (entries > limits.maxEntries) return `has more than ${limits.maxEntries} entries`;
  if (file.name !== REPORT_ENTRY) return undefined;
  if (file.originalSize > limits.maxEntryBytes)
    return `entry "${file.name}" declares ${file.originalSize} bytes uncompressed, over the ${limits.maxEntryBytes}-byte limit`;
  if (file.originalSize > 1024 * 1024 && file.originalSize > file.size * limits.maxRatio)
    return `entry "${file.name}" would expand ${Math.round(file.originalSize / Math.max(1, file.size))}x (limit ${limits.maxRatio}x): refusing a likely zip bomb`;
  if (file.compression !== 0 && file.compression !== 8)
    return `entry "${file.name}" uses unsupported compression method ${file.compression}`;
  return undefined;
}

/**
 * Before anything walks the archive: the entry count its directory claims and where that directory
 * starts. Out of bounds aborts the read; fflate would otherwise iterate every claimed entry.
 */
function checkDirectory(zipBytes: Uint8Array, limits: ZipLimits, where: string): void {
  const dir = centralDirectory(zipBytes);
  if ('problem' in dir) throw new ArtifactError(`${where} is not a readable zip: it ${dir.problem}`);
  if (dir.entries > limits.maxEntries)
    throw new ArtifactError(
      `${where} was rejected: its central directory claims ${dir.entries} entries (limit ${limits.maxEntries})`,
    );
  if (dir.entries > 0 && dir.offset + 46 > zipBytes.length)
    throw new ArtifactError(
      `${where} was rejected: its central directory lies outside the ${zipBytes.length}-byte file`,
    );
}
