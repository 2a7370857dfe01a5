/**
 * `readygate init`: writes a commented starter config from the reports it finds. The levels are
 * a starting point; thresholds below what the reports show today would pass on day one, so the
 * comments say to tighten them.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULT_REPORT_GLOBS } from '../config/defaults.js';
import { fileSource } from '../collect/file-source.js';
import { UsageError } from '../core/errors.js';
import { SIGNALS, type Signal } from '../core/model.js';
import { detectParser, readHead } from '../core/reports/registry.js';
import { DEFAULT_CONFIG_PATH } from '../check/config-source.js';
import { EXIT, type CliIO } from './io.js';
import { bool, defineCommand, str, type FlagsOf } from './options.js';

export const INIT_HELP = `Usage: readygate init [--config FILE] [--force] [--cwd DIR]

Writes a commented starter config (default: .github/readygate.yml) listing the reports found
in the usual places. Refuses to overwrite an existing file unless --force is given.
`;

export async function findReports(root: string): Promise<Partial<Record<Signal, { path: string; format: string }[]>>> {
  const found: Partial<Record<Signal, { path: string; format: string }[]>> = {};
  for (const signal of SIGNALS) {
    const paths = await glob([...DEFAULT_REPORT_GLOBS[signal]], {
      cwd: root,
      onlyFiles: true,
      ignore: ['**/node_modules/**', '**/.git/**'],
    });
    for (const path of paths.sort()) {
      const head = await readHead(fileSource(root, path)).catch(() => '');
      const parser = detectParser(signal, head);
      if (parser) (found[signal] ??= []).push({ path, format: parser.id });
    }
  }
  return found;
}

export function starterConfig(found: Partial<Record<Signal, { path: string; format: string }[]>>): string {
  const lines = [
    '# readygate readiness policy. Reference: https://github.com/readygate/readygate#the-readiness-config-githubreadygateyml',
    '# Validate with: npx readygate validate',
    '',
    'reports:',
  ];
  for (const signal of SIGNALS) {
    const files = found[signal];
    if (files?.length) {
      lines.push(`  ${signal}:`);
      for (const f of files) lines.push(`    - ${JSON.stringify(f.path)}   # detected: ${f.format}`);
    } else lines.push(`  # ${signal}: [path/to/report]   # none found`);
  }
  lines.push(
    '',
    '# Levels, lowest first. A level is reached when its gates and every lower level pass.',
    'levels:',
    '  mvp:',
    '    tests: { pass_rate: 100, min_total: 1 }',
    '  beta:',
    '    coverage: { lines: 70 }',
    '    audit: { critical: 0 }',
    '    lint: { errors: 0 }',
    '  production:',
    '    coverage: { lines: 85, branches: 70, max_drop: 0.5, patch: 80 }',
    '    audit: { critical: 0, high: 0 }',
    '    lint: { errors: 0, warnings: 20, new_only: true }',
    '',
    'require: beta            # the level every change must reach',
    'branches:',
    '  "release/*": production # stricter for release branches',
    'mode: enforce            # warn: report, never fail',
    'missing: fail            # a configured report that is missing fails its gates',
    '# audit_ignore:',
    '#   - { id: GHSA-xxxx-xxxx-xxxx, reason: "not reachable from our code", until: 2027-01-31 }',
    '',
  );
  return lines.join('\n');
}

export const INIT_OPTIONS = { config: str, force: bool, cwd: str } as const;

export const initCli = defineCommand({
  help: INIT_HELP,
  options: INIT_OPTIONS,
  run: (flags, _positionals, io) => initCommand(flags, io),
});

export async function initCommand(flags: FlagsOf<typeof INIT_OPTIONS>, io: CliIO): Promise<number> {
  const root = resolve(io.cwd, flags.cwd ?? '.');
  const target = resolve(root, flags.config ?? DEFAULT_CONFIG_PATH);
  if (existsSync(target) && !flags.force)
    throw new UsageError(`${flags.config ?? DEFAULT_CONFIG_PATH} already exists; pass --force to overwrite it`);
  const found = await findReports(root);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, starterConfig(found));
  const count = Object.values(found).reduce((n, list) => n + list.length, 0);
  io.stdout(
    `wrote ${flags.config ?? DEFAULT_CONFIG_PATH} with ${count} report${count === 1 ? '' : 's'} found; review the levels, then run \`readygate check\`\n`,
  );
  return EXIT.ok;
}
