/**
 * What a zip's end of central directory claims, read the way fflate's `unzipSync` reads it (the
 * last end-of-central-directory signature within 64 KiB of the end, then the ZIP64 record its
 * locator points to), so the claim checked here is the one fflate would then iterate over. A
 * 191-byte artifact can claim 2³²−1 entries: fflate would walk them all, calling the filter for
 * each, before anything could refuse it; so the count is checked first and the walk never starts.
 */
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

const u16 = (d: Uint8Array, at: number): number => (d[at] ?? 0) | ((d[at + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, at: number): number =>
  ((d[at] ?? 0) | ((d[at + 1] ?? 0) << 8) | ((d[at + 2] ?? 0) << 16) | ((d[at + 3] ?? 0) << 24)) >>> 0;

export interface CentralDirectory {
  /** Entries the directory claims (what fflate would iterate). */
  entries: number;
  /** Offset of the first central directory header. */
  offset: number;
}

/** The directory's claim, or a reason the bytes have none. */
export function centralDirectory(d: Uint8Array): CentralDirectory | { problem: string } {
  let e = d.length - 22;
  for (; u32(d, e) !== EOCD; --e) {
    if (e <= 0 || d.length - e > 65558) return { problem: 'has no end of central directory record' };
  }
  let entries = u16(d, e + 8);
  let offset = u32(d, e + 16);
  if (entries !== 0 && u32(d, e - 20) === ZIP64_LOCATOR) {
    const record = u32(d, e - 12);
    if (u32(d, record) === ZIP64_EOCD) {
      entries = u32(d, record + 32);
      offset = u32(d, record + 48);
    }
  }
  return { entries, offset };
}
