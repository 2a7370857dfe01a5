/** Runs the Action's runner in-process: a fake runner I/O that records everything, a temp event file, nock for the API. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/action/runner.js';
import type { ActionIO, CommandAnnotation } from '../../src/action/io.js';
import { inputEnvName } from '../../src/action/inputs.js';

export const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
export const EXAMPLE_POLICY = readFileSync(join(EXAMPLES, 'readygate.yml'), 'utf8');

export interface Recorded {
  info: string[];
  warnings: string[];
  annotations: CommandAnnotation[];
  outputs: Record<string, string>;
  summary: string[];
  failed: string[];
}

export function fakeIO(): { io: ActionIO; rec: Recorded } {
  const rec: Recorded = { info: [], warnings: [], annotations: [], outputs: {}, summary: [], failed: [] };
  const io: ActionIO = {
    info: (t) => rec.info.push(t),
    warning: (t) => rec.warnings.push(t),
    annotate: (a) => rec.annotations.push(a),
    setOutput: (n, v) => (rec.outputs[n] = v),
    appendSummary: async (m) => {
      rec.summary.push(m);
    },
    setFailed: (m) => rec.failed.push(m),
  };
  return { io, rec };
}

export interface RunOptions {
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  workspace?: string;
  env?: Record<string, string>;
}

export async function runWith(options: RunOptions): Promise<{ code: 0 | 1; rec: Recorded }> {
  const dir = mkdtempSync(join(tmpdir(), 'readygate-action-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  const env: Record<string, string> = {
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_RUN_ID: '1001',
    GITHUB_WORKSPACE: options.workspace ?? EXAMPLES,
    RUNNER_TEMP: dir,
    [inputEnvName('token')]: 'test-token',
    ...options.env,
  };
  for (const [k, v] of Object.entries(options.inputs ?? {})) env[inputEnvName(k)] = v;
  const { io, rec } = fakeIO();
  const code = await runAction({
    env,
    io,
    cwd: dir,
    now: () => new Date('2026-11-21T12:00:00Z'),
    fetch: globalThis.fetch,
    tuning: { retryAfterBaseValue: 1, fallbackSecondaryRateRetryAfter: 1, writeMinTimeMs: 0, notificationMinTimeMs: 0 },
    uploadRetryDelayMs: 0,
  });
  return { code, rec };
}

export const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Every line the run wrote (log, warnings, failures, outputs, summary), for "never leaks" checks. */
export function everythingLogged(rec: Recorded): string {
  return [
    ...rec.info,
    ...rec.warnings,
    ...rec.failed,
    ...rec.summary,
    ...Object.values(rec.outputs),
    ...rec.annotations.map((a) => a.message),
  ].join('\n');
}
