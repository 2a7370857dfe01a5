// Class (#12, false passes): "a crashed analyser reads as clean". A SARIF run that says it failed
// (`invocations[].executionSuccessful: false`) or carries `toolExecutionNotifications` /
// `toolConfigurationNotifications` at level `error` is a failed report with the tool's own message,
// for lint and for audit. (Error notifications that name a file are lint findings on that file.)
import { describe, expect, it } from 'vitest';
import { sarifAudit } from '../../src/core/reports/audit/sarif.js';
import { sarifLint } from '../../src/core/reports/lint/sarif.js';
import { checkFiles, gate } from '../helpers/gate.js';
import { parseWith, textSource } from '../helpers/parse.js';

const sarif = (invocation: object, results: object[] = []) =>
  JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'CodeQL' } }, results, invocations: [invocation] }],
  });

const CRASHED = sarif({ executionSuccessful: false, exitCode: 2, exitCodeDescription: 'out of memory' });
const EXEC_ERROR = sarif({
  executionSuccessful: true,
  toolExecutionNotifications: [
    { level: 'error', message: { text: 'Extractor crashed: java.lang.StackOverflowError' } },
  ],
});
const CONFIG_ERROR = sarif({
  toolConfigurationNotifications: [
    {
      level: 'error',
      message: { text: 'Unknown query suite "security-extended2"' },
      descriptor: { id: 'cfg/unknown-suite' },
    },
  ],
});

describe('a SARIF run that says it failed is a failed report', () => {
  it.each([
    [
      'executionSuccessful: false',
      CRASHED,
      'CodeQL says its run failed (executionSuccessful: false, exit code 2, out of memory)',
    ],
    ['an error toolExecutionNotification', EXEC_ERROR, 'CodeQL error: Extractor crashed: java.lang.StackOverflowError'],
    [
      'an error toolConfigurationNotification',
      CONFIG_ERROR,
      'CodeQL error: Unknown query suite "security-extended2" [cfg/unknown-suite]',
    ],
  ])('%s: lint and audit refuse it with the tool message', async (_, text, message) => {
    for (const parser of [sarifLint, sarifAudit]) {
      const error = await parseWith(parser as typeof sarifLint, textSource(text, 'codeql.sarif')).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toContain('codeql.sarif: CodeQL did not finish its analysis, so this report cannot pass');
      expect(error?.message).toContain(message);
    }
  });

  it('fails the gate that a clean-looking log with zero results would pass', async () => {
    const policy = {
      reports: { lint: ['codeql.sarif'], audit: ['audit.sarif'] },
      levels: { ci: { lint: { errors: 0 }, audit: { high: 0 } } },
      require: 'ci',
    };
    const report = await checkFiles({ 'codeql.sarif': CRASHED, 'audit.sarif': CONFIG_ERROR }, policy);
    expect(report.verdict).toBe('fail');
    expect(report.errors.map((e) => `${e.signal} ${e.path}`).sort()).toEqual([
      'audit audit.sarif',
      'lint codeql.sarif',
    ]);
    expect(gate(report, 'lint.errors')).not.toBe('pass');
  });

  it('a warning notification, or a failed run explained by a located error (ESLint parse error), is not a refusal', async () => {
    const warned = sarif({ toolExecutionNotifications: [{ level: 'warning', message: { text: 'slow file' } }] });
    expect((await parseWith(sarifLint, textSource(warned))).findings).toEqual([]);
    const located = sarif({
      executionSuccessful: false,
      toolConfigurationNotifications: [
        {
          level: 'error',
          message: { text: 'Parsing error: Unexpected token {' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'src/broken.js' }, region: { startLine: 1 } } }],
        },
      ],
    });
    const data = await parseWith(sarifLint, textSource(located));
    expect(data.findings).toMatchObject([
      { path: 'src/broken.js', line: 1, severity: 'error', message: 'Parsing error: Unexpected token {' },
    ]);
    // Audit has no place to show a file the tool failed on: refused.
    await expect(parseWith(sarifAudit, textSource(located))).rejects.toThrow('CodeQL did not finish its analysis');
  });
});
