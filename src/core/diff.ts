/**
 * Added lines per file from a unified diff (`git diff base...head`), for patch coverage.
 * Parsing is parse-diff's; this maps paths, validates, and keeps only lines that can hold code:
 * blank and comment-only lines are dropped. No coverage tool marks those coverable, so this
 * changes nothing for files the coverage report lists; for a changed file the report does not
 * list, the remaining lines are the estimate of what should have been covered.
 */
import parseDiff from 'parse-diff';
import { ReadygateError } from './errors.js';

export type AddedLines = Map<string, number[]>;

/** Strips git's a/ b/ prefixes and refuses nothing: paths are only compared, never opened. */
function cleanPath(path: string | undefined): string | undefined {
  if (!path || path === '/dev/null') return undefined;
  return path.replace(/^[ab]\//, '').replace(/^\.\//, '');
}

/**
 * Tells comment-only lines from code, line by line in diff order. Hand-written and deliberately
 * rough (no tokenizer per language): `//` and `#` line comments plus C-style block
 * comments cover the languages coverage tools report on; a misjudged line only shifts the estimate
 * for files the coverage report does not list.
 */
class CommentTracker {
  private inBlock = false;

  isCode(content: string): boolean {
    const text = content.trim();
    if (this.inBlock) {
      const end = text.indexOf('*/');
      if (end < 0) return false;
      this.inBlock = false;
      return text.slice(end + 2).trim() !== '';
    }
    if (text === '' || text.startsWith('//') || text.startsWith('#')) return false;
    if (text.startsWith('/*')) {
      const end = text.indexOf('*/', 2);
      if (end < 0) {
        this.inBlock = true;
        return false;
      }
      return text.slice(end + 2).trim() !== '';
    }
    return true;
  }

  /** A context line seen between added ones: only its block-comment state matters. */
  pass(content: string): void {
    this.isCode(content);
  }
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
    for (const chunk of file.chunks) {
      // Each hunk starts outside a comment as far as the diff can tell.
      const comments = new CommentTracker();
      for (const change of chunk.changes) {
        const content = change.content.slice(1);
        if (change.type === 'add') {
          if (comments.isCode(content)) lines.push(change.ln);
        } else if (change.type === 'normal') comments.pass(content);
      }
    }
    if (lines.length > 0) added.set(path, lines);
  }
  return added;
}
