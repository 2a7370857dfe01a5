/**
 * issues closed or reopened on an issue the roadmap sync manages: recorded as drift (the roadmap
 * file says one thing, GitHub now another), as `readygate roadmap plan` would show it. Nothing is
 * changed here; the next sync decides.
 */
import type { Context } from 'probot';
import { readMarker } from '../../core/roadmap/marker.js';

export async function onIssueStateChange(context: Context<'issues'>): Promise<void> {
  const { issue, repository } = context.payload;
  const marker = readMarker(issue.body);
  if (!marker) return;
  const now = issue.state === 'closed' ? 'closed' : 'open';
  const synced = marker.state ?? (marker.status === 'done' ? 'closed' : 'open');
  if (now === synced) return;
  context.log.warn(
    `roadmap drift: ${repository.full_name}#${issue.number} (${marker.key} in ${marker.source}) was ${context.payload.action} on GitHub while the roadmap says ${marker.status}; the next roadmap sync shows it`,
  );
}
