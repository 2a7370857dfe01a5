/**
 * xUnit.net v2 XML (`dotnet test` / the xunit console runners' `-xml`, xUnit v3's same format, and
 * reporters that write its shape, such as jest-xunit), streamed: `<assemblies>` of `<assembly>`, each
 * with `<errors>` and `<collection>`s of `<test result>`.
 *
 * Pass is a pass, Fail a failure, Skip and NotRun are skipped. Each `<error>` (an assembly, collection,
 * class or test cleanup that threw, or a fatal runner error) is a failure of its own: no test shows
 * it. A result word not in the format (jest-xunit writes `result="undefined"` for skipped and todo
 * tests) is never a pass: it counts as skipped only when the assembly's own `failed` total is already
 * met by the failed tests, else as failed, and a notice says which. An assembly declaring more
 * failures or errors than it lists counts the difference as failures, with a notice.
 */
import { BoundedText, numAttr, parseXml } from '../../stream/xml.js';
import { ReportParseError } from '../../errors.js';
import type { TestFailure } from '../../model.js';
import { xmlRootName } from '../sniff.js';
import { notify, type ParseContext, type ReportParser } from '../types.js';
import { TestsBuilder } from './builder.js';

const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['message', 'stack-trace', 'output']);
const KNOWN = new Set(['pass', 'fail', 'skip', 'notrun']);
/** Exceptions that mean an assertion failed (xUnit's own live in Xunit.Sdk), not an error. */
const ASSERTION = /^Xunit\.Sdk\.|Assert/;

type FailureInput = Omit<TestFailure, 'kind'> & { kind?: TestFailure['kind'] };

interface Texts {
  message: BoundedText;
  stack: BoundedText;
  exception?: string;
}

interface TestState {
  name: string;
  suite?: string;
  file?: string;
  line?: number;
  result: string;
  failure?: Texts;
  output?: BoundedText;
}

interface AssemblyState {
  name: string;
  declared: { total?: number; failed?: number; errors?: number };
  tests: number;
  failed: number;
  errors: number;
  /** Tests whose result is no word of the format, held until the assembly's totals are known. */
  unknown: { result: string; failure: FailureInput }[];
}

function text(b: BoundedText | undefined): string {
  return b ? b.toString().replace(/\r/g, '').trim() : '';
}

function firstLine(s: string): string | undefined {
  return s
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim();
}

/** xUnit.net names a test `Namespace.Class.Method(args)`; its class is `type`. */
function shortName(name: string, type: string | undefined): string {
  return type && name.startsWith(`${type}.`) && name.length > type.length + 1 ? name.slice(type.length + 1) : name;
}

export const xunitNet: ReportParser<'tests'> = {
  id: 'xunit-net',
  signal: 'tests',
  title: 'xUnit.net v2 XML',
  detectedBy: 'XML root <assemblies>',
  metrics: ['total', 'passed', 'failed', 'skipped', 'failures with locations'],
  detect(head) {
    return xmlRootName(head) === 'assemblies';
  },
  async parse(ctx) {
    const builder = new TestsBuilder(ctx.limits, ctx.paths);
    const max = ctx.limits.maxMessageChars;
    let assembly: AssemblyState | undefined;
    let collection: string | undefined;
    let test: TestState | undefined;
    /** The `<error>` being read: its type and name, and its failure. */
    let error: { what: string; failure?: Texts } | undefined;
    let texts: Texts | undefined;
    let capture: BoundedText | undefined;
    let assemblySeconds: number | undefined;
    let testSeconds = 0;
    let root: string | undefined;

    await parseXml(ctx, {
      open(name, a, line) {
        if (root === undefined) {
          root = name;
          if (name !== 'assemblies' && name !== 'assembly') throw new ReportParseError(ctx.source.path, `the root element is <${name}>, not xUnit.net's <assemblies>${name.startsWith('testsuite') ? ' (this is JUnit XML: use format junit)' : ''}`, line);
        }
        switch (name) {
          case 'assembly': {
            const seconds = numAttr(a, 'time');
            if (seconds !== undefined && seconds >= 0) assemblySeconds = (assemblySeconds ?? 0) + seconds;
            assembly = { name: a.name?.trim() || '(unnamed assembly)', declared: { total: numAttr(a, 'total'), failed: numAttr(a, 'failed'), errors: numAttr(a, 'errors') }, tests: 0, failed: 0, errors: 0, unknown: [] };
            return;
          }
          case 'collection':
          case 'class':
            collection = a.name?.trim() || undefined;
            return;
          case 'test': {
            if (test) throw new ReportParseError(ctx.source.path, 'a <test> inside another <test>: not xUnit.net XML', line);
            const type = a.type?.trim() || undefined;
            const seconds = numAttr(a, 'time');
            if (seconds !== undefined && seconds >= 0) testSeconds += seconds;
            test = {
              name: shortName(a.name?.trim() || a.method?.trim() || '(unnamed test)', type),
              suite: type ?? collection,
              file: a['source-file']?.trim() || undefined,
              line: numAttr(a, 'source-line'),
              result: (a.result ?? '').trim(),
            };
            return;
          }
          case 'error':
            error = { what: [a.type?.trim(), a.name?.trim()].filter(Boolean).join(': ') || 'error' };
            return;
          case 'failure': {
            const owner = test ?? error;
            if (owner && !owner.failure) owner.failure = { message: new BoundedText(max), stack: new BoundedText(max), exception: a['exception-type']?.trim() || undefined };
            texts = owner?.failure;
            return;
          }
          case 'message':
            capture = texts?.message;
            return;
          case 'stack-trace':
            capture = texts?.stack;
            return;
          case 'output':
            if (test && !texts) capture = test.output ??= new BoundedText(max);
            return;
          default:
            return; // errors, traits, reason, warnings…
        }
      },
      text(t) {
        capture?.add(t);
      },
      textIn: TEXT_ELEMENTS,
      close(name) {
        if (name === 'message' || name === 'stack-trace' || name === 'output') capture = undefined;
        else if (name === 'failure') texts = undefined;
        else if (name === 'test' && test) {
          const t = test;
          test = undefined;
          closeTest(t, builder, assembly);
        } else if (name === 'error' && error) {
          const e = error;
          error = undefined;
          if (assembly) assembly.errors++;
          const message = text(e.failure?.message);
          const stack = text(e.failure?.stack);
          builder.add('failed', {
            name: e.what,
            message: [e.failure?.exception, message].filter(Boolean).join(': ') || `an error outside any test (${e.what})`,
            details: stack || undefined,
            kind: 'error',
          });
        } else if (name === 'collection' || name === 'class') collection = undefined;
        else if (name === 'assembly' && assembly) {
          closeAssembly(ctx, builder, assembly);
          assembly = undefined;
        }
      },
    });

    const seconds = assemblySeconds ?? testSeconds;
    if (seconds > 0) builder.data.durationMs = Math.round(seconds * 1000);
    return builder.data;
  },
};

