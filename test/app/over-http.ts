/**
 * What the tests that run the App over HTTP share: the fake GitHub holding acme/widgets's pull
 * request 5 (its policy, changed files and report artifact), and a webhook posted the way GitHub
 * posts one, signed with a secret.
 */
import { sign } from '@octokit/webhooks-methods';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { APP, BASE_SHA, FILES, INSTALLATION, SHA, STRICT, reportZip, withPatch } from './harness.js';

export function startWidgetsGitHub(): Promise<FakeGitHub> {
  return startFakeGitHub({
    app: APP,
    installation: INSTALLATION,
    repo: 'acme/widgets',
    headSha: SHA,
    baseSha: BASE_SHA,
    policy: STRICT,
    zip: reportZip(withPatch()),
    files: FILES,
  });
}

/** POSTs `payload` to the App at `baseUrl` as delivery `id` of event `name`, signed with `secret`. */
export async function postWebhook(
  baseUrl: string,
  secret: string,
  delivery: { id: string; name: string; payload: unknown },
): Promise<Response> {
  const body = JSON.stringify(delivery.payload);
  return fetch(`${baseUrl}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': delivery.name,
      'x-github-delivery': delivery.id,
      'x-hub-signature-256': await sign(secret, body),
    },
    body,
  });
}
