/**
 * One timed run in its own process: `node child.mjs <subject> <file>`. Loads only that subject,
 * times the parse alone (module loading excluded), and prints one JSON line with the time, the
 * process's peak RSS and the subject's summary.
 *
 * Module loading leaves work behind: V8 compiles the code that ran hot while loading (the CommonJS
 * lexer, path resolution) on a background thread, and the heap has garbage to collect. On a
 * 2-core machine that work competes with the timed parse (measured: up to ~70 ms of background
 * compiling of the module lexer alone), so the child waits until the process is idle before the
 * clock starts. Every subject gets the same wait.
 */
import { SUBJECTS } from './subjects.js';

export interface ChildResult {
  ms: number;
  maxRssKb: number;
  summary: Record<string, number>;
}

const [id, file] = process.argv.slice(2);
const subject = SUBJECTS.find((s) => s.id === id);
if (!subject || !file) {
  process.stderr.write(`usage: child <subject id> <file> (unknown subject "${id}")\n`);
  process.exit(2);
}
const run = await subject.load();
await settle();
const started = performance.now();
const summary = await run(file);
const ms = performance.now() - started;
const result: ChildResult = { ms, maxRssKb: process.resourceUsage().maxRSS, summary };
process.stdout.write(`${JSON.stringify(result)}\n`);

/** Waits until the process has used under a tenth of a core for 50 ms (at most one second). */
async function settle(): Promise<void> {
  const deadline = performance.now() + 1000;
  while (performance.now() < deadline) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const used = process.cpuUsage(before);
    if ((used.user + used.system) / 1000 < 5) return;
  }
}
