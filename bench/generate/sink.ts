/**
 * Writes a generated file to disk in 1 MiB batches, honouring back-pressure, so a 500 MB report is
 * never held in memory. Hashes what it writes so results name the exact bytes measured.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const BATCH_CHARS = 1024 * 1024;

export class Sink {
  /** Bytes written so far (the generators are ASCII, so characters = bytes). */
  bytes = 0;
  private parts: string[] = [];
  private pending = 0;
  private readonly out: WriteStream | undefined;
  private readonly hash = createHash('sha256');

  /** Without a path the sink only counts: a dry pass that learns the totals a header declares. */
  constructor(path?: string) {
    this.out = path === undefined ? undefined : createWriteStream(path);
  }

  /** Queues text; await the result so that back-pressure is honoured. */
  async write(text: string): Promise<void> {
    if (!this.out) {
      this.bytes += text.length;
      return;
    }
    this.parts.push(text);
    this.pending += text.length;
    this.bytes += text.length;
    if (this.pending >= BATCH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.out) return;
    const chunk = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.pending = 0;
    this.hash.update(chunk);
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Flushes, closes and returns the sha256 of everything written. */
  async end(): Promise<string> {
    await this.flush();
    if (!this.out) return '';
    this.out.end();
    await once(this.out, 'close');
    return this.hash.digest('hex');
  }
}
