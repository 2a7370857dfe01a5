/**
 * Uploads a workflow artifact with the Actions artifact protocol (v4), by hand: three requests.
 *  1. Twirp `CreateArtifact` on the results service (`ACTIONS_RESULTS_URL`), authorised by the
 *     job's `ACTIONS_RUNTIME_TOKEN`, naming the run and job by the backend ids in the token's
 *     `scp` claim (`Actions.Results:<run id>:<job id>`); it answers with a signed blob URL.
 *  2. One `PUT` of the zip to that URL (`x-ms-blob-type: BlockBlob`).
 *  3. Twirp `FinalizeArtifact` with the zip's size and `sha256:` digest.
 *
 * Why not `@actions/artifact`: measured on this project, bundling it grew dist/index.js from
 * 3.56 MB to 7.32 MB (+3.77 MB; +2.6 MB even if every shared package were deduplicated), added
 * 257 packages (the Azure storage SDK, archiver, a second undici) with a dependency that wants
 * Node >= 22, and installing it needs an `overrides` pin below what its tree asks for. readygate
 * uploads one small JSON file, zipped with fflate (already a dependency). Block-list staging is not
 * needed: a single Put Blob takes far more than the 64 MiB cap below (which publish mode enforces
 * on download anyway).
 *
 * Secrets: the runtime token is sent only as the bearer header of the Twirp calls, and the signed
 * URL only as the PUT's target; neither appears in any message (URLs are shown without query).
 */
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { z } from 'zod';
import { ReadygateError, describeError } from '../core/errors.js';

const SERVICE = 'github.actions.results.api.v1.ArtifactService';
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export interface ArtifactRuntime {
  /** Origin of ACTIONS_RESULTS_URL. */
  resultsOrigin: string;
  token: string;
  runBackendId: string;
  jobBackendId: string;
}

export type RuntimeLookup = { runtime: ArtifactRuntime } | { unavailable: string };

export class ArtifactUploadError extends ReadygateError {
  override name = 'ArtifactUploadError';
}

/** The upload credentials the runner gives JavaScript actions, or why there are none. */
export function artifactRuntime(env: Readonly<Record<string, string | undefined>>): RuntimeLookup {
  const token = env.ACTIONS_RUNTIME_TOKEN;
  const resultsUrl = env.ACTIONS_RESULTS_URL;
  if (!token) return { unavailable: 'ACTIONS_RUNTIME_TOKEN is not set (not running as a GitHub Actions step)' };
  const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase();
  if (host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')) {
    return { unavailable: 'artifact upload v4 is not available on GitHub Enterprise Server' };
  }
  if (!resultsUrl) return { unavailable: 'ACTIONS_RESULTS_URL is not set (a runner too old for artifacts v4)' };
  let resultsOrigin: string;
  try {
    resultsOrigin = new URL(resultsUrl).origin;
  } catch {
    return { unavailable: 'ACTIONS_RESULTS_URL is not a URL' };
  }
  const ids = backendIds(token);
  if (!ids)
    return {
      unavailable: 'ACTIONS_RUNTIME_TOKEN carries no Actions.Results scope (a runner too old for artifacts v4)',
    };
  return { runtime: { resultsOrigin, token, ...ids } };
}

/** Reads the run and job backend ids from the token's `scp` claim; the signature is the server's business. */
function backendIds(token: string): { runBackendId: string; jobBackendId: string } | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined; // not a JWT: reported as "no scope", never echoed
  }
  const scp = (claims as { scp?: unknown } | null)?.scp;
  if (typeof scp !== 'string') return undefined;
  for (const scope of scp.split(' ')) {
    const [name, run, job, ...rest] = scope.split(':');
    if (name === 'Actions.Results' && run && job && rest.length === 0) return { runBackendId: run, jobBackendId: job };
  }
  return undefined;
}

export interface UploadOptions {
  fetch?: typeof globalThis.fetch;
  /** Wait before a retry, ms, doubled each time (default 1000; tests use 0). */
  retryDelayMs?: number;
  attempts?: number;
  timeoutMs?: number;
}

