/**
 * Runs a whole check on report files written into a temporary repository, as the CLI and the
 * Action do (collect, parse, evaluate, build the report): for tests that assert a verdict.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCheck } from '../../src/check/run-check.js';
import { validateConfig } from '../../src/config/load.js';
import type { ConfigInput } from '../../src/config/schema.js';
import type { ReportV1 } from '../../src/core/report-schema.js';

export async function checkFiles(files: Record<string, string | Buffer>, policy: ConfigInput): Promise<ReportV1> {
  const root = mkdtempSync(join(tmpdir(), 'readygate-gate-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const config = validateConfig(policy, 'test policy');
    return await runCheck({ root, config, version: '0.0.0-test', today: '2026-12-04' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The status of one gate of a report, by id. */
export function gate(report: ReportV1, id: string): string | undefined {
  return report.gates.find((g) => g.id === id)?.status;
}
