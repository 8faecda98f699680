import { afterEach, describe, expect, it } from 'vitest';
import { fetchJob } from '../../src/api/job-info.js';
import { createHttpClient } from '../../src/http/client.js';
import { ApiError, AuthError, MalformedResponseError, NotFoundError } from '../../src/errors.js';
import { exitCodeFor } from '../../src/exit-codes.js';
import { json, startServer, type Handler, type TestServer } from '../support/http-test-server.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const JOB = {
  id: 'job-1',
  name: ' CreateMysqlReplicaInstance',
  status: 'Running',
  process: '60% ',
  unknown_field: [1],
};

let server: TestServer | undefined;
let close: (() => void) | undefined;
afterEach(async () => {
  close?.();
  await server?.close();
});

async function fetchWith(handler: Handler, jobId = 'job-1') {
  server = await startServer(handler);
  const http = createHttpClient(
    { auth: { kind: 'token', token: 't' } },
    { now: Date.now, sleep: async () => undefined },
  );
  close = () => http.close();
  return fetchJob(http, server.url, PROJECT, jobId);
}

describe('fetchJob', () => {
  it('GETs /v3/{project}/jobs?id= with X-Project-Id and returns the job exactly as received', async () => {
    const job = await fetchWith((_req, res) => json(res, 200, { job: JOB }));
    expect(job).toEqual(JOB);
    expect(server!.requests[0]!.rawUrl).toBe(`/v3/${PROJECT}/jobs?id=job-1`);
    expect(server!.requests[0]!.headers['x-project-id']).toBe(PROJECT);
  });

  it('404 → NotFoundError naming the job and the request id', async () => {
    const error = await fetchWith((_req, res) =>
      json(res, 404, { error_code: 'DBS.201204', error_msg: 'The job does not exist.' }, { 'x-request-id': '5b7e' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ itemId: 'job-1', status: 404, requestId: '5b7e', code: 'DBS.201204' });
    expect((error as Error).message).toBe('job job-1 not found (HTTP 404, request id 5b7e)');
    expect((error as NotFoundError).hint).toMatch(/few seconds/);
  });

  it('a gateway "API not found" 404 names the endpoint, never the job: exit 5', async () => {
    const error = await fetchWith((_req, res) =>
      json(res, 404, { error_code: 'APIGW.0101', error_msg: 'API not found' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(exitCodeFor(error)).toBe(5);
    expect((error as Error).message).toMatch(
      /^the API gateway at http:\/\/127\.0\.0\.1:\d+ knows no such RDS API \(HTTP 404, APIGW\.0101: API not found\)$/,
    );
    expect((error as ApiError).hint).toMatch(/check --endpoint/);
  });

  it.each([
    ['no job key', { jobs: [] }],
    ['job is null', { job: null }],
    ['job is a string', { job: 'x' }],
    ['job is an array', { job: [JOB] }],
    ['body is an array', [JOB]],
  ])('200 without a job object → MalformedResponseError: %s', async (_name, body) => {
    const error = await fetchWith((_req, res) => json(res, 200, body, { 'x-request-id': 'r1' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toBe('response has no job object (request id r1)');
  });

  it.each([
    [401, AuthError],
    [500, ApiError],
  ])('other failures pass through: %i', async (status, type) => {
    await expect(fetchWith((_req, res) => json(res, status, {}))).rejects.toBeInstanceOf(type);
  });
});
