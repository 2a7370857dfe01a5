/**
 * What the App's check run says before and instead of a verdict: waiting for the CI's report, and
 * the CI finished without one (with the workflow step to add, ready to paste).
 */
import { md } from '../core/render/escape.js';
import type { CheckAction, CheckOutput } from '../github/checks.js';
import { PROTECT_BUTTON } from '../github/protection-text.js';
import type { WorkflowRunRef } from '../github/workflow-runs.js';

/** The button on the App's runs: evaluate the latest report again (a `requested_action`). */
export const RECHECK_ACTION: CheckAction = {
  label: 'Check again',
  description: 'Judge the latest CI report again',
  identifier: 'readygate-recheck',
};

/**
 * The buttons on the App's completed runs: "Check again", and "Require this check" (handled only
 * for a repository admin, and only with the optional `administration: write` permission).
 */
export const APP_RUN_ACTIONS: readonly CheckAction[] = [RECHECK_ACTION, PROTECT_BUTTON];

export function waitingTitle(required: string): string {
  return `Waiting for the CI report (required level: ${required})`;
}

export function waitingSummary(): string {
  return [
    'readygate judges the `readygate-report` artifact that your CI uploads, with the policy on the default branch.',
    'This check completes when a workflow run of this commit finishes.',
  ].join('\n');
}

/** The step to add to the workflow that runs the tests (after them, so their reports exist). */
export const WORKFLOW_STEP = `      - uses: readygate/readygate@v1
        if: always()
        with:
          mode: report # compute and upload the readygate-report artifact; the App publishes it
`;

export function missingReportOutput(runs: readonly WorkflowRunRef[], sha: string): Omit<CheckOutput, 'conclusion'> {
  const list =
    runs.length === 0
      ? `No workflow run was found for commit \`${sha.slice(0, 7)}\`.`
      : `${runs.length} workflow run(s) of commit \`${sha.slice(0, 7)}\` finished without one:\n\n${runs
          .slice(0, 10)
          .map((r) => `- [run ${r.id}](${r.url}) (${md(r.event)})`)
          .join('\n')}`;
  return {
    title: 'No readygate report: add the readygate step to your CI',
    summary: [
      '## readygate found no report to judge',
      '',
      'readygate judges the `readygate-report` artifact a workflow uploads. ' + list,
      '',
      'Add this step to the job that runs your tests and writes the coverage, test, audit and lint reports:',
      '',
      '```yaml',
      WORKFLOW_STEP.trimEnd(),
      '```',
      '',
      'Any CI step that uploads the JSON report (`readygate check --out readygate-report.json`) as an artifact named `readygate-report` works too.',
      'Then press **Check again**, or push a commit.',
    ].join('\n'),
    annotations: [],
    actions: [RECHECK_ACTION],
  };
}
