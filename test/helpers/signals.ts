/** Builders for signal data in gate and renderer tests. */
import { CoverageTable } from '../../src/core/coverage/table.js';
import type { AuditFinding, CoverageData, LintFinding, TestsData } from '../../src/core/model.js';
import { emptyTests } from '../../src/core/model.js';

/** A file with `covered` of `total` lines covered (lines 1..total, the first `covered` hit). */
export function coverage(
  files: Record<string, [covered: number, total: number]>,
  branches?: [number, number],
): CoverageData {
  const table = new CoverageTable();
  for (const [path, [covered, total]] of Object.entries(files)) {
    const f = table.file(path);
    for (let line = 1; line <= total; line++) f.addLine(line, line <= covered ? 1 : 0);
  }
  if (branches) table.file(Object.keys(files)[0]!).addBranches(1, branches[1], branches[0]);
  return { table };
}

export function tests(passed: number, failed: number, skipped = 0): TestsData {
  const t = emptyTests();
  Object.assign(t, { total: passed + failed + skipped, passed, failed, skipped });
  return t;
}

export function finding(
  id: string,
  severity: AuditFinding['severity'],
  pkg = 'pkg',
  aliases: string[] = [],
): AuditFinding {
  return { id, aliases, package: pkg, severity, title: `${id} title` };
}

export function lintFinding(
  path: string,
  line: number,
  severity: LintFinding['severity'],
  rule = 'no-x',
  message = 'bad',
): LintFinding {
  return { path, line, severity, rule, message, tool: 'eslint', fingerprint: '' };
}
