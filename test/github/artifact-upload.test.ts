import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { artifactRuntime, uploadArtifact, type ArtifactRuntime } from '../../src/github/artifact-upload.js';
import {
  BLOB,
  BLOB_PATH,
  JOB_ID,
  RESULTS,
  RUN_ID,
  TOKEN,
  TWIRP,
  artifactEnv,
  checkUpload,
  runtimeToken,
  uploadScopes,
  type UploadSeen,
} from './artifact-helpers.js';

const runtime = (): ArtifactRuntime => {
  const found = artifactRuntime(artifactEnv());
  if ('unavailable' in found) throw new Error(found.unavailable);
  return found.runtime;
};
const files = { 'readygate-report.json': new TextEncoder().encode('{"schema":"readygate/report@1"}\n') };
const fast = { fetch: globalThis.fetch, retryDelayMs: 0 };

describe('artifactRuntime', () => {
  it('reads the results origin and the backend ids from the token claims', () => {
    expect(artifactRuntime(artifactEnv())).toEqual({
      runtime: { resultsOrigin: RESULTS, token: TOKEN, runBackendId: RUN_ID, jobBackendId: JOB_ID },
    });
  });

  it.each([
    ['no runtime token (not in Actions)', {}, /ACTIONS_RUNTIME_TOKEN is not set/],
    ['no results URL (an old runner)', { ACTIONS_RUNTIME_TOKEN: TOKEN }, /ACTIONS_RESULTS_URL is not set/],
    [
      'GitHub Enterprise Server',
      { ...artifactEnv(), GITHUB_SERVER_URL: 'https://ghe.example.com' },
      /not available on GitHub Enterprise Server/,
    ],
    [
      'a token without the results scope',
      artifactEnv(runtimeToken('Actions.GenericRead:x')),
      /carries no Actions.Results scope/,
    ],
    ['a token that is not a JWT', artifactEnv('opaque-secret-value'), /carries no Actions.Results scope/],
  ])('says why there is no uploader: %s', (_, env, reason) => {
    const found = artifactRuntime(env);
    expect('unavailable' in found && found.unavailable).toMatch(reason);
    expect(JSON.stringify(found)).not.toContain('opaque-secret-value');
  });

  it('accepts GHE.com data residency hosts', () => {
    expect('runtime' in artifactRuntime({ ...artifactEnv(), GITHUB_SERVER_URL: 'https://acme.ghe.com' })).toBe(true);
  });
});

describe('uploadArtifact', () => {
  it('creates the artifact, PUTs the zip to the signed URL, finalizes with its size and sha256', async () => {
    const seen: UploadSeen = {};
    const { results, blob } = uploadScopes(seen);
    const uploaded = await uploadArtifact(runtime(), 'readygate-report', files, fast);
    expect(results.isDone() && blob.isDone()).toBe(true);
    expect(checkUpload(seen)).toEqual({ 'readygate-report.json': '{"schema":"readygate/report@1"}\n' });
    expect(uploaded).toEqual({ id: '4242', size: seen.zip!.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('retries a 503 from the results service', async () => {
    const seen: UploadSeen = {};
    const flaky = nock(RESULTS).post(`${TWIRP}/CreateArtifact`).reply(503, { code: 'unavailable', msg: 'try again' });
    const { results, blob } = uploadScopes(seen);
    await uploadArtifact(runtime(), 'readygate-report', files, fast);
    expect(flaky.isDone() && results.isDone() && blob.isDone()).toBe(true);
  });

  it('does not retry a refusal, and names it without the token', async () => {
    const scope = nock(RESULTS)
      .post(`${TWIRP}/CreateArtifact`)
      .once()
      .reply(409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' });
    const error: unknown = await uploadArtifact(runtime(), 'readygate-report', files, fast).catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(String(error)).toMatch(/CreateArtifact failed: HTTP 409: an artifact with this name already exists/);
    expect(String(error)).not.toContain(TOKEN);
  });

  it("never puts the signed URL's query in a message", async () => {
    nock(RESULTS)
      .post(`${TWIRP}/CreateArtifact`)
      .reply(200, { ok: true, signed_upload_url: `${BLOB}${BLOB_PATH}?sig=TopSecretSignature` });
    const blob = nock(BLOB).put(BLOB_PATH).query(true).times(3).reply(500, '<Error><Code>InternalError</Code></Error>');
    const error: unknown = await uploadArtifact(runtime(), 'readygate-report', files, fast).catch((e: unknown) => e);
    expect(blob.isDone()).toBe(true);
    expect(String(error)).toContain(
      `uploading readygate-report to ${BLOB}${BLOB_PATH} failed after 3 attempts: HTTP 500`,
    );
    expect(String(error)).not.toContain('TopSecretSignature');
  });

  it('refuses an answer without an upload URL, and a finalize that is not ok', async () => {
    nock(RESULTS).post(`${TWIRP}/CreateArtifact`).reply(200, { ok: false });
    await expect(uploadArtifact(runtime(), 'readygate-report', files, fast)).rejects.toThrow(
      'CreateArtifact for readygate-report was refused or answered without an upload URL',
    );
    nock(RESULTS)
      .post(`${TWIRP}/CreateArtifact`)
      .reply(200, { ok: true, signed_upload_url: `${BLOB}${BLOB_PATH}?sig=x` })
      .post(`${TWIRP}/FinalizeArtifact`)
      .reply(200, { ok: false });
    nock(BLOB).put(BLOB_PATH).query(true).reply(201);
    await expect(uploadArtifact(runtime(), 'readygate-report', files, fast)).rejects.toThrow(
      'FinalizeArtifact for readygate-report was refused',
    );
  });
});
