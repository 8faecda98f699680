// `rdsjob wait` end to end: the spawned binary against the emulator, with short intervals and a high rate limit
// so each case takes well under a second or two.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server.js';
import { ANSI, emulator, rdsjob } from './harness.js';
import type { Job } from '../../src/job.js';
import { job } from '../support/jobs.js';

const FAST = ['--interval', '100ms', '--rate-limit', '6000'];

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.reset();
  emu.setJob('progress', {
    steps: [
      job({ id: 'progress', status: 'Running', process: '10%' }),
      job({ id: 'progress', status: 'Running', process: '60% ' }),
      job({ id: 'progress', status: 'Completed' }),
    ],
  });
  emu.setJob('fails', {
    steps: [
      job({ id: 'fails', status: 'Running', process: '30%' }),
      job({ id: 'fails', status: 'Failed', fail_reason: 'createVM failed.' }),
    ],
  });
  emu.setJob('forever', { steps: [job({ id: 'forever', status: 'Running', process: '42%' })] });
  emu.setJob('late', { notFoundPolls: 2, steps: [job({ id: 'late', status: 'Completed' })] });
  emu.setJob('outage', {
    steps: [
      { fault: 'status', status: 503 },
      { fault: 'reset' },
      { fault: 'html', status: 502 },
      job({ id: 'outage', status: 'Completed' }),
    ],
  });
});

describe('rdsjob wait', () => {
  it('Running 10% → 60% → Completed: exit 0, one plain line per change on stderr, the job as JSON on stdout', async () => {
    const r = await rdsjob(emu, ['wait', 'progress', '--json', ...FAST]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(job({ id: 'progress', status: 'Completed' }));
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ progress CreateMysqlSingleHAInstance Running 10%$/);
    expect(lines[1]).toMatch(/Running 60%$/);
    expect(lines.at(-1)).toMatch(/✔ progress .*Completed/);
    expect(r.stderr).not.toMatch(ANSI);
    expect(r.stderr).not.toMatch(/\r/);
  });

  it('get --wait uses the same engine', async () => {
    const r = await rdsjob(emu, ['get', 'progress', '--wait', '-o', 'json', ...FAST]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe('Completed');
  });

  it('Failed: exit 1, fail_reason on stderr, the Failed job still on stdout', async () => {
    const r = await rdsjob(emu, ['wait', 'fails', '--json', ...FAST]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✖ fails .*Failed: createVM failed\./);
    expect(JSON.parse(r.stdout).fail_reason).toBe('createVM failed.');
  });

  it('emits a GitHub Actions error annotation for a Failed job', async () => {
    const r = await rdsjob(emu, ['wait', 'fails', '--quiet', ...FAST], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('::error title=RDS job CreateMysqlSingleHAInstance failed::createVM failed.');
  });

  it('a job that is not visible yet is waited for within the grace period', async () => {
    const r = await rdsjob(emu, ['wait', 'late', ...FAST]);
    expect(r.code).toBe(0);
    expect(emu.requests.filter((q) => q.jobId === 'late').map((q) => q.status)).toEqual([404, 404, 200]);
  });

  it('still not found after the grace period: exit 4, in the sentence and hint `get` says it with', async () => {
    const r = await rdsjob(emu, ['wait', 'ghost', '--not-found-grace', '300ms', ...FAST]);
    expect(r.code).toBe(4);
    const get = await rdsjob(emu, ['get', 'ghost']);
    expect(get.code).toBe(4);
    const [sentence, hint] = get.stderr.split('\n');
    expect(sentence).toMatch(/^error: job ghost not found \(HTTP 404, request id [0-9a-f]{32}\)$/);
    expect(hint).toMatch(/^hint: check the id, the region and the project id; /);
    // The same words, the request id aside (another request), and the grace said after them.
    const noId = (line: string) => line.replace(/request id [0-9a-f]+/, 'request id …');
    expect(r.stderr.split('\n').map(noId)).toEqual(
      expect.arrayContaining([`${noId(sentence!)}, still after 300ms`, hint]),
    );
  });

  it('outages (503, reset, HTML 502) do not end the wait', async () => {
    const r = await rdsjob(emu, ['wait', 'outage', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/503/);
    expect(emu.requests.filter((q) => q.jobId === 'outage')).toHaveLength(4); // no hidden HTTP-level retries
  });

  it('timeout: exit 6, the unfinished job with its last status and the command that resumes', async () => {
    const r = await rdsjob(emu, ['wait', 'forever', '--timeout', '600ms', ...FAST]);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/forever.*Running.*42%/);
    expect(r.stderr).toMatch(/rdsjob wait forever/);
    expect(r.stdout).toMatch(/Running/); // the last seen state, as data
  });

  it('several ids: the most important outcome wins, JSON array in argument order', async () => {
    const r = await rdsjob(emu, ['wait', 'progress', 'fails', '--json', ...FAST]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((j: Job) => j.status)).toEqual(['Completed', 'Failed']);
  });

  it('Ctrl-C: exit 130 with the unfinished jobs and the resume command', async () => {
    const r = await rdsjob(emu, ['wait', 'forever', ...FAST], {
      // Once the first progress line is out and the run handles SIGINT (a signal sent earlier would kill it).
      onSpawn: (child, handling) => {
        child.stderr!.once('data', () => void handling('SIGINT').then(() => child.kill('SIGINT')));
      },
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/forever/);
    expect(r.stderr).toMatch(/rdsjob wait forever/);
  });

  it('--quiet prints nothing on stderr and the result on stdout', async () => {
    const r = await rdsjob(emu, ['wait', 'progress', '--quiet', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Completed');
  });
  // Under a terminal (the live view, the cursor restored on success, timeout and signals): e2e/live-view.test.ts.
});

describe('rdsjob wait: the project-id lookup', () => {
  it('is retried like any request: one IAM hiccup does not end the wait before it started', async () => {
    const flaky = await emulator();
    try {
      // IAM answers 503 once: a small front server fails the first request, then passes requests to the emulator.
      const http = await import('node:http');
      let calls = 0;
      const front = http.createServer((req, res) => {
        calls += 1;
        if (calls === 1) {
          res.writeHead(503, { 'content-type': 'application/json', 'x-request-id': 'f'.repeat(32) });
          res.end('{"error_code":"SYS.0503","error_msg":"busy"}');
          return;
        }
        const upstream = http.request(flaky.url + req.url, { method: req.method, headers: req.headers }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
      const iam = `http://127.0.0.1:${(front.address() as import('node:net').AddressInfo).port}`;
      flaky.setJob('done', { steps: [job({ id: 'done', status: 'Completed' })] });
      const r = await rdsjob(flaky, ['wait', 'done', ...FAST], {
        env: { HUAWEICLOUD_SDK_PROJECT_ID: undefined, HUAWEICLOUD_SDK_IAM_ENDPOINT: iam },
      });
      await new Promise<void>((resolve) => front.close(() => resolve()));
      expect(r.stderr).not.toMatch(/^error/m);
      expect(r.code).toBe(0);
      expect(calls).toBe(2);
    } finally {
      await flaky.close();
    }
  });
});
