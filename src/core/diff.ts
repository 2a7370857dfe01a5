/**
 * Added lines per file from a unified diff (`git diff base...head`), for patch coverage.
 * Parsing is parse-diff's; this maps paths, validates, and keeps only lines that can hold code:
 * blank lines, and lines that are comments in the file's language, are dropped. No coverage tool
 * marks those coverable, so for files the coverage report lists this changes nothing as long as
 * the comment rules never take code for a comment (CommentTracker errs towards code); for a
 * changed file the report does not list, the remaining lines are the estimate of what should have
 * been covered.
 */
import parseDiff from 'parse-diff';
import { ReadygateError } from './errors.js';

export type AddedLines = Map<string, number[]>;

/** Strips git's a/ b/ prefixes and refuses nothing: paths are only compared, never opened. */
function cleanPath(path: string | undefined): string | undefined {
  if (!path || path === '/dev/null') return undefined;
  return path.replace(/^[ab]\//, '').replace(/^\.\//, '');
}

/** Languages whose line comments start with `#` (where `#` starts no code: not C, C#, or JS's `#private`). */
const HASH_COMMENTS =
  /\.(py|pyi|pyw|rb|rake|sh|bash|zsh|ksh|fish|pl|pm|r|jl|ex|exs|nim|cr|coffee|tcl|ps1|psm1|awk|sed|mk|cmake|toml|ya?ml|conf|cfg)$|(^|\/)(Makefile|Dockerfile|Rakefile|Gemfile)$/i;
/** Languages with `//` line comments and C-style block comments. */
const C_COMMENTS =
  /\.(c|h|cc|cpp|cxx|hpp|hh|hxx|m|mm|cs|java|kt|kts|scala|groovy|gradle|go|rs|swift|dart|js|mjs|cjs|jsx|ts|mts|cts|tsx|vue|svelte|php|css|scss|less|proto|zig|sol)$/i;

/**
 * Tells comment-only lines from code, line by line in diff order. Hand-written and deliberately
 * rough (no tokenizer per language), and careful in one direction only: a line is dropped only
 * when it is blank or, in a language known to use them, starts with that language's comment
 * syntax. Anything else counts as code (a file in an unknown language keeps every non-blank line).
 */
class CommentTracker {
  private inBlock = false;

  constructor(
    private readonly hash: boolean,
    private readonly cStyle: boolean,
  ) {}

  isCode(content: string): boolean {
    const text = content.trim();
    if (this.inBlock) {
      const end = text.indexOf('*/');
      if (end < 0) return false;
      this.inBlock = false;
      return text.slice(end + 2).trim() !== '';
    }
    if (text === '') return false;
    if (this.hash && text.startsWith('#')) return false;
    if (!this.cStyle) return true;
    if (text.startsWith('//')) return false;
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
    throw new ReadygateError(
      `${source} is not a unified diff (expected "diff --git" or "---/+++" headers); make it with \`git diff base...head\``,
    );
  }
  for (const file of parseDiff(text)) {
    const path = cleanPath(file.to);
    if (!path || file.deleted) continue;
    const lines = added.get(path) ?? [];
    for (const chunk of file.chunks) {
      // Each hunk starts outside a comment as far as the diff can tell.
      const comments = new CommentTracker(HASH_COMMENTS.test(path), C_COMMENTS.test(path));
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
