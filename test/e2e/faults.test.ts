// Every fault a cloud API or a corporate network produces, end to end: the built binary, spawned, against the
// emulator. Each run must end with the documented exit code, a one-line `error:` (plus at most a hint) carrying
// the request id when the server sent one, no stack trace, and within a bound (the harness kills a run at 15 s).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator, Fault, JobScript } from '../../emulator/server.js';
import { createInstanceCompleted, createReplicaRunning } from '../../emulator/sample-jobs.js';
import { createHttpClient } from '../../src/http/client.js';
import { fetchJob } from '../../src/api/job-info.js';
import { exitCodeFor } from '../../src/exit-codes.js';
import { formatError } from '../../src/render/error.js';
import { AK, PROJECT_ID, SK, emulator, rdsjob, type RunResult } from './harness.js';

const REQUEST_ID = /request id [0-9a-f]{32}/;
const done = createInstanceCompleted;

// One emulator shared by cases that run concurrently (most of their time is the client's real retry backoff): each
// case scripts its own job id and counts only the requests for it. Cases that lock keys get their own emulator.
let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});

const requestsFor = (id: string) => emu.requests.filter((r) => r.jobId === id);

/** A failed run, as the contract wants it read: `error: …` on the first line, a hint at most, no stack. */
function expectCleanFailure(r: RunResult, code: number): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^error: \S/);
  expect(lines.slice(1).every((line) => line.startsWith('hint: '))).toBe(true);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/[<>]html|<\/?body/i);
}

/** The lines `error:` and at most one `hint:`, as main() prints them, without stack or HTML. */
function expectCleanLines(text: string): void {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^error: \S/);
  expect(lines.slice(1).every((line) => line.startsWith('hint: '))).toBe(true);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(text).not.toMatch(/[<>]html|<\/?body/i);
}

/**
 * ListJobInfo through the CLI's own HTTP client and job reader, in this process: the same attempts (ATTEMPTS) and
 * error mapping as `get`, without sleeping through the real backoff between them.
 */
async function getInProcess(id: string) {
  const http = createHttpClient(
    { auth: { kind: 'aksk', accessKey: AK, secretKey: SK } },
    { now: Date.now, sleep: async () => undefined },
  );
  try {
    return await fetchJob(http, emu.url, PROJECT_ID, id);
  } finally {
    http.close();
  }
}

function script(...steps: Array<Fault | typeof done>): JobScript {
  return { steps };
}

describe.concurrent('faults that persist: exit 5 after the retries, one clean line', () => {
  it.each<[string, Fault, RegExp, number]>([
    ['connection reset', { fault: 'reset' }, /connection reset|socket hang up/i, 3],
    ['500 from RDS', { fault: 'status', status: 500 }, /\b500\b/, 3],
    ['502 HTML page from a proxy', { fault: 'html', status: 502 }, /502 Bad Gateway/, 3],
    ['503 HTML page from a proxy', { fault: 'html', status: 503 }, /503 Service Unavailable/, 3],
    ['429 without Retry-After', { fault: 'throttle' }, /429.*APIGW\.0308/, 3],
    ['429 asking to wait an hour', { fault: 'throttle', retryAfter: '3600' }, /429.*APIGW\.0308/, 1],
    ['truncated JSON', { fault: 'malformed' }, /not JSON/i, 1],
    ['a body without job', { fault: 'no-job' }, /no job/i, 1],
    ['a body over 1 MiB', { fault: 'big', bytes: 1024 * 1024 + 1 }, /too large/i, 1],
    [
      'a 200 with an HTML page',
      {
        fault: 'raw',
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: '<html><body>captive portal</body></html>',
      },
      /not JSON.*text\/html/,
      1,
    ],
  ])('%s (in-process, no backoff)', async (name, fault, message, requests) => {
    const id = jobIdFor(name);
    emu.setJob(id, script(fault));
    const error = await getInProcess(id).catch((e: unknown) => e);
    expect(exitCodeFor(error)).toBe(5);
    expectCleanLines(formatError(error, false));
    expect((error as Error).message).toMatch(message);
    expect(requestsFor(id)).toHaveLength(requests);
    if (fault.fault !== 'reset' && fault.fault !== 'big') expect((error as Error).message).toMatch(REQUEST_ID);
  });

  // The same, once through the built binary: the process's exit code and its stderr.
  it('503 HTML page from a proxy, from the binary: exit 5, one clean line with the request id', async () => {
    const id = 'persisting-503-e2e';
    emu.setJob(id, script({ fault: 'html', status: 503 }));
    const r = await rdsjob(emu, ['get', id]);
    expectCleanFailure(r, 5);
    expect(r.stderr.split('\n')[0]).toMatch(/503 Service Unavailable/);
    expect(r.stderr).toMatch(REQUEST_ID);
    expect(requestsFor(id)).toHaveLength(3);
  });

  it('connection refused (nothing listens on the port)', async () => {
    const port = await closedPort();
    const r = await rdsjob(emu, ['get', done.id!], { env: { RDSJOB_ENDPOINT: `http://127.0.0.1:${port}` } });
    expectCleanFailure(r, 5);
    expect(r.stderr).toMatch(/cannot reach 127\.0\.0\.1:\d+: connection refused/);
  });
});

