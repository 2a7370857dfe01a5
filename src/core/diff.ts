/**
 * Added lines per file from a unified diff (`git diff base...head`), for patch coverage and for
 * annotating only what a change touched. Parsing is parse-diff's; this maps paths and validates.
 */
import parseDiff from 'parse-diff';
import { ReadygateError } from './errors.js';

export type AddedLines = Map<string, number[]>;

/** Strips git's a/ b/ prefixes and refuses nothing: paths are only compared, never opened. */
function cleanPath(path: string | undefined): string | undefined {
  if (!path || path === '/dev/null') return undefined;
  return path.replace(/^[ab]\//, '').replace(/^\.\//, '');
}

export function addedLinesFromDiff(text: string, source = 'diff'): AddedLines {
  const added: AddedLines = new Map();
  if (text.trim() === '') return added;
  if (!/^(diff --git |--- |\+\+\+ |@@ )/m.test(text)) {
    throw new ReadygateError(`${source} is not a unified diff (expected "diff --git" or "---/+++" headers); make it with \`git diff base...head\``);
  }
  for (const file of parseDiff(text)) {
    const path = cleanPath(file.to);
    if (!path || file.deleted) continue;
    const lines = added.get(path) ?? [];
    for (const chunk of file.chunks) for (const change of chunk.changes) if (change.type === 'add') lines.push(change.ln);
    if (lines.length > 0) added.set(path, lines);
  }
  return added;
}
