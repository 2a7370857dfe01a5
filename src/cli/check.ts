/** `readygate check`: evaluate reports against the policy and print the verdict. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { runCheck } from '../check/run-check.js';
import { addedLinesFromDiff, type AddedLines } from '../core/diff.js';
import { UsageError, describeError, fsReason } from '../core/errors.js';
import type { BaseSnapshot } from '../core/gates/common.js';
import type { RoadmapData, Signal } from '../core/model.js';
import { renderText } from '../core/render/text.js';
import { baseSnapshot } from '../core/report.js';
import { VERSION } from '../version.js';
import { resolveConfig } from '../check/config-source.js';
import { EXIT, useColor, type CliIO } from './io.js';
import { defineCommand, list, oneOf, str, type FlagsOf } from './options.js';
import { GITHUB_FLAGS_HELP, GITHUB_OPTIONS, remoteAccess } from './remote.js';

export const CHECK_HELP = `Usage: readygate check [options]

Evaluates coverage, test, audit and lint reports against the readiness policy.

Options:
  --config FILE        policy file (default: .github/readygate.yml, else the default policy)
  --coverage GLOB      coverage report(s); repeatable; replaces the config's globs for coverage
  --tests GLOB         test report(s); repeatable
  --audit GLOB         dependency audit report(s); repeatable
  --lint GLOB          lint report(s); repeatable
  --base FILE          JSON report of an earlier run on the base branch (for max_drop, new_only)
  --diff FILE|-        unified diff of the change (git diff base...head), for patch coverage
  --branch NAME        target branch, for the config's branches: mapping
  --format FMT         stdout format: text (default), markdown or json
  --out FILE           also write the JSON report to FILE
  --markdown-out FILE  also write the Markdown summary to FILE
  --cwd DIR            repository root, and what every relative path above is relative to
${GITHUB_FLAGS_HELP.trimEnd()}
                       (used only to read the bases a policy names with _extends)
  -h, --help           show this help

Exit codes: 0 the required level is reached (or warn mode), 1 gates failed,
2 usage or config error.
`;

export const CHECK_OPTIONS = {
  config: str,
  coverage: list,
  tests: list,
  audit: list,
  lint: list,
  base: str,
  diff: str,
  branch: str,
  format: oneOf('text', 'markdown', 'json'),
  out: str,
  'markdown-out': str,
  cwd: str,
  ...GITHUB_OPTIONS,
} as const;

export type CheckFlags = FlagsOf<typeof CHECK_OPTIONS>;

export const checkCli = defineCommand({
  help: CHECK_HELP,
  options: CHECK_OPTIONS,
  run: (flags, _positionals, io) => checkCommand(flags, io),
});

export async function checkCommand(flags: CheckFlags, io: CliIO): Promise<number> {
  const root = resolve(io.cwd, flags.cwd ?? '.');
  const format = flags.format ?? 'text';
  const reportFlags: Partial<Record<Signal, string[]>> = {
    coverage: flags.coverage,
    tests: flags.tests,
    audit: flags.audit,
    lint: flags.lint,
  };
  const { config, notices } = await resolveConfig(
    root,
    io.cwd,
    flags.config,
    reportFlags,
    remoteAccess(root, flags, io),
  );

  let base: BaseSnapshot | undefined;
  if (flags.base) base = await readBase(resolve(io.cwd, flags.base), flags.base);
  let added: AddedLines | undefined;
  if (flags.diff) {
    const text = flags.diff === '-' ? await io.readStdin() : readTextFile(resolve(io.cwd, flags.diff), '--diff');
    try {
      added = addedLinesFromDiff(text, flags.diff === '-' ? 'standard input' : flags.diff);
    } catch (error) {
      throw new UsageError(describeError(error), { cause: error });
    }
  }

  // roadmap.files configured: its progress becomes signals.roadmap and feeds roadmap gates
  // (imported here: the Markdown parser costs start-up time that most checks do not need)
  let roadmap: RoadmapData | undefined;
  if (config.roadmap?.files.length) {
    const [{ loadRoadmap }, { toRoadmapData }] = await Promise.all([
      import('./roadmap-source.js'),
      import('../core/roadmap/collect.js'),
    ]);
    const loaded = await loadRoadmap(root, config.roadmap);
    for (const w of loaded.warnings) notices.push(`roadmap: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
    roadmap = toRoadmapData(loaded);
  }
  const report = await runCheck({
    root,
    config,
    version: VERSION,
    today: io.today(),
    branch: flags.branch,
    added,
    base,
    notices,
    roadmap,
    // Report paths on the command line are the user's own: they may be absolute or outside the
    // root. The confinement to the repository is for the config's globs, which a PR can edit.
    givenReports: new Set((Object.keys(reportFlags) as Signal[]).filter((s) => reportFlags[s]?.length)),
  });

  if (flags.out) writeOut('--out', resolve(io.cwd, flags.out), `${JSON.stringify(report, null, 2)}\n`);
  // The Markdown renderer (and the node:crypto its diff links need) only when Markdown is asked for.
  let markdown: string | undefined;
  if (flags['markdown-out'] || format === 'markdown') {
    markdown = (await import('../core/render/markdown.js')).renderMarkdown(report);
    if (flags['markdown-out']) writeOut('--markdown-out', resolve(io.cwd, flags['markdown-out']), markdown);
  }
  if (format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (markdown !== undefined && format === 'markdown') io.stdout(markdown);
  else io.stdout(renderText(report, { color: useColor(io) }));
  return report.verdict === 'fail' ? EXIT.gatesFailed : EXIT.ok;
}

function readTextFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${what}: cannot read ${path}: ${fsReason(error) ?? describeError(error)}`, { cause: error });
  }
}

async function readBase(path: string, shown: string): Promise<BaseSnapshot> {
  const text = readTextFile(path, '--base');
  // Imported here: the report schema costs start-up time that a check without --base does not need.
  const { parseReportJson } = await import('../core/report-parse.js');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--base ${shown} is not JSON: ${describeError(error)}`, { cause: error });
  }
  try {
    return baseSnapshot(parseReportJson(value, `--base ${shown}`), shown);
  } catch (error) {
    throw new UsageError(describeError(error), { cause: error });
  }
}

function writeOut(flag: string, path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new UsageError(`${flag}: cannot write ${path}: ${fsReason(error) ?? describeError(error)}`, { cause: error });
  }
}
