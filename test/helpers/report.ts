/** Builds JSON reports for renderer tests: from the bundled examples, or from hand-built signals. */
import { resolve } from 'node:path';
import { runCheck } from '../../src/check/run-check.js';
import { parseConfig } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/load.js';
import type { ConfigInput } from '../../src/config/schema.js';
import { addedLinesFromDiff } from '../../src/core/diff.js';
import { evaluate } from '../../src/core/gates/evaluate.js';
import type { Signal, SignalDataMap } from '../../src/core/model.js';
import { buildReport } from '../../src/core/report.js';
import type { ReportV1 } from '../../src/core/report-schema.js';
import { readFileSync } from 'node:fs';

export const EXAMPLES = resolve(new URL('../../examples', import.meta.url).pathname);

export async function exampleReport(): Promise<ReportV1> {
  const config = parseConfig(readFileSync(resolve(EXAMPLES, 'readygate.yml'), 'utf8'), 'examples/readygate.yml');
  const added = addedLinesFromDiff(readFileSync(resolve(EXAMPLES, 'change.diff'), 'utf8'));
  return runCheck({ root: EXAMPLES, config, version: '0.0.0-test', today: '2026-11-21', added });
}

export function reportFrom(signals: Partial<SignalDataMap>, policy: ConfigInput, notices: string[] = []): ReportV1 {
  const config = validateConfig(policy, 'test');
  const configured = new Set(Object.keys(signals) as Signal[]);
  const evaluation = evaluate({ config, signals, configured, errors: [], patch: { diffGiven: false } });
  return buildReport({
    version: '0.0.0-test',
    evaluation,
    mode: config.mode,
    signals,
    errors: [],
    notices,
    reports: [],
  });
}
