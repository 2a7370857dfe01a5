/**
 * The account the sync writes as, asked once per run, so that only markers on issues it opened are
 * believed (see core/roadmap/trust.ts). The GraphQL `viewer` names user tokens and GitHub App
 * installation tokens alike (`<app-slug>[bot]`, the Actions GITHUB_TOKEN among them) in one
 * request, where `GET /user` refuses installation tokens (403) and `GET /app` needs the app's
 * private key; `GET /user` is asked only when GraphQL is refused (a GHES without it, say). If
 * neither answers, bot accounts are trusted and the plan says so.
 */
import type { Octokit } from '@octokit/rest';
import { describeError } from '../../core/errors.js';
import type { MarkerTrust } from '../../core/roadmap/trust.js';
import { asHttpError } from './http-error.js';

export async function markerTrust(octokit: Octokit, trusted: readonly string[] = []): Promise<{ trust: MarkerTrust; warning?: string }> {
  const refused: string[] = [];
  // One request for every kind of token in the usual case: the viewer names users and app bots alike.
  try {
    const data = await octokit.graphql<{ viewer?: { login?: string } }>('query { viewer { login } }');
    if (data.viewer?.login) return { trust: { logins: [data.viewer.login, ...trusted], anyBot: false } };
    refused.push('GraphQL viewer: no login');
  } catch (error) {
    const status = asHttpError(error)?.status;
    const graphqlError = error instanceof Error && error.name === 'GraphqlResponseError';
    if (!graphqlError && status !== 403 && status !== 404) throw error; // 401: the token is bad, and reading will say so
    refused.push(`GraphQL viewer: ${graphqlError ? graphqlMessages(error) : status}`);
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { trust: { logins: [data.login, ...trusted], anyBot: false } };
  } catch (error) {
    const status = asHttpError(error)?.status;
    if (status !== 403 && status !== 404) throw error;
    refused.push(`GET /user: ${status}`);
  }
  return {
    trust: { logins: [...trusted], anyBot: true },
    warning: `GitHub would not say which account this token is (${refused.join('; ')}): roadmap markers are trusted on issues opened by app (bot) accounts${trusted.length ? ` and by ${trusted.map((l) => `@${l}`).join(', ')}` : ''}; name the sync's account in roadmap.trusted_authors to be precise`,
  };
}

/** GraphqlResponseError's own message spans lines; its `errors` say it in one. */
function graphqlMessages(error: Error): string {
  const errors = (error as { errors?: { message?: string }[] }).errors;
  return errors?.map((e) => e.message).filter(Boolean).join('; ') || describeError(error);
}
