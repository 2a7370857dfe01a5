/**
 * A report's raw chunks, for readers that copy each one out before asking for the next (decoding
 * to text does). A file on disk is read into two buffers in turn, the next read running while the
 * caller works on this chunk: a stream would hand over fresh memory per read instead, and on large
 * reports those page faults cost more than the reading. Other sources are streamed.
 */
import type { ReportFile, ReportSource } from '../reports/types.js';

const CHUNK = 1024 * 1024;

/** Yields the report's bytes in order; a chunk is only valid until the next one is asked for. */
export async function* chunks(source: ReportSource): AsyncGenerator<Uint8Array> {
  if (!source.openFile) {
    for await (const raw of source.open()) yield raw as Uint8Array;
    return;
  }
  const file: ReportFile = await source.openFile();
  let position = 0;
  const read = (into: Uint8Array): Promise<number> => {
    const pending = file.read(into, 0, into.length, position);
    pending.catch(ignoreAfterAbandon); // awaited below unless the caller stops early
    return pending;
  };
  let current = Buffer.allocUnsafe(CHUNK);
  let spare = Buffer.allocUnsafe(CHUNK);
  try {
    let pending = read(current);
    for (;;) {
      const n = await pending;
      if (n === 0) return;
      position += n;
      pending = read(spare);
      yield current.subarray(0, n);
      [current, spare] = [spare, current];
    }
  } finally {
    await file.close().catch(ignoreAfterAbandon);
  }
}

function ignoreAfterAbandon(): void {
  // Deliberately empty: a read or close whose outcome no longer matters.
}
