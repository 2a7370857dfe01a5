/**
 * TAP 13 and 14 (node --test, node-tap, tape, Test::More, bats), streamed line by line.
 *
 * Counting rule: the leaf test points. A point whose indented subtest block held points is a
 * parent (node's describe, a Test::More subtest) and adds nothing, unless it failed while none of
 * its children did (a crash, a bad plan): then it counts as one failure. `# SKIP` counts as
 * skipped; `# TODO` too, and a failing TODO is not a failure. YAML diagnostics (`---`…`...`) and
 * `#` comments after a failing point give its message and location. `Bail out!` stops the run
 * and counts as a failure, and so do top-level tests a plan announced that never ran; more
 * top-level points than the plan announced is a failure too (the plan and the points disagree).
 */
import { parse as parseYaml } from 'yaml';
import { ReportParseError } from '../../errors.js';
import { forEachLine } from '../../stream/text.js';
import { BoundedText } from '../../stream/xml.js';
import { notify, type ReportParser } from '../types.js';
import { TestsBuilder, type Outcome } from './builder.js';

const POINT = /^(\s*)(not ok|ok)\b\s*(\d+)?\s*(?:-\s*)?(.*)$/;
const DIRECTIVE = /(?:^|\s)#\s*(SKIP|TODO)\S*\s*(.*)$/i;
const PLAN = /^(\s*)1\.\.(\d+)/;
const BAIL = /^\s*Bail out!\s*(.*)$/;
const YAML_START = /^(\s*)---\s*$/;

interface Pending {
  name: string;
  indent: number;
  diag: BoundedText;
  yaml: string[] | undefined;
}

