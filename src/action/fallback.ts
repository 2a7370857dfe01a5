/**
 * What a read-only token still allows (fork pull requests, restricted `permissions:`): the job
 * summary (written by deliver), workflow-command annotations within the runner's caps of 10 per
 * level per step, the report file for an artifact, and exact instructions for publishing it from
 * a trusted `workflow_run` workflow.
 */
import type { Annotation } from '../core/render/annotations.js';
import type { ActionIO, AnnotationLevel } from './io.js';

/** Per step the runner shows at most 10 annotations of each level. */
export const COMMAND_ANNOTATION_CAP = 10;
const LEVEL: Record<Annotation['annotation_level'], AnnotationLevel> = {
  failure: 'failure',
  warning: 'warning',
  notice: 'notice',
};

export function emitCommandAnnotations(io: ActionIO, annotations: readonly Annotation[]): number {
  const used: Record<AnnotationLevel, number> = { failure: 0, warning: 0, notice: 0 };
  let emitted = 0;
  for (const a of annotations) {
    const level = LEVEL[a.annotation_level];
    if (used[level] >= COMMAND_ANNOTATION_CAP) continue;
    used[level]++;
    emitted++;
    io.annotate({
      level,
      message: a.message,
      title: a.title,
      file: a.path,
      startLine: a.start_line,
      endLine: a.end_line,
      ...(a.start_column !== undefined && { startColumn: a.start_column, endColumn: a.end_column }),
    });
  }
  return emitted;
}

/** `actionRef`: `owner/repo@ref` as this workflow named the Action; a local `uses: ./` has none. */
export function publishInstructions(reportPath: string, uploaded: boolean, actionRef?: string): string {
  const upload = uploaded
    ? 'The report was uploaded as the artifact "readygate-report".'
    : `Upload the report in this workflow so it can be published (on GitHub Enterprise Server without artifacts v4, use actions/upload-artifact@v3):\n  - uses: actions/upload-artifact@v4\n    if: always()\n    with:\n      name: readygate-report\n      path: ${reportPath}`;
  return [
    'readygate: this token cannot create check runs or comments (a pull request from a fork, or `permissions:` without `checks: write` and `pull-requests: write`).',
    'The verdict is in the job summary and the annotations above are capped at 10 per level.',
    upload,
    'To publish the check run and comment, add a second workflow that runs on `workflow_run` (completed) of this one with:',
    `  - uses: ${actionRef ?? './   # the Action from a checkout of the default branch (actions/checkout first)'}\n    with:\n      mode: publish`,
    'and `permissions: { checks: write, pull-requests: write, actions: read, contents: read }`. See docs/action.md ("Fork pull requests").',
  ].join('\n');
}
