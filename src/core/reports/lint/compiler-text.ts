/**
 * Compiler-style diagnostics, one per line, as tsc, mypy, gcc/clang, shellcheck `-f gcc`, go vet and
 * many linters print them:
 *   path:line[:column]: [severity:] message [rule]      (gcc, clang, mypy, shellcheck -f gcc, …)
 *   path(line,column): severity TSxxxx: message          (tsc --pretty false)
 * A trailing `[code]` becomes the rule.
 *
 * Diagnostics with no location are findings too (counted, shown in the summary, never annotated:
 * their path is ''), since they are often the only sign of a failed build:
 *   prog: fatal error|error|warning: message   (`collect2: error: ld returned 1 exit status`,
 *                                                `cc1: fatal error: x.c: No such file or directory`,
 *                                                `b/m.py: error: Duplicate module named "m"`)
 *   error TSxxxx: message                       (tsc's option and project errors)
 *   mypy: message                               (mypy's own failures: `mypy: can't read file …`)
 * The whole line (prefix included) is their message.
 *
 * Lines that match none of these are skipped: gcc's `In function`
 * context lines, source excerpts with carets, tsc's indented explanations, mypy's "Found N errors"
 * summary. Severity words: error/fatal error → error; warning → warning; note/info/remark/message/
 * style → note; no severity word → `options.default_severity` (default error: a diagnostic with no
 * word is what compilers fail on).
 *
 * `options.pattern` replaces the built-in patterns with a regular expression with named groups
 * `path` and `message` (required) and `line`, `column`, `severity`, `rule` (optional), e.g.
 *   { pattern: "^(?<path>[^:]+):(?<line>\\d+) (?<severity>\\w+) (?<rule>\\S+) (?<message>.*)$" }
 * Streamed line by line.
 */
import { ReportParseError } from '../../errors.js';
import type { LintFinding, LintSeverity } from '../../model.js';
import { forEachLine } from '../../stream/text.js';
import type { ParseContext, ReportParser } from '../types.js';

