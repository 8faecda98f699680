import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Emulator, Fault } from '../../emulator/types.js';
import { createInstanceCompleted } from '../../emulator/sample-jobs.js';
import { signedCall } from './client.js';
import { startTestEmulator } from './fixture.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

function serve(fault: Fault) {
  emulator.setJob('f', { steps: [fault] });
  return signedCall(emulator.url, 'f');
}

describe('faults that answer', () => {
  it('status: a 5xx with an RDS-shaped error by default', async () => {
    const response = await serve({ fault: 'status', status: 500 });
    expect(response.status).toBe(500);
    expect(response.json()).toEqual({ error_code: 'DBS.500', error_msg: 'Internal Server Error.' });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('status: with the given body and content type', async () => {
    const response = await serve({ fault: 'status', status: 503, body: 'try later', contentType: 'text/plain' });
    expect([response.status, response.body, response.headers['content-type']]).toEqual([
      503,
      'try later',
      'text/plain',
    ]);
  });

  it.each([undefined, 504])('html: a proxy error page (status %s)', async (status) => {
    const response = await serve({ fault: 'html', ...(status ? { status } : {}) });
    expect(response.status).toBe(status ?? 502);
    expect(response.headers['content-type']).toBe('text/html');
    expect(response.body).toContain(`<title>${status ?? 502} `);
  });

  it('throttle: 429 APIGW.0308 with Retry-After when given', async () => {
    const response = await serve({ fault: 'throttle', retryAfter: '3' });
    expect(response.status).toBe(429);
    expect(response.json()).toMatchObject({ error_code: 'APIGW.0308', request_id: response.headers['x-request-id'] });
    expect(response.headers['retry-after']).toBe('3');
  });

  it('throttle: no Retry-After unless given', async () => {
    const response = await serve({ fault: 'throttle' });
    expect(response.status).toBe(429);
    expect(response.headers).not.toHaveProperty('retry-after');
  });

  it('malformed: 200 with truncated JSON', async () => {
    const response = await serve({ fault: 'malformed' });
    expect(response.status).toBe(200);
    expect(response.body.startsWith('{"job":')).toBe(true);
    expect(() => response.json()).toThrow(SyntaxError);
  });

  it('no-job: 200 with an empty object', async () => {
    const response = await serve({ fault: 'no-job' });
    expect([response.status, response.body]).toEqual([200, '{}']);
  });

  it.each([1_000_000, 10])('big: 200 with a body of exactly %i bytes', async (bytes) => {
    const response = await serve({ fault: 'big', bytes });
    expect(response.status).toBe(200);
    expect(Buffer.byteLength(response.body)).toBe(bytes);
    if (bytes > 100) expect(response.json().job.id).toBe('f');
  });

  it('raw: exactly the status, headers and body given, plus X-Request-Id', async () => {
    const response = await serve({ fault: 'raw', status: 418, headers: { 'X-Custom': 'yes' }, body: 'teapot' });
    expect([response.status, response.body, response.headers['x-custom']]).toEqual([418, 'teapot', 'yes']);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers).not.toHaveProperty('content-type');
  });

  it('are steps of a history like any other', async () => {
    emulator.setJob('h', { steps: [{ fault: 'throttle' }, { fault: 'status', status: 502 }, createInstanceCompleted] });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await signedCall(emulator.url, 'h')).status);
    expect(statuses).toEqual([429, 502, 200]);
  });
});

describe('faults that do not answer', () => {
  it('reset: the connection is destroyed without a response', async () => {
    await expect(serve({ fault: 'reset' })).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|EPIPE/) });
    expect(emulator.requests).toMatchObject([{ status: 0, accepted: true, jobId: 'f' }]);
  });

  it('hang: no answer, and close() still finishes', async () => {
    const own = await startTestEmulator({ jobs: { f: { steps: [{ fault: 'hang' }] } } });
    const pending = signedCall(own.url, 'f');
    const outcome = pending.then(
      () => 'answered',
      () => 'failed',
    );
    await vi.waitFor(() => expect(own.requests).toHaveLength(1));
    expect(own.requests[0]).toMatchObject({ status: 0, accepted: true });
    await own.close();
    expect(await outcome).toBe('failed');
  });
});
