/**
 * A report whose bytes can be read only once (a named pipe, `<(command)`, a socket, `/dev/stdin`)
 * as a source that can be opened again: format detection reads its head, then the parser reads it
 * all. Opening such a path a second time would wait forever for a writer that is gone, so the one
 * underlying stream is shared: what the first readers took is kept (up to a bound) and replayed to
 * the next, who then go on reading where the stream stands.
 */
import { Readable } from 'node:stream';
import { ReportParseError } from '../errors.js';
import type { ReportSource } from '../reports/types.js';

/** More than any head detection reads; what a parser that reopens mid-file could need is refused instead. */
export const MAX_REPLAY_BYTES = 4 * 1024 * 1024;

export function readOnceSource(source: ReportSource, maxReplayBytes = MAX_REPLAY_BYTES): ReportSource {
  let pull: AsyncIterator<unknown> | undefined;
  const kept: Buffer[] = []; // the first chunks, while they fit the bound
  let keptBytes = 0;
  let pulled = 0; // chunks taken from the underlying stream
  let latest: Buffer | undefined; // chunk number `pulled - 1`
  let ended = false;
  let failure: { error: unknown } | undefined;
  let inflight: Promise<void> | undefined;

  /** Takes the next chunk; readers that reach the end of what was taken wait on the one pull in flight. */
  function advance(): Promise<void> {
    inflight ??= (async () => {
      try {
        // Never `return()` the shared iterator: that would destroy the stream the next reader needs.
        pull ??= source.open()[Symbol.asyncIterator]();
        const next = await pull.next();
        if (next.done) {
          ended = true;
          return;
        }
        const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
        pulled++;
        latest = chunk;
        if (kept.length === pulled - 1 && keptBytes + chunk.length <= maxReplayBytes) {
          kept.push(chunk);
          keptBytes += chunk.length;
        }
      } catch (error) {
        failure = { error };
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  }

  async function* reader(): AsyncGenerator<Buffer> {
    let index = 0;
    for (;;) {
      if (index < kept.length) yield kept[index++]!;
      else if (index === pulled - 1 && latest) {
        index++;
        yield latest;
      } else if (index < pulled)
        throw new ReportParseError(
          source.path,
          `can be read only once (a pipe or stream), and more than ${maxReplayBytes} bytes of it were read before the report was parsed`,
        );
      else if (failure) throw failure.error;
      else if (ended) return;
      else await advance();
    }
  }

  return { path: source.path, size: source.size, open: () => Readable.from(reader(), { objectMode: false }) };
}