function closeTest(t: TestState, builder: TestsBuilder, assembly: AssemblyState | undefined): void {
  if (assembly) assembly.tests++;
  const result = t.result.toLowerCase();
  if (result === 'pass') return builder.add('passed');
  if (result === 'skip' || result === 'notrun') return builder.add('skipped');
  const message = text(t.failure?.message);
  const stack = text(t.failure?.stack);
  const output = text(t.output);
  const failure: FailureInput = {
    name: t.name,
    suite: t.suite,
    file: t.file,
    line: t.line,
    message: [t.failure?.exception && !message.startsWith(t.failure.exception) ? t.failure.exception : undefined, message].filter(Boolean).join(': ') || firstLine(output) || `test result ${t.result || '(none)'}`,
    details: stack || output || undefined,
    kind: !t.failure?.exception || ASSERTION.test(t.failure.exception) ? 'failure' : 'error',
  };
  if (result !== 'fail' && !KNOWN.has(result) && assembly) {
    assembly.unknown.push({ result: t.result, failure });
    return;
  }
  if (assembly) assembly.failed++;
  builder.add('failed', failure);
}

/** Unknown results, then the assembly's declared totals against what it lists. */
function closeAssembly(ctx: ParseContext, builder: TestsBuilder, a: AssemblyState): void {
  if (a.unknown.length > 0) {
    const words = [...new Set(a.unknown.map((u) => `"${u.result}"`))].join(', ');
    const declared = a.declared.failed;
    const met = declared !== undefined && Number.isSafeInteger(declared) && declared >= 0 && a.failed >= declared;
    notify(ctx, `${a.unknown.length} test(s) in ${a.name} have result ${words}, which is not Pass, Fail, Skip or NotRun: ${met ? `counted as skipped, since the assembly's failed="${declared}" is met by its failed tests` : 'counted as failed'}`);
    for (const u of a.unknown) {
      if (met) builder.add('skipped');
      else {
        a.failed++;
        builder.add('failed', u.failure);
      }
    }
  }
  const total = a.declared.total;
  if (a.tests === 0 && total !== undefined && total > 0) notify(ctx, `${a.name} declares ${total} tests but lists no <test>`);
  const d = builder.data;
  for (const [what, declared, counted] of [
    ['failures', a.declared.failed, a.failed],
    ['errors', a.declared.errors, a.errors],
  ] as const) {
    if (declared === undefined || !Number.isSafeInteger(declared) || declared <= counted) continue;
    const unlisted = declared - counted;
    notify(ctx, `${a.name} declares ${declared} ${what} but lists ${counted}: the ${unlisted} not listed count as failed`);
    d.total += unlisted;
    d.failed += unlisted;
    builder.addFailureOnly({ name: `${unlisted} ${what} ${a.name} declares but does not list`, message: `${what === 'failures' ? 'failed' : 'errors'}="${declared}"; listed: ${counted}`, kind: 'error' });
  }
}
