import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/types.js';
import { createInstanceCompleted, PROJECT_ID, quirkyId } from '../../emulator/sample-jobs.js';
import { always } from '../../emulator/scripts.js';
import { parseSdkDate } from '../../emulator/gateway-auth.js';
import { AK, NOW, send, signedCall, TEMP, TOKEN, tokenHeaders, type SignedCall } from './client.js';
import { startTestEmulator } from './fixture.js';

const JOB = createInstanceCompleted.id!;
const MINUTE = 60_000;
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator({
    jobs: { [JOB]: always(createInstanceCompleted), [quirkyId.id!]: always(quirkyId) },
  });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

// biome-ignore lint/suspicious/noExplicitAny: the refusal's body is read field by field
function expectRefused(response: { status: number; headers: Record<string, unknown>; json(): any }, message: RegExp) {
  expect(response.status).toBe(401);
  const body = response.json();
  expect(body.error_code).toBe('APIGW.0301');
  expect(body.error_msg).toMatch(/^Incorrect IAM authentication information: /);
  expect(body.error_msg).toMatch(message);
  expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
  expect(response.headers['x-request-id']).toBe(body.request_id);
}

describe('a correctly signed request', () => {
  it('is accepted and answered with the job, byte for byte', async () => {
    const response = await signedCall(emulator.url, JOB);
    expect(response.status).toBe(200);
    expect(response.body).toBe(JSON.stringify({ job: createInstanceCompleted }));
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gets a different X-Request-Id each time', async () => {
    const ids = new Set<unknown>();
    for (let i = 0; i < 3; i++) ids.add((await signedCall(emulator.url, JOB)).headers['x-request-id']);
    expect(ids.size).toBe(3);
  });

  it.each([
    ['14 minutes behind', -14 * MINUTE],
    ['14 minutes ahead', 14 * MINUTE],
  ])('is accepted with a clock %s', async (_, skew) => {
    expect((await signedCall(emulator.url, JOB, { time: NOW + skew })).status).toBe(200);
  });

  it('may sign only X-Sdk-Date', async () => {
    const response = await signedCall(emulator.url, JOB, { headers: {}, extraHeaders: { 'X-Project-Id': PROJECT_ID } });
    expect(response.status).toBe(200);
  });

  it('may send an unreserved character percent-encoded: the gateway decodes before it re-encodes', async () => {
    const response = await signedCall(emulator.url, JOB, { wireQuery: `%69d=${JOB}` });
    expect(response.status).toBe(200);
  });

  it('finds a job whose id has spaces when they are sent as %20, as signed', async () => {
    const response = await signedCall(emulator.url, quirkyId.id!);
    expect(response.status).toBe(200);
    expect(response.json().job.id).toBe(quirkyId.id);
  });
});