export interface UploadedArtifact {
  id: string;
  size: number;
  sha256: string;
}

const CreateResponse = z.object({ ok: z.literal(true), signed_upload_url: z.url({ protocol: /^https?$/ }) });
const FinalizeResponse = z.object({
  ok: z.literal(true),
  artifact_id: z.union([z.string(), z.number()]).transform(String),
});

/** Zips `files` (name → bytes) and uploads them as artifact `name`. */
export async function uploadArtifact(
  runtime: ArtifactRuntime,
  name: string,
  files: Record<string, Uint8Array>,
  options: UploadOptions = {},
): Promise<UploadedArtifact> {
  const zip = zipSync(files, { level: 9, mtime: new Date('2000-01-01T00:00:00Z') });
  if (zip.length > MAX_UPLOAD_BYTES)
    throw new ArtifactUploadError(
      `artifact ${name} is ${zip.length} bytes zipped, over the ${MAX_UPLOAD_BYTES}-byte limit`,
    );
  const sha256 = createHash('sha256').update(zip).digest('hex');
  const ids = {
    workflow_run_backend_id: runtime.runBackendId,
    workflow_job_run_backend_id: runtime.jobBackendId,
    name,
  };
  const http = new Http(options);

  const created = CreateResponse.safeParse(await http.twirp(runtime, 'CreateArtifact', { ...ids, version: 4 }));
  if (!created.success)
    throw new ArtifactUploadError(`CreateArtifact for ${name} was refused or answered without an upload URL`);
  const url = created.data.signed_upload_url;
  await http.send(`uploading ${name} to ${withoutQuery(url)}`, url, {
    method: 'PUT',
    headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'application/zip' },
    body: zip,
  });
  const finalized = FinalizeResponse.safeParse(
    await http.twirp(runtime, 'FinalizeArtifact', { ...ids, size: String(zip.length), hash: `sha256:${sha256}` }),
  );
  if (!finalized.success) throw new ArtifactUploadError(`FinalizeArtifact for ${name} was refused`);
  return { id: finalized.data.artifact_id, size: zip.length, sha256 };
}

/** Text about a request with the URL's query (a signature) cut out. */
function scrub(text: string, url: string): string {
  const { search } = new URL(url);
  return search ? text.split(url).join(withoutQuery(url)).split(search).join('') : text;
}

function withoutQuery(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** fetch with a timeout and retries of 429, 5xx and network errors; messages never carry secrets. */
class Http {
  constructor(private readonly options: UploadOptions) {}

  async twirp(runtime: ArtifactRuntime, method: string, body: object): Promise<unknown> {
    const url = `${runtime.resultsOrigin}/twirp/${SERVICE}/${method}`;
    const response = await this.send(method, url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${runtime.token}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
    });
    try {
      return JSON.parse(response);
    } catch {
      throw new ArtifactUploadError(`${method} answered with something other than JSON`);
    }
  }

  async send(doing: string, url: string, init: RequestInit): Promise<string> {
    const fetch = this.options.fetch ?? globalThis.fetch;
    const attempts = this.options.attempts ?? 3;
    let delay = this.options.retryDelayMs ?? 1000;
    for (let attempt = 1; ; attempt++) {
      let failure: string;
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000) });
        const text = await response.text();
        if (response.ok) return text;
        failure = `HTTP ${response.status}${twirpMessage(text)}`;
        if (response.status !== 429 && response.status < 500)
          throw new ArtifactUploadError(`${doing} failed: ${failure}`);
      } catch (error) {
        if (error instanceof ArtifactUploadError) throw error;
        failure = scrub(describeError(error), url);
      }
      if (attempt >= attempts) throw new ArtifactUploadError(`${doing} failed after ${attempts} attempts: ${failure}`);
      await new Promise((done) => setTimeout(done, delay));
      delay *= 2;
    }
  }
}

/** The `msg` of a Twirp error body, shortened; Azure's XML errors are left out. */
function twirpMessage(text: string): string {
  try {
    const msg = (JSON.parse(text) as { msg?: unknown }).msg;
    return typeof msg === 'string' ? `: ${msg.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
