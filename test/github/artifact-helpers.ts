/** The runner's artifact credentials, faked, and a nock scope for the three upload requests. */
import nock from 'nock';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { expect } from 'vitest';

export const RESULTS = 'https://results-receiver.actions.githubusercontent.com';
export const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService';
export const RUN_ID = 'ce7f54c7-61c7-4aae-887f-30da475f5f1a';
export const JOB_ID = 'ca395085-040a-526b-2ce8-bdc85f692774';
export const BLOB = 'https://productionresults.blob.core.windows.net';
export const BLOB_PATH = '/actions-results/run/readygate-report.zip';
export const SIG = 'sv=2023-11-03&se=2026-11-21T13%3A00%3A00Z&sr=b&sp=cw&sig=TopSecretSignature%3D';

/** A JWT-shaped runtime token with the given `scp` claim (the signature is not checked client-side). */
export function runtimeToken(scp = `Actions.ExampleScope Actions.Results:${RUN_ID}:${JOB_ID}`): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ scp, exp: 2_000_000_000 })}.c2lnbmF0dXJl`;
}

export const TOKEN = runtimeToken();
export const artifactEnv = (token = TOKEN): Record<string, string> => ({
  ACTIONS_RUNTIME_TOKEN: token,
  ACTIONS_RESULTS_URL: `${RESULTS}/`,
});

export interface UploadSeen {
  create?: unknown;
  zip?: Buffer;
  finalize?: { size: string; hash: string };
}

/** Nocks CreateArtifact, the blob PUT and FinalizeArtifact, checking auth headers and recording bodies. */
export function uploadScopes(seen: UploadSeen, name = 'readygate-report') {
  const ids = { workflow_run_backend_id: RUN_ID, workflow_job_run_backend_id: JOB_ID, name };
  const results = nock(RESULTS)
    .post(`${TWIRP}/CreateArtifact`, (b: unknown) => ((seen.create = b), true))
    .matchHeader('authorization', `Bearer ${TOKEN}`)
    .matchHeader('content-type', 'application/json')
    .reply(200, { ok: true, signed_upload_url: `${BLOB}${BLOB_PATH}?${SIG}` })
    .post(
      `${TWIRP}/FinalizeArtifact`,
      (b: UploadSeen['finalize'] & object) => ((seen.finalize = b), JSON.stringify(b).includes(RUN_ID)),
    )
    .matchHeader('authorization', `Bearer ${TOKEN}`)
    .reply(200, { ok: true, artifact_id: '4242' });
  const blob = nock(BLOB)
    .put(BLOB_PATH, (hex: string) => ((seen.zip = Buffer.from(hex, 'hex')), true))
    .query((q) => q.sig === 'TopSecretSignature=')
    .matchHeader('x-ms-blob-type', 'BlockBlob')
    .matchHeader('authorization', (v) => v === undefined)
    .reply(201, '');
  return { results, blob, ids };
}

/** Asserts what a correct upload sent: the ids, then a size and hash that match the bytes PUT; returns the zip's entries. */
export function checkUpload(seen: UploadSeen, name = 'readygate-report'): Record<string, string> {
  const ids = { workflow_run_backend_id: RUN_ID, workflow_job_run_backend_id: JOB_ID, name };
  expect(seen.create).toEqual({ ...ids, version: 4 });
  expect(seen.zip).toBeDefined();
  const zip = seen.zip!;
  expect(seen.finalize).toEqual({
    ...ids,
    size: String(zip.length),
    hash: `sha256:${createHash('sha256').update(zip).digest('hex')}`,
  });
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(zip))).map(([k, v]) => [k, new TextDecoder().decode(v)]),
  );
}