export const tap: ReportParser<'tests'> = {
  id: 'tap',
  signal: 'tests',
  title: 'TAP 13/14',
  detectedBy: '"TAP version 13/14", or a first non-comment line that is a plan (1..N) or a test point (ok / not ok)',
  metrics: ['total', 'passed', 'failed', 'skipped', 'failures with locations'],
  detect(head) {
    for (const line of head.split('\n')) {
      const t = line.trim();
      if (t === '' || t.startsWith('#')) continue;
      return /^TAP version 1[34]$/i.test(t) || /^1\.\.\d+(\s|$)/.test(t) || /^(?:not )?ok(?:\s|$)/.test(t);
    }
    return false;
  },
  async parse(ctx) {
    const builder = new TestsBuilder(ctx.limits, ctx.paths);
    const max = ctx.limits.maxMessageChars;
    // Leaves and failures seen below each indentation since its last point.
    const below = new Map<number, { count: number; failed: number }>();
    let pending: Pending | undefined;
    let plan: number | undefined;
    let topPoints = 0;
    let sawTap = false;
    let bailed = false;

    const flush = () => {
      if (!pending) return;
      const p = pending;
      pending = undefined;
      const diag = p.diag.toString().trim();
      const fromYaml = p.yaml ? yamlMessage(p.yaml.join('\n')) : undefined;
      builder.add('failed', {
        name: p.name,
        // With YAML diagnostics, later `#` lines are tape's next test names, not this failure's message.
        message: fromYaml ? (fromYaml.message ?? p.name) : (firstLine(diag) ?? p.name),
        details: (fromYaml ? fromYaml.details : diag) || undefined,
        file: fromYaml?.file,
        line: fromYaml?.line,
      });
    };

    let yaml: { indent: number; lines: string[] | undefined } | undefined;
    let lastPointIndent = -1;

    await forEachLine(ctx.source, ctx.limits.maxLineBytes, (line) => {
      if (bailed) return;
      if (yaml) {
        if (/^\s*\.\.\.\s*$/.test(line)) yaml = undefined;
        else if (yaml.lines && yaml.lines.length < 2_000) yaml.lines.push(line.slice(Math.min(yaml.indent, indentOf(line))));
        return;
      }
      if (YAML_START.test(line) && lastPointIndent >= 0 && indentOf(line) > lastPointIndent) {
        // Diagnostics of the point just seen; kept only when that point failed.
        const lines = pending && pending.indent === lastPointIndent ? (pending.yaml = []) : undefined;
        yaml = { indent: indentOf(line), lines };
        return;
      }
      const point = POINT.exec(line);
      if (point) {
        sawTap = true;
        flush();
        lastPointIndent = point[1]!.length;
        onPoint(lastPointIndent, point[2] === 'ok', point[4] ?? '');
        return;
      }
      const bail = BAIL.exec(line);
      if (bail) {
        sawTap = true;
        flush();
        bailed = true;
        builder.add('failed', { name: 'Bail out!', message: bail[1]?.trim() || 'the test run bailed out', kind: 'error' });
        return;
      }
      const planMatch = PLAN.exec(line);
      if (planMatch) {
        sawTap = true;
        if (planMatch[1]!.length === 0) plan = Number(planMatch[2]);
        return;
      }
      if (/^TAP version/i.test(line.trim())) sawTap = true;
      else if (pending && /^\s*#/.test(line) && !/^\s*# Subtest:/.test(line)) pending.diag.add(line.replace(/^\s*#\s?/, '') + '\n');
    });
    flush();

    if (!sawTap) throw new ReportParseError(ctx.source.path, 'no TAP test points or plan found');
    if (!bailed && plan !== undefined && topPoints < plan) {
      builder.add('failed', { name: `${plan - topPoints} planned test(s) did not run`, message: `planned 1..${plan} but ran ${topPoints}`, kind: 'error' });
    }
    if (!bailed && plan !== undefined && topPoints > plan) {
      notify(ctx, `the plan 1..${plan} announces fewer tests than the ${topPoints} that ran: counted as one failure`);
      builder.add('failed', { name: 'test plan', message: `planned 1..${plan} but ran ${topPoints}`, kind: 'error' });
    }
    return builder.data;

    function onPoint(indent: number, ok: boolean, rest: string): void {
      if (indent === 0) topPoints++;
      const directive = DIRECTIVE.exec(rest);
      const name = (directive ? rest.slice(0, directive.index) : rest).replace(/\s+#\s*time=\S+\s*$/, '').trim() || '(unnamed test)';
      const kind = directive?.[1]!.toUpperCase();
      let children = { count: 0, failed: 0 };
      for (const [depth, counts] of below) {
        if (depth <= indent) continue;
        children = { count: children.count + counts.count, failed: children.failed + counts.failed };
        below.delete(depth);
      }
      const here = below.get(indent) ?? { count: 0, failed: 0 };
      below.set(indent, here);
      const failedPoint = !ok && kind !== 'TODO';
      if (children.count > 0) {
        here.count += children.count;
        here.failed += children.failed;
        if (!failedPoint || children.failed > 0) return;
      }
      const outcome: Outcome = kind ? 'skipped' : ok ? 'passed' : 'failed';
      here.count++;
      if (outcome === 'failed') {
        here.failed++;
        pending = { name, indent, diag: new BoundedText(max), yaml: undefined };
      } else builder.add(outcome);
    }
  },
};

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** First line of `#` diagnostics that explains rather than locates (bats starts with `(in test file …)`). */
function firstLine(text: string): string | undefined {
  return text
    .split('\n')
    .find((l) => l.trim() !== '' && !/^\s*\(in test file /.test(l))
    ?.trim();
}

/** Message, details and location from a YAML diagnostics block (node:test, node-tap, tape). */
function yamlMessage(text: string): { message?: string; details?: string; file?: string; line?: number } | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    // Diagnostics are free-form: a block that is not valid YAML is kept as text.
    if (error instanceof Error) return { details: text };
    throw error;
  }
  if (!doc || typeof doc !== 'object') return { details: text };
  const d = doc as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const err = d.error && typeof d.error === 'object' ? (d.error as Record<string, unknown>) : undefined;
  const message = str(d.message) ?? str(d.error) ?? str(err?.message);
  const at = d.at && typeof d.at === 'object' ? (d.at as Record<string, unknown>) : undefined;
  const details = [str(d.stack), str(err?.stack), str(d.diff)].filter(Boolean).join('\n') || text;
  const location = str(d.location) ?? str(d.at);
  const match = location ? /^(.*?):(\d+)(?::\d+)?$/.exec(location.replace(/^.*\((.*)\)$/, '$1')) : null;
  if (match) return { message, details, file: match[1], line: Number(match[2]) };
  const file = str(at?.fileName) ?? str(at?.file);
  const line = typeof at?.lineNumber === 'number' ? at.lineNumber : typeof at?.line === 'number' ? at.line : undefined;
  return { message, details, file, line };
}
