/**
 * The account a token acts as, by its login. The GraphQL `viewer` names user tokens and GitHub App
 * installation tokens alike (`<app-slug>[bot]`, the Actions GITHUB_TOKEN's `github-actions[bot]`
 * among them) in one request, where `GET /user` refuses installation tokens (403) and `GET /app`
 * needs the app's private key; `GET /user` is asked only when GraphQL is refused (a GHES without
 * it, say). Used by the sticky comment (its own comment, not one with a pasted marker) and the
 * roadmap sync (markers only on issues it opened).
 */
import type { Octokit } from '@octokit/rest';
import { describeError } from '../core/errors.js';
import { httpStatus } from './errors.js';

/** The two calls this needs, as both readygate's Octokit and @octokit/rest's have them. */
export interface ViewerClient {
  graphql: Octokit['graphql'];
  rest: { users: Pick<Octokit['rest']['users'], 'getAuthenticated'> };
}

/** The login, or why GitHub named none (each refusal, for a message). */
export type Viewer = { login: string; refused?: undefined } | { login?: undefined; refused: string[] };

/** Bad credentials (401) and other failures are thrown: reading with that token fails too, and says so. */
export async function viewerLogin(octokit: ViewerClient): Promise<Viewer> {
  const refused: string[] = [];
  try {
    const data = await octokit.graphql<{ viewer?: { login?: string } }>('query { viewer { login } }');
    if (data.viewer?.login) return { login: data.viewer.login };
    refused.push('GraphQL viewer: no login');
  } catch (error) {
    const status = httpStatus(error);
    const graphqlError = error instanceof Error && error.name === 'GraphqlResponseError';
    if (!graphqlError && status !== 403 && status !== 404) throw error;
    refused.push(`GraphQL viewer: ${graphqlError ? graphqlMessages(error) : status}`);
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { login: data.login };
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 403 && status !== 404) throw error;
    refused.push(`GET /user: ${status}`);
  }
  return { refused };
}

/** GraphqlResponseError's own message spans lines; its `errors` say it in one. */
function graphqlMessages(error: Error): string {
  const errors = (error as { errors?: { message?: string }[] }).errors;
  return (
    errors
      ?.map((e) => e.message)
      .filter(Boolean)
      .join('; ') || describeError(error)
  );
}
