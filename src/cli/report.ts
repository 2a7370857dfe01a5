/**
 * `readygate report`: the readiness page as a static HTML file (and Markdown) from a JSON report,
 * earlier reports for the trend, and the roadmap files the config names. No GitHub needed: a team
 * publishes the HTML with GitHub Pages.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULT_CONFIG_PATH, readConfigFile } from '../check/config-source.js';
import type { Config } from '../config/schema.js';
import { UsageError, describeError, fsReason } from '../core/errors.js';
import type { RoadmapData } from '../core/model.js';
import { renderPageHtml } from '../core/render/page-html.js';
import { renderPageMarkdown } from '../core/render/page-markdown.js';
import type { PageInput } from '../core/render/page-model.js';
import type { TrendInput } from '../core/render/page-trend-data.js';
import type { ReportV1 } from '../core/report-schema.js';
import { parseReportJson } from '../core/report-parse.js';
import { EXIT, type CliIO } from './io.js';
import { defineCommand, list, str, type FlagsOf } from './options.js';

export const REPORT_HELP = `Usage: readygate report --report FILE [--history FILE|GLOB…] [options]

Writes the readiness page: the level reached and required, every gate, the trend, roadmap
progress and the readiness gap, as one static HTML file (no script, light and dark) and Markdown.

Options:
  --report FILE         the JSON report to show (readygate check --out FILE)
  --history FILE|GLOB…  earlier reports for the trend, oldest first; several may follow one
                        --history, and a glob's matches are taken in name order. Each file is
                        one commit, labelled by its name without .json (abc1234.json -> abc1234)
  --commit LABEL        the report's commit (default: $GITHUB_SHA, else the report's file name)
  --repo NAME           the name the page shows (default: $GITHUB_REPOSITORY, else the folder name)
  --config FILE         policy file, for the roadmap files and the items blocking the next level
                        (default: .github/readygate.yml when it exists)
  --out FILE            write the HTML page to FILE
  --markdown-out FILE   write the Markdown page to FILE
  --cwd DIR             repository root, and what every relative path above is relative to
  -h, --help            show this help

With neither --out nor --markdown-out the HTML page goes to standard output.
Exit codes: 0 written, 2 usage error or a report that cannot be read.
`;

export const REPORT_OPTIONS = {
  report: str,
  history: list,
  commit: str,
  repo: str,
  config: str,
  out: str,
  'markdown-out': str,
  cwd: str,
} as const;

export type ReportFlags = FlagsOf<typeof REPORT_OPTIONS>;

export const reportCli = defineCommand({
  help: REPORT_HELP,
  options: REPORT_OPTIONS,
  // Files after --history (`--history a.json b.json`) arrive as bare arguments.
  positionals: true,
  run: (flags, positionals, io) => reportCommand(flags, positionals, io),
});

export async function reportCommand(flags: ReportFlags, extra: readonly string[], io: CliIO): Promise<number> {
  const root = resolve(io.cwd, flags.cwd ?? '.');
  if (!flags.report) throw new UsageError(`--report FILE is required\n\n${REPORT_HELP}`);
  const report = readReport(resolve(io.cwd, flags.report), flags.report);
  const history: TrendInput[] = [];
  for (const file of await expandHistory(io.cwd, [...(flags.history ?? []), ...extra]))
    history.push({ commit: label(file), report: readReport(resolve(io.cwd, file), file) });

  const config = loadConfig(root, io.cwd, flags.config);
  let roadmap: RoadmapData | undefined;
  if (config?.roadmap?.files.length) {
    const [{ loadRoadmap }, { toRoadmapData }] = await Promise.all([
      import('./roadmap-source.js'),
      import('../core/roadmap/collect.js'),
    ]);
    const loaded = await loadRoadmap(root, config.roadmap);
    for (const w of loaded.warnings)
      io.stderr(`readygate: roadmap: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}\n`);
    roadmap = toRoadmapData(loaded);
  }
  const sha =
    io.env.GITHUB_SHA && /^[0-9a-f]{7,40}$/i.test(io.env.GITHUB_SHA) ? io.env.GITHUB_SHA.slice(0, 7) : undefined;
  const input: PageInput = {
    repo: flags.repo ?? io.env.GITHUB_REPOSITORY ?? basename(root),
    report,
    commit: flags.commit ?? sha ?? label(flags.report),
    history,
    ...(roadmap && { roadmap }),
    ...(config && { policy: { levels: config.levels } }),
    today: io.today(),
  };
  if (flags.out) writeOut('--out', resolve(io.cwd, flags.out), renderPageHtml(input));
  if (flags['markdown-out'])
    writeOut('--markdown-out', resolve(io.cwd, flags['markdown-out']), renderPageMarkdown(input));
  if (!flags.out && !flags['markdown-out']) io.stdout(renderPageHtml(input));
  else io.stderr(`readygate: wrote ${[flags.out, flags['markdown-out']].filter(Boolean).join(' and ')}\n`);
  return EXIT.ok;
}

/** Each argument is a file or a glob; a glob that matches nothing is an error, not an empty trend. */
async function expandHistory(cwd: string, args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if (existsSync(resolve(cwd, arg))) {
      files.push(arg);
      continue;
    }
    const matches = (await glob(arg, { cwd, onlyFiles: true })).sort();
    if (matches.length === 0) throw new UsageError(`--history ${arg}: no such file, and no file matches it as a glob`);
    files.push(...matches);
  }
  return files;
}

function label(file: string): string {
  return basename(file, extname(file));
}

function loadConfig(root: string, cwd: string, path: string | undefined): Config | undefined {
  if (path) return readConfigFile(cwd, path);
  return existsSync(resolve(root, DEFAULT_CONFIG_PATH)) ? readConfigFile(root, DEFAULT_CONFIG_PATH) : undefined;
}

function readReport(path: string, shown: string): ReportV1 {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read report ${shown}: ${fsReason(error) ?? describeError(error)}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`report ${shown} is not JSON: ${describeError(error)}`, { cause: error });
  }
  try {
    return parseReportJson(value, shown);
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
