/**
 * A report file on disk as a `ReportSource`: a stream for the parsers that read text, positional
 * reads for those that read bytes into buffers of their own. The CLI, the Action and the benchmark
 * all open reports through this one function, so the benchmark times what users run.
 */
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ReportFile, ReportSource } from '../core/reports/types.js';

/** The stream's chunk size: large reads, few of them. */
const CHUNK = 1024 * 1024;

/** `repoPath` under `root` (an absolute `repoPath` stays as it is); `abs`, when given, is what is opened. */
export function fileSource(root: string, repoPath: string, abs = resolve(root, repoPath)): ReportSource {
  let size: number | undefined;
  let seekable = true;
  let readOnce = false;
  try {
    const stat = statSync(abs);
    // A named pipe (a report streamed from another process) cannot be read by position, nor twice.
    seekable = stat.isFile();
    readOnce = !seekable && !stat.isDirectory();
    size = seekable ? stat.size : undefined;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    size = undefined; // reported when the file is opened, with the reason
  }
  const source: ReportSource = {
    path: repoPath,
    size,
    open: () => createReadStream(abs, { highWaterMark: CHUNK }),
    ...(readOnce && { readOnce }),
  };
  if (!seekable) return source;
  return {
    ...source,
    openFile: async (): Promise<ReportFile> => {
      const handle = await open(abs, 'r');
      return {
        read: async (buffer, offset, length, position) =>
          (await handle.read(buffer, offset, length, position)).bytesRead,
        close: () => handle.close(),
      };
    },
  };
}
