/**
 * One timed run in its own process: `node child.mjs <subject> <file>`. Loads only that subject,
 * times the parse alone (module loading excluded), and prints one JSON line with the time, the
 * process's peak RSS and the subject's summary.
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
const started = performance.now();
const summary = await run(file);
const ms = performance.now() - started;
const result: ChildResult = { ms, maxRssKb: process.resourceUsage().maxRSS, summary };
process.stdout.write(`${JSON.stringify(result)}\n`);
