/**
 * Reads a SARIF 2.1.0 log into flat results, for both the lint and the audit SARIF parser (the signal
 * a file is configured under decides which one runs). What counts:
 * - every run of the file; results with `kind` `pass` or `notApplicable` never count;
 * - `baselineState: "absent"` (fixed since the baseline) does not count; `new`, `unchanged`,
 *   `updated` and no baseline do;
 * - a result with any accepted suppression (`status` `accepted`, or no `status`: SARIF's default)
 *   is dropped; `underReview` and `rejected` suppressions do not hide it;
 * - level: the result's, else its rule's `defaultConfiguration.level`, else `warning` (SARIF's default);
 * - paths: `artifactLocation.uri` (or the `artifacts[index]` it points to), resolved against
 *   `originalUriBaseIds` when its `uriBaseId` is defined there, then made repo-relative;
 * - a run whose invocation says `executionSuccessful: false`, and `error`-level tool execution or
 *   configuration notifications, are kept apart (`failures`, `errorNotifications`): a tool that says
 *   it failed never reads as a clean run. Each parser decides what it can show of them (see
 *   `failureMessage`).
 */
import { ReportParseError } from '../../errors.js';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import type { ParseContext } from '../types.js';
import {
  Log,
  Result,
  type Invocation,
  type Level,
  type Location,
  type Message,
  type Notification,
  type Rule,
  type Run,
} from './shape.js';

export interface SarifItem {
  tool: string;
  ruleId?: string;
  rule?: Rule;
  level: Level;
  message: string;
  path?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  properties?: Readonly<Record<string, unknown>>;
}

export interface SarifLog {
  results: SarifItem[];
  /** `error`-level tool notifications (e.g. a file the tool could not parse), with their location. */
  errorNotifications: SarifItem[];
  /** Invocations that say `executionSuccessful: false`, in words (tool, exit code, signal). */
  failures: { tool: string; what: string }[];
}

/** SARIF is a JSON object with `runs` and a `version` or a `$schema` naming sarif. */
export function detectSarif(head: string): boolean {
  const h = jsonHead(head);
  if (h?.kind !== '{' || !h.keys.includes('runs')) return false;
  return h.keys.includes('version') ? /"version"\s*:\s*"2\.1\.0"/.test(head) : h.keys.includes('$schema') && /"\$schema"\s*:\s*"[^"]*sarif/i.test(head);
}

export async function readSarif(ctx: ParseContext): Promise<SarifLog> {
  const log = checkShape(ctx.source.path, Log, await readJson(ctx), 'SARIF log');
  if (log.version !== undefined && log.version !== '2.1.0') {
    throw new ReportParseError(ctx.source.path, `SARIF version ${log.version} is not supported (readygate reads SARIF 2.1.0)`);
  }
  const out: SarifLog = { results: [], errorNotifications: [], failures: [] };
  for (const [r, run] of log.runs.entries()) {
    const tool = run.tool.driver.name ?? 'sarif';
    const results = run.results ?? [];
    for (let i = 0; i < results.length; i++) {
      const result = checkShape(ctx.source.path, Result, results[i], 'SARIF log', ['runs', r, 'results', i]);
      results[i] = undefined; // read: the parsed object may go
      if (!counts(result)) continue;
      const rule = findRule(run, result);
      const item: SarifItem = { tool, level: result.level ?? rule?.defaultConfiguration?.level ?? 'warning', message: messageText(result.message, rule) };
      const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id;
      if (ruleId) item.ruleId = ruleId;
      if (rule) item.rule = rule;
      if (result.properties) item.properties = result.properties;
      locate(ctx, run, result.locations?.[0], item);
      out.results.push(item);
    }
    for (const inv of run.invocations ?? []) {
      for (const n of [...(inv.toolExecutionNotifications ?? []), ...(inv.toolConfigurationNotifications ?? [])]) {
        if (n.level === 'error') out.errorNotifications.push(notificationItem(ctx, run, tool, n));
      }
      if (inv.executionSuccessful === false) out.failures.push({ tool, what: failedRun(inv) });
    }
  }
  return out;
}

function failedRun(inv: Invocation): string {
  const how = [
    inv.exitCode !== undefined && `exit code ${inv.exitCode}`,
    inv.exitCodeDescription,
    inv.exitSignalName && `signal ${inv.exitSignalName}`,
  ].filter(Boolean);
  return `its run failed (executionSuccessful: false${how.length > 0 ? `, ${how.join(', ')}` : ''})`;
}

/**
 * Why this log cannot be read as a finished analysis, in the tool's own words, or undefined when it
 * can. `locatedAreFindings`: error notifications that name a file in the repository are shown as
 * findings on that file (lint: ESLint reports a file it could not parse this way), so they and a
 * failed run they explain do not refuse the log; everything else does.
 */
