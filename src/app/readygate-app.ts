/**
 * The App's event wiring, and nothing else: each event goes to its handler in handlers/.
 * Loaded into the worker's Probot instance; the web side only verifies and enqueues (web.ts).
 */
import type { ApplicationFunction } from 'probot';
import type { HandlerDeps } from './handlers/deps.js';
import { onIssueStateChange } from './handlers/issues.js';
import { onPullRequest } from './handlers/pull-request.js';
import { onPush } from './handlers/push.js';
import { onCheckRunAgain, onCheckSuiteAgain } from './handlers/rerequest.js';
import { onWorkflowRunCompleted } from './handlers/workflow-run.js';

export function readygateApp(deps: HandlerDeps): ApplicationFunction {
  return (app) => {
    app.on(
      ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'],
      (context) => onPullRequest(context, deps),
    );
    app.on('workflow_run.completed', (context) => onWorkflowRunCompleted(context, deps));
    app.on(['check_run.rerequested', 'check_run.requested_action'], (context) => onCheckRunAgain(context, deps));
    app.on('check_suite.rerequested', (context) => onCheckSuiteAgain(context, deps));
    app.on('push', (context) => onPush(context, deps));
    app.on(['issues.closed', 'issues.reopened'], (context) => onIssueStateChange(context));
  };
}