describe.concurrent('transient faults that clear within the retries: exit 0', () => {
  it.each<[string, Fault[]]>([
    [
      'a 503 then a 502',
      [
        { fault: 'status', status: 503 },
        { fault: 'html', status: 502 },
      ],
    ],
    ['a 500', [{ fault: 'status', status: 500 }]],
    ['a connection reset', [{ fault: 'reset' }]],
    ['a 429 with Retry-After: 1', [{ fault: 'throttle', retryAfter: '1' }]],
    ['a 429 without Retry-After', [{ fault: 'throttle' }]],
  ])('%s (in-process, no backoff)', async (name, faults) => {
    const id = jobIdFor(`flaky ${name}`);
    emu.setJob(id, script(...faults, { ...done, id }));
    expect(await getInProcess(id)).toEqual({ ...done, id });
    expect(requestsFor(id)).toHaveLength(faults.length + 1);
  });

  it('a 503 then a 502, from the binary: exit 0, the job exactly as received', async () => {
    const id = 'flaky-e2e';
    emu.setJob(id, script({ fault: 'status', status: 503 }, { fault: 'html', status: 502 }, { ...done, id }));
    const r = await rdsjob(emu, ['get', id, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ...done, id });
    expect(requestsFor(id)).toHaveLength(3);
  });
});

describe.concurrent('answers that are odd but valid', () => {
  it('an unknown status is printed as-is by get (exit 0)', async () => {
    emu.setJob('odd', { steps: [{ ...createReplicaRunning, id: 'odd', status: 'Pending' }] });
    // Both runs see the same job: it repeats its one step.
    const r = await rdsjob(emu, ['get', 'odd']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Pending');
    const json = await rdsjob(emu, ['get', 'odd', '--json']);
    expect(JSON.parse(json.stdout).status).toBe('Pending');
  });
});

describe.concurrent('authentication faults: exit 3, never retried', () => {
  it('signature expired (the gateway clock is 20 minutes ahead) → a hint to check the system clock', async () => {
    const ahead = await emulator({ now: () => Date.now() + 20 * 60_000 });
    try {
      const r = await rdsjob(ahead, ['get', done.id!]);
      expectCleanFailure(r, 3);
      expect(r.stderr).toMatch(/APIGW\.0301.*signature expired/);
      expect(r.stderr).toMatch(REQUEST_ID);
      expect(r.stderr).toMatch(/^hint: .*system clock/m);
      expect(ahead.requests).toHaveLength(1);
    } finally {
      await ahead.close();
    }
  });

  it('a wrong secret key, run three times, sends exactly one request per run and never locks the key', async () => {
    await withEmulator(async (own) => {
      for (let run = 1; run <= 3; run++) {
        const r = await rdsjob(own, ['get', done.id!], { env: { HUAWEICLOUD_SDK_SK: 'wrong-secret-0123456789' } });
        expectCleanFailure(r, 3);
        expect(own.requests).toHaveLength(run);
      }
      expect(own.isLocked(AK)).toBe(false);
    });
  });

  it('wait with a wrong key stops at the first 401 instead of polling on', async () => {
    await withEmulator(async (own) => {
      const r = await rdsjob(own, ['wait', done.id!], { env: { HUAWEICLOUD_SDK_SK: 'wrong-secret-0123456789' } });
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain('APIGW.0301');
      expect(own.requests).toHaveLength(1);
    });
  });

  it("a key the gateway has locked → exit 3 with the gateway's reason, one request", async () => {
    await withEmulator(async (own) => {
      const wrong = { accessKey: AK, secretKey: 'wrong-secret-0123456789' };
      for (let i = 0; i < 6; i++) await signedPoll(own, wrong);
      expect(own.isLocked(AK)).toBe(true);
      own.requests.length = 0;
      const r = await rdsjob(own, ['get', done.id!]);
      expectCleanFailure(r, 3);
      expect(r.stderr).toMatch(/locked/);
      expect(own.requests).toHaveLength(1);
    });
  });
});

describe('a server that never answers', () => {
  // The binary has no way to shorten its 30 s per-request timeout (no flag or environment variable), so this
  // one runs the same HTTP client in-process with a short timeout instead of spawning.
  it('a hang beyond the per-request timeout → a NetworkError (exit 5) after the retries', async () => {
    emu.setJob('stuck', { steps: [{ fault: 'hang' }] });
    const http = createHttpClient(
      { auth: { kind: 'aksk', accessKey: AK, secretKey: SK }, timeoutMs: 200 },
      { now: Date.now, sleep: async () => undefined },
    );
    try {
      const error = await http
        .getJson(emu.url, `/v3/${PROJECT_ID}/jobs`, [['id', 'stuck']], { 'X-Project-Id': PROJECT_ID }, undefined, 1)
        .catch((e: unknown) => e);
      expect(exitCodeFor(error)).toBe(5);
      expect((error as Error).message).toMatch(/no response in time/);
      expect(requestsFor('stuck')).toHaveLength(2);
    } finally {
      http.close();
    }
  });
});

/** `a 500 from RDS` → `a-500-from-RDS`: a valid, distinct job id per case. */
function jobIdFor(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 64);
}

async function withEmulator(body: (own: Emulator) => Promise<void>): Promise<void> {
  const own = await emulator();
  try {
    await body(own);
  } finally {
    await own.close();
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One ListJobInfo poll signed with `credentials`, as any client would send it. */
async function signedPoll(target: Emulator, credentials: { accessKey: string; secretKey: string }): Promise<number> {
  const http = createHttpClient({ auth: { kind: 'aksk', ...credentials } }, { now: Date.now });
  try {
    await http.getJson(
      target.url,
      `/v3/${PROJECT_ID}/jobs`,
      [['id', done.id!]],
      { 'X-Project-Id': PROJECT_ID },
      undefined,
      0,
    );
    return 200;
  } catch {
    return 401;
  } finally {
    http.close();
  }
}