export function failureMessage(log: SarifLog, locatedAreFindings: boolean): string | undefined {
  const shown = (n: SarifItem) => locatedAreFindings && n.path !== undefined && n.path !== '';
  const unshown = log.errorNotifications.filter((n) => !shown(n));
  const explained = new Set(log.errorNotifications.filter(shown).map((n) => n.tool));
  const failed = log.failures.filter((f) => !explained.has(f.tool));
  if (unshown.length === 0 && failed.length === 0) return undefined;
  const words = (n: SarifItem) =>
    `${n.path ? `${n.path}${n.line ? `:${n.line}` : ''}: ` : ''}${n.message}${n.ruleId ? ` [${n.ruleId}]` : ''}`;
  const tools = [...new Set([...failed.map((f) => f.tool), ...unshown.map((n) => n.tool)])];
  const parts = [
    ...failed.map((f) => `${f.tool} says ${f.what}`),
    ...unshown.slice(0, 5).map((n) => `${n.tool} error: ${words(n)}`),
  ];
  if (unshown.length > 5) parts.push(`and ${unshown.length - 5} more error notifications`);
  return `${tools.join(', ')} did not finish its analysis, so this report cannot pass: ${parts.join('; ')}`;
}

function counts(result: Result): boolean {
  if (result.kind === 'pass' || result.kind === 'notApplicable') return false;
  if (result.baselineState === 'absent') return false;
  return !(result.suppressions ?? []).some((s) => s.status === undefined || s.status === 'accepted');
}

function findRule(run: Run, result: Result): Rule | undefined {
  const extIndex = result.rule?.toolComponent?.index;
  const component = extIndex !== undefined ? run.tool.extensions?.[extIndex] : run.tool.driver;
  const rules = component?.rules ?? [];
  const index = result.rule?.index ?? result.ruleIndex;
  if (index !== undefined && index >= 0 && rules[index]) return rules[index];
  const id = result.ruleId ?? result.rule?.id;
  if (id === undefined) return undefined;
  return rules.find((r) => r.id === id) ?? run.tool.extensions?.flatMap((e) => e.rules ?? []).find((r) => r.id === id);
}

/** `text`, else the rule's message string `id` with `{0}`-style arguments, else `markdown`. */
function messageText(message: Message, rule: Rule | undefined): string {
  if (message.text !== undefined) return message.text;
  const template = message.id !== undefined ? rule?.messageStrings?.[message.id]?.text : undefined;
  if (template !== undefined) return template.replace(/\{(\d+)\}/g, (all, n: string) => message.arguments?.[Number(n)] ?? all);
  return message.markdown ?? rule?.shortDescription?.text ?? '';
}

function notificationItem(ctx: ParseContext, run: Run, tool: string, n: Notification): SarifItem {
  const item: SarifItem = { tool, level: 'error', message: messageText(n.message, undefined) };
  if (n.descriptor?.id) item.ruleId = n.descriptor.id;
  locate(ctx, run, n.locations?.[0], item);
  return item;
}

function locate(ctx: ParseContext, run: Run, location: Location | undefined, item: SarifItem): void {
  const physical = location?.physicalLocation;
  let art = physical?.artifactLocation;
  if (art && art.uri === undefined && art.index !== undefined) art = { ...run.artifacts?.[art.index]?.location, ...art };
  if (art?.uri !== undefined) {
    const base = resolveBase(run, art.uriBaseId);
    item.path = ctx.paths.toRepo(decodeRelative(art.uri), base);
  }
  const region = physical?.region;
  if (region?.startLine !== undefined && region.startLine > 0) item.line = region.startLine;
  if (region?.startColumn !== undefined && region.startColumn > 0) item.column = region.startColumn;
  if (region?.endLine !== undefined && region.endLine > 0) item.endLine = region.endLine;
  if (region?.endColumn !== undefined && region.endColumn > 0) item.endColumn = region.endColumn;
}

/** The absolute (or repo-relative) URI a `uriBaseId` stands for, following chained bases. */
function resolveBase(run: Run, id: string | undefined): string | undefined {
  let base: string | undefined;
  for (let depth = 0; id !== undefined && depth < 16; depth++) {
    const entry = run.originalUriBaseIds?.[id];
    if (entry?.uri === undefined) break;
    base = base === undefined ? entry.uri : joinUri(entry.uri, base);
    id = entry.uriBaseId;
  }
  return base === undefined ? undefined : decodeRelative(base);
}

function joinUri(base: string, rel: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(rel) || rel.startsWith('/') ? rel : `${base.replace(/\/?$/, '/')}${rel}`;
}

/** Percent-decodes a relative URI reference (`file:` URIs are decoded by the path mapper). */
function decodeRelative(uri: string): string {
  if (/^file:/i.test(uri) || !uri.includes('%')) return uri;
  try {
    return decodeURIComponent(uri);
  } catch (error) {
    if (error instanceof URIError) return uri;
    throw error;
  }
}
