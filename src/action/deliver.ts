/**
 * The last stage of both modes: put a report where people see it. Completes the check run (summary
 * plus hidden base digest, every annotation up to the `annotations` cap), updates the sticky
 * comment (edited only if this token's account wrote it), commits the badge, writes the job
 * summary, the report file, the report artifact and the outputs. A 403 from a read-only token
 * switches to the fallback instead of failing the step. In `mode: report` only the job summary,
 * the report file, the artifact and the outputs are written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAnnotations } from '../core/render/annotations.js';
import { renderMarkdown } from '../core/render/markdown.js';
import type { ReportV1 } from '../core/report-schema.js';
import { commitBadge, renderBadge } from '../github/badge.js';
import { commentReport, completeWithReport } from '../check/publish-report.js';
import type { CheckRunRef } from '../github/checks.js';
import { isPermissionDenied } from '../github/errors.js';
import { emitCommandAnnotations, publishInstructions } from './fallback.js';
import { writeOutputs } from './outputs.js';
import type { StageEnv } from './stage-env.js';
import { uploadReport } from './upload-report.js';
import { REPORT_ENTRY } from '../github/zip.js';

export interface Delivery {
  report: ReportV1;
  headSha: string;
  pullNumber?: number;
  /** Created in progress earlier; undefined when the token could not create it. */
  checkRun?: CheckRunRef;
  readOnly: boolean;
  /** Commit the badge (pushes to the default branch with `badge-branch`). */
  badge: boolean;
  /** `mode: report`: job summary, report file, artifact and outputs only; nothing is posted. */
  reportOnly?: boolean;
  /** The policy's `patch.annotations`; the `patch-annotations` input overrides it. */
  patchAnnotations?: 'auto' | 'on' | 'off';
}

const JOB_SUMMARY_CHARS = 250_000; // ≤ 1 MiB even at 4 bytes a character

export async function deliver(env: StageEnv, d: Delivery): Promise<void> {
  const { inputs, io, octokit, context } = env;
  const { report } = d;
  const written = writeReport(env.tempDir, report);
  const reportPath = written.path;
  let readOnly = d.readOnly;
  const patchLines = inputs['patch-annotations'] ?? d.patchAnnotations;
  const diffLinks =
    d.pullNumber === undefined
      ? undefined
      : { repoUrl: `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}`, pullNumber: d.pullNumber };

  if (d.checkRun) {
    const sent = await completeWithReport(octokit, context.repo, d.checkRun, report, d.headSha, {
      maxAnnotations: inputs.annotations,
      patchLines,
      diffLinks,
    });
    io.info(`check run completed: ${d.checkRun.url} (${sent} annotation(s))`);
  }

  const wantsComment = inputs.comment === 'always' || (inputs.comment === 'on-failure' && report.verdict !== 'pass');
  if (d.pullNumber !== undefined && wantsComment && !readOnly && !d.reportOnly) {
    try {
      const result = await commentReport(octokit, context.repo, {
        pullNumber: d.pullNumber,
        checkName: inputs['check-name'],
        report,
        diffLinks,
        ...(d.checkRun && { checkRun: d.checkRun }),
      });
      if (!result.author)
        io.warning(
          'cannot tell which account this token acts as: creating a new comment rather than editing one that may not be ours',
        );
      io.info(`comment ${result.action}: ${result.url}`);
      if (result.ignored > 0)
        io.info(
          `left ${result.ignored} comment(s) alone that carry the readygate marker but were not written by ${result.author ?? 'this token'}`,
        );
    } catch (error) {
      if (!isPermissionDenied(error)) throw error;
      readOnly = true;
    }
  }

  if (d.badge && inputs['badge-branch'] && !readOnly && !d.reportOnly) {
    const branch = inputs['badge-branch'];
    const result = await commitBadge(
      octokit,
      context.repo,
      branch,
      renderBadge(report, inputs['check-name']),
      `readygate badge for ${d.headSha.slice(0, 7)}: ${report.level ?? 'not ready'}`,
    );
    io.info(`badge ${result.action} on branch ${branch}`);
  }

  await io.appendSummary(
    renderMarkdown(report, {
      maxChars: JOB_SUMMARY_CHARS,
      diffLinks,
      ...(d.checkRun && { detailsUrl: d.checkRun.url }),
    }),
  );

  const uploaded = await uploadReport(env, written);
  if (d.reportOnly)
    io.info(
      `readygate: mode report posted no check run, comment or badge: the readygate App publishes them from the ${uploaded ? 'uploaded ' : ''}readygate-report artifact`,
    );
  else if (readOnly) {
    emitCommandAnnotations(io, buildAnnotations(report, { patchLines }));
    io.info(publishInstructions(reportPath, uploaded, context.actionRef));
  }

  writeOutputs(io, report, { reportPath, checkRunUrl: readOnly ? undefined : d.checkRun?.url });
}

function writeReport(dir: string, report: ReportV1): { path: string; bytes: Uint8Array } {
  const folder = join(dir, 'readygate');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, REPORT_ENTRY);
  const bytes = new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path, bytes);
  return { path, bytes };
}