const TSC = /^(?<path>[^\s(][^()]*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|message|info) (?<rule>TS\d+): (?<message>.*)$/;
const SEVERITY_WORDS = 'fatal error|error|warning|note|info|remark|style';
const GCC_WITH_SEVERITY = new RegExp(`^(?<path>(?:[A-Za-z]:)?[^\\s:][^:]*?):(?<line>\\d+)(?::(?<column>\\d+))?: (?<severity>${SEVERITY_WORDS}): (?<message>.*)$`);
const GCC = /^(?<path>(?:[A-Za-z]:)?[^\s:][^:]*?):(?<line>\d+)(?::(?<column>\d+))?: (?<message>\S.*)$/;
const GCC_CONTEXT = /^(?:(?:[A-Za-z]:)?[^\s:][^:]*: (?:In |At |note: )|In file included from )/;
const TSC_GLOBAL = /^(?<severity>error|warning) (?<rule>TS\d+): (?<message>.*)$/;
const PROGRAM = /^(?<prefix>(?:[A-Za-z]:)?[^\s:][^:]*?): (?<severity>fatal error|error|warning): (?<message>.*)$/;
const MYPY_FATAL = /^mypy: (?<message>.*)$/;
/** The linker's context line before an undefined reference (`/usr/bin/ld: x.o: in function `main':`). */
const LINKER_CONTEXT = /^\S+: .*: in function /;
const WORDS: Record<string, LintSeverity> = {
  'fatal error': 'error',
  fatal: 'error',
  error: 'error',
  warning: 'warning',
  note: 'note',
  info: 'note',
  remark: 'note',
  message: 'note',
  style: 'note',
};

function severityOption(ctx: ParseContext): LintSeverity {
  const raw = ctx.options?.['default_severity'];
  if (raw === undefined) return 'error';
  if (raw === 'error' || raw === 'warning' || raw === 'note') return raw;
  throw new ReportParseError(ctx.source.path, `options.default_severity must be error, warning or note (got ${JSON.stringify(raw)})`);
}

function patternOption(ctx: ParseContext): RegExp | undefined {
  const raw = ctx.options?.['pattern'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new ReportParseError(ctx.source.path, 'options.pattern must be a string (a regular expression)');
  let re: RegExp;
  try {
    re = new RegExp(raw);
  } catch (error) {
    throw new ReportParseError(ctx.source.path, `options.pattern is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`, undefined, { cause: error });
  }
  if (!raw.includes('(?<path>') || !raw.includes('(?<message>')) {
    throw new ReportParseError(ctx.source.path, 'options.pattern needs the named groups (?<path>…) and (?<message>…); line, column, severity and rule are optional');
  }
  return re;
}

type Groups = Record<string, string | undefined>;

function match(line: string, custom: RegExp | undefined): Groups | undefined {
  if (custom) return custom.exec(line)?.groups;
  if (line === '' || /^\s/.test(line) || GCC_CONTEXT.test(line)) return undefined;
  return (TSC.exec(line) ?? GCC_WITH_SEVERITY.exec(line) ?? GCC.exec(line))?.groups ?? unlocated(line);
}

/** A diagnostic without a location: path '' and the whole line as the message. */
function unlocated(line: string): Groups | undefined {
  const tsc = TSC_GLOBAL.exec(line)?.groups;
  if (tsc) return { ...tsc, path: '' };
  const program = PROGRAM.exec(line)?.groups;
  if (program) return { path: '', severity: program['severity'], message: line };
  if (MYPY_FATAL.test(line)) return { path: '', severity: 'error', message: line };
  return undefined;
}

function isDiagnostic(line: string): boolean {
  return TSC.test(line) || GCC_WITH_SEVERITY.test(line) || TSC_GLOBAL.test(line) || PROGRAM.test(line) || MYPY_FATAL.test(line);
}

function positive(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export const compilerText: ReportParser<'lint'> = {
  id: 'compiler-text',
  signal: 'lint',
  title: 'Compiler-style text (tsc, mypy, gcc/clang, shellcheck -f gcc, custom pattern)',
  detectedBy:
    'first line is a `path:line[:col]: severity: message`, `path(line,col): error TS…`, `error TS…:` or `prog: error: message` diagnostic (or a gcc "In function" or linker context line followed by one)',
  metrics: ['errors', 'warnings', 'notes', 'findings with locations'],
  detect(head) {
    const lines = head.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '').slice(0, 20);
    const first = lines[0];
    if (first === undefined) return false;
    const context = GCC_CONTEXT.test(first) || LINKER_CONTEXT.test(first);
    return isDiagnostic(first) || (context && lines.slice(1, 4).some(isDiagnostic));
  },
  async parse(ctx) {
    const custom = patternOption(ctx);
    const fallback = severityOption(ctx);
    const findings: LintFinding[] = [];
    await forEachLine(ctx.source, ctx.limits.maxLineBytes, (line) => {
      const g = match(line, custom);
      if (g?.['path'] === undefined || g['message'] === undefined) return;
      if (g['path'] === '' && custom) return; // a custom pattern must name a path
      let message = g['message'];
      let rule = g['rule'];
      if (rule === undefined) {
        const trailing = trailingRule(message);
        if (trailing) {
          rule = trailing.rule;
          message = trailing.message;
        }
      }
      const word = g['severity']?.trim().toLowerCase();
      const severity = word === undefined ? fallback : (WORDS[word] ?? fallback);
      const path = g['path'] === '' ? '' : ctx.paths.toRepo(g['path']);
      const f: LintFinding = { path, severity, message: message.trim(), fingerprint: '' };
      const l = positive(g['line']);
      const c = positive(g['column']);
      if (l !== undefined) f.line = l;
      if (c !== undefined) f.column = c;
      if (rule) f.rule = rule;
      findings.push(f);
    });
    return { findings };
  },
};

/**
 * A trailing ` [rule-id]` (mypy, gcc's `[-Wunused]`), found without a regex: `\s+\[…\]$` backtracks
 * quadratically on long runs of spaces, and report lines are attacker-sized.
 */
function trailingRule(message: string): { rule: string; message: string } | undefined {
  const text = message.trimEnd();
  if (!text.endsWith(']')) return undefined;
  const open = text.lastIndexOf('[');
  if (open < 1 || !/\s/.test(text[open - 1]!)) return undefined;
  const rule = text.slice(open + 1, -1);
  if (rule === '' || /[\s\]]/.test(rule)) return undefined;
  return { rule, message: text.slice(0, open) };
}