describe('the gateway refuses', () => {
  const cases: Array<[string, SignedCall, RegExp]> = [
    ['a wrong secret key', { credentials: { accessKey: AK, secretKey: 'wrong' } }, /verify aksk signature fail/],
    ['an unknown access key', { credentials: { accessKey: 'NOSUCHAK', secretKey: 'x' } }, /access key does not exist/],
    ['a date 17 minutes behind', { time: NOW - 17 * MINUTE }, /expired/],
    ['a date 17 minutes ahead', { time: NOW + 17 * MINUTE }, /expired/],
    ['a query changed after signing', { wireQuery: 'id=another-job' }, /verify aksk signature fail/],
    [
      'a query sent with + for a space but signed with %20',
      { query: [['id', 'a b']], wireQuery: 'id=a+b' },
      /signature fail/,
    ],
    ['a signed header changed after signing', { extraHeaders: { 'X-Project-Id': 'other' } }, /signature fail/],
    ['a signed header left off the wire', { drop: ['X-Project-Id'] }, /signed header x-project-id is missing/],
    ['no X-Sdk-Date on the wire', { drop: ['X-Sdk-Date'] }, /x-sdk-date header is missing/],
    ['an X-Sdk-Date in another format', { extraHeaders: { 'X-Sdk-Date': '2024-01-02T03:04:05Z' } }, /format/],
    ['a body that is not the one signed', { method: 'GET', body: '', wireBody: 'x' }, /signature fail/],
    ['no Authorization at all', { drop: ['Authorization'] }, /no Authorization header/],
    ['an X-Security-Token with a permanent key', { extraHeaders: { 'X-Security-Token': 'x' } }, /permanent access key/],
  ];
  it.each(cases)('%s', async (_, call, message) => {
    expectRefused(await signedCall(emulator.url, JOB, call), message);
  });

  it('a + for a space even for a job that exists', async () => {
    expectRefused(
      await signedCall(emulator.url, quirkyId.id!, { wireQuery: `id=${quirkyId.id!.replaceAll(' ', '+')}` }),
      /signature fail/,
    );
  });

  it.each([
    [
      'SignedHeaders without x-sdk-date',
      (auth: string) => auth.replace(/SignedHeaders=[^,]+/, 'SignedHeaders=host;x-project-id'),
      /x-sdk-date must be a signed header/,
    ],
    [
      'SignedHeaders out of order',
      (auth: string) => auth.replace(/SignedHeaders=[^,]+/, 'SignedHeaders=x-sdk-date;host;x-project-id'),
      /sorted/,
    ],
    [
      'a missing space after a comma',
      (auth: string) => auth.replace(', Signature', ',Signature'),
      /Authorization header is not/,
    ],
    [
      'another algorithm',
      (auth: string) => auth.replace('SDK-HMAC-SHA256', 'AWS4-HMAC-SHA256'),
      /Authorization header is not/,
    ],
    [
      'an upper-case signature',
      (auth: string) => auth.replace(/Signature=(\w+)/, (_, s: string) => `Signature=${s.toUpperCase()}`),
      /Authorization header is not/,
    ],
  ])('an Authorization header with %s', async (_, edit, message) => {
    const good = await authorizationFor(JOB);
    expectRefused(await signedCall(emulator.url, JOB, { extraHeaders: { Authorization: edit(good) } }), message);
  });

  it('logs refused requests as not accepted', async () => {
    await signedCall(emulator.url, JOB, { credentials: { accessKey: AK, secretKey: 'wrong' } });
    expect(emulator.requests).toMatchObject([{ status: 401, accepted: false, jobId: JOB }]);
  });
});

describe('temporary credentials', () => {
  const temp = { credentials: TEMP };
  const withToken = (token: string): SignedCall => ({
    credentials: TEMP,
    headers: { Host: new URL(emulator.url).host, 'X-Project-Id': PROJECT_ID, 'X-Security-Token': token },
  });

  it('are accepted with the security token sent and signed', async () => {
    expect((await signedCall(emulator.url, JOB, withToken(TEMP.securityToken))).status).toBe(200);
  });

  it.each<[string, () => SignedCall, RegExp]>([
    ['without X-Security-Token', () => temp, /without X-Security-Token/],
    [
      'with the token sent but not signed',
      () => ({ ...temp, extraHeaders: { 'X-Security-Token': TEMP.securityToken } }),
      /must be a signed header/,
    ],
    ['with another token', () => withToken('stolen'), /does not match/],
  ])('are refused %s', async (_, call, message) => {
    expectRefused(await signedCall(emulator.url, JOB, call()), message);
  });
});

describe('IAM token mode', () => {
  it('accepts a known X-Auth-Token without a signature', async () => {
    const response = await send(emulator.url, {
      target: `/v3/${PROJECT_ID}/jobs?id=${JOB}`,
      headers: tokenHeaders(TOKEN),
    });
    expect(response.status).toBe(200);
    expect(response.json().job.id).toBe(JOB);
  });

  it('refuses an unknown token, even alongside a valid signature', async () => {
    const response = await signedCall(emulator.url, JOB, { extraHeaders: { 'X-Auth-Token': 'forged' } });
    expectRefused(response, /decrypt token fail/);
  });
});

describe('parseSdkDate', () => {
  it.each([
    ['20240102T030405Z', Date.UTC(2024, 0, 2, 3, 4, 5)],
    ['20240231T000000Z', undefined],
    ['20240102T240000Z', undefined],
    ['20240102T030405', undefined],
    ['2024012T030405Z', undefined],
  ])('%s', (value, expected) => expect(parseSdkDate(value)).toBe(expected));
});

/** The Authorization header the client would send for a default poll of `jobId`. */
async function authorizationFor(jobId: string): Promise<string> {
  await signedCall(emulator.url, jobId);
  const logged = emulator.requests.at(-1)!;
  emulator.reset();
  return logged.headers.authorization as string;
}
