/**
 * One roadmap sync at a time where readygate controls the process: an exclusive lock file holding
 * the owner's pid. A lock whose process is gone is stale and taken over. (In workflows, use a
 * `concurrency:` group as docs/roadmap.md shows: two runners share no file system.)
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { ReadygateError } from '../../core/errors.js';

export function acquireLock(path: string, pid = process.pid, alive: (pid: number) => boolean = processAlive): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new ReadygateError(`another roadmap sync (pid ${holder}) is running: lock ${path}. If no sync is running, delete that file.`);
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new ReadygateError(`could not take the roadmap sync lock ${path}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
