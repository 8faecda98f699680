// The task center end to end (docs/instances.md): `rdsjob list` and `rdsjob wait --instance`, the built binary
// against the emulator's ListTasks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ANALYTICS_DB,
  ORDERS_DB,
  backupCompleted,
  eipFailed,
  rebootCompleted,
  resizeHistory,
  resizeRunning,
} from '../../emulator/sample-tasks.js';
import type { TaskRecord, TaskScript } from '../../emulator/types.js';
import { ANSI, AUTH_TOKEN, emulatorPerFile, rdsjob } from './harness.js';

const FAST = ['--interval', '100ms', '--rate-limit', '6000'];
const INSTANCE = ORDERS_DB.id;

const emu = emulatorPerFile();

const taskRequests = () => emu.requests.filter((r) => r.api === 'ListTasks');
const params = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe('rdsjob list', () => {
  it("a table of the project's tasks in the API's order; only offset and limit sent without filters", async () => {
    const r = await rdsjob(emu, ['list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+STATUS\s+PROGRESS\s+INSTANCE\s+CREATED$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual([
      resizeRunning.id,
      backupCompleted.id,
      eipFailed.id,
      rebootCompleted.id,
    ]);
    expect(lines[1]).toMatch(/ResizeFlavor\s+Running\s+30%\s+orders-db\s+2026-11-27 09:40:00 \+00:00 \(\d+d ago\)/);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    expect(taskRequests().map((q) => params(q.query))).toEqual([{ offset: '0', limit: '20' }]);
  });

  it('--json: an array of the tasks exactly as received', async () => {
    // As the wire carries it: JSON.parse would round the integer and turn 1.0 into 1.
    const body =
      '{"tasks":[{"id":"odd","big":12345678901234567890,"ratio":1.0,"name":"caf\\u00e9"}],"actions":[],"total_count":1}';
    emu.failTaskList({ fault: 'raw', status: 200, headers: { 'Content-Type': 'application/json' }, body });
    const r = await rdsjob(emu, ['list', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"big": 12345678901234567890');
    expect(r.stdout).toContain('"ratio": 1.0');
    expect(r.stdout).toContain('"name": "caf\\u00e9"');
    expect(r.stdout.startsWith('[\n  {\n')).toBe(true);
  });

  it('each filter is sent as the API names it: --instance, --status (any case), --name, --since (ms window)', async () => {
    const before = Date.now();
    const r = await rdsjob(emu, [
      'list',
      '--instance',
      ANALYTICS_DB.id,
      '--status',
      'failed',
      '--name',
      'MysqlBindEIP',
      '--since',
      '720h',
      '--json',
    ]);
    const after = Date.now();
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((t: TaskRecord) => t.id)).toEqual([eipFailed.id]);
    const sent = params(taskRequests()[0]!.query);
    expect(sent).toMatchObject({
      instance_id: ANALYTICS_DB.id,
      status: 'Failed',
      name: 'MysqlBindEIP',
      offset: '0',
      limit: '20',
    });
    const end = Number(sent.end_time);
    expect(end).toBeGreaterThanOrEqual(before);
    expect(end).toBeLessThanOrEqual(after);
    expect(end - Number(sent.start_time)).toBe(30 * 24 * 3_600_000);
  });

  it('pages over 120 tasks with --limit 75: two requests (50, then 25), and the note on stderr', async () => {
    emu.setTasks(
      Array.from(
        { length: 120 },
        (_, i): TaskScript => ({ steps: [{ ...backupCompleted, id: `task${String(i).padStart(3, '0')}` }] }),
      ),
    );
    const r = await rdsjob(emu, ['list', '--limit', '75', '--json']);
    expect(r.code).toBe(0);
    const ids = JSON.parse(r.stdout).map((t: TaskRecord) => t.id);
    expect(ids).toHaveLength(75);
    expect(ids.at(-1)).toBe('task074');
    expect(taskRequests().map((q) => [params(q.query).offset, params(q.query).limit])).toEqual([
      ['0', '50'],
      ['50', '25'],
    ]);
    expect(r.stderr).toBe('showing 75 of 120 tasks; use --limit\n');
  });

  it('stops at total_count: --limit 1000 over 60 tasks is two requests', async () => {
    emu.setTasks(Array.from({ length: 60 }, (_, i): TaskScript => ({ steps: [{ ...backupCompleted, id: `t${i}` }] })));
    const r = await rdsjob(emu, ['list', '--limit', '1000', '--json']);
    expect(JSON.parse(r.stdout)).toHaveLength(60);
    expect(taskRequests()).toHaveLength(2);
    expect(r.stderr).toBe('');
  });

  it('no task: exit 0; the table prints nothing and says so on stderr, JSON prints []', async () => {
    emu.setTasks([]);
    const table = await rdsjob(emu, ['list', '--instance', INSTANCE]);
    expect([table.code, table.stdout, table.stderr]).toEqual([0, '', 'no tasks found\n']);
    const json = await rdsjob(emu, ['list', '--json']);
    expect([json.code, json.stdout, json.stderr]).toEqual([0, '[]\n', '']);
  });

  it.each<[string, string[]]>([
    ['--status done', ['--status', 'done']],
    ['--limit 0', ['--limit', '0']],
    ['--limit 1001', ['--limit', '1001']],
    ['--limit ten', ['--limit', 'ten']],
    ['--since 0', ['--since', '0']],
    ['--since -5m', ['--since', '-5m']],
    ['--instance with a slash', ['--instance', 'a/b']],
  ])('%s → exit 2 before any request', async (_name, args) => {
    const r = await rdsjob(emu, ['list', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: invalid --/);
    expect(emu.requests).toHaveLength(0);
  });

  it('a refused signature → exit 3 with the request id, after exactly one request', async () => {
    const r = await rdsjob(emu, ['list'], { env: { HUAWEICLOUD_SDK_SK: 'not-the-right-secret-key-0000000000000000' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /^error: RDS API error 401 \(APIGW\.0301: .*verify aksk signature fail, request id [0-9a-f]{32}\)$/m,
    );
    expect(emu.requests).toHaveLength(1);
  });

  it('an IAM token works like AK/SK', async () => {
    const r = await rdsjob(emu, ['list', '--json'], {
      env: { HUAWEICLOUD_SDK_AK: undefined, HUAWEICLOUD_SDK_SK: undefined, RDSJOB_AUTH_TOKEN: AUTH_TOKEN },
    });
    expect(r.code).toBe(0);
    expect(emu.requests[0]!.headers['x-auth-token']).toBe(AUTH_TOKEN);
  });

  it('a persistent 5xx → exit 5 within the bound, after the retries', async () => {
    emu.failTaskList(...Array.from({ length: 10 }, () => ({ fault: 'status' as const, status: 503 })));
    const r = await rdsjob(emu, ['list'], { env: { RDSJOB_API_TIMEOUT: '20s' }, timeoutMs: 25_000 });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: RDS API error 503 /);
    expect(taskRequests()).toHaveLength(3);
  });

  it('--debug traces each page, secrets masked', async () => {
    const r = await rdsjob(emu, ['list', '--debug', '--limit', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/debug: > GET http:\/\/127\.0\.0\.1:\d+\/v3\/[0-9a-f]{32}\/tasklist\?limit=1&offset=0/);
    expect(r.stderr).toMatch(/debug: <\s+200/);
  });
});

describe('rdsjob wait --instance', () => {
  it('until nothing runs: one ListTasks request per look, the finished task looked up once by id, exit 0', async () => {
    const r = await rdsjob(emu, ['wait', '--instance', INSTANCE, '--json', ...FAST]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { ...resizeRunning, status: 'Completed', process: '', instance_status: 'ACTIVE' },
    ]);
    const asked = taskRequests().map((q) => params(q.query));
    expect(
      asked.slice(0, -1).every((q) => q.instance_id === INSTANCE && q.status === 'Running' && q.limit === '50'),
    ).toBe(true);
    expect(asked.at(-1)).toEqual({ id: resizeRunning.id, offset: '0', limit: '1' });
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/Z 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6 ResizeFlavor Running 30%$/);
    expect(lines.at(-1)).toMatch(/✔ 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6 ResizeFlavor Completed in /);
  });

  it('a task created long before the wait: its ✔ line, the table and the step summary say one duration', async () => {
    // The resize was created days before this run (its create_time is fixed); the wait follows it for a moment.
    const dir = mkdtempSync(join(tmpdir(), 'rdsjob-took-'));
    try {
      const file = join(dir, 'summary.md');
      const r = await rdsjob(emu, ['wait', '--instance', INSTANCE, ...FAST], {
        env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file },
      });
      expect(r.code).toBe(0);
      const took = /✔ 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6 ResizeFlavor Completed in (~\S+)$/m.exec(r.stderr)?.[1];
      expect(took).toMatch(/^~\d+d\d+h$/); // from its creation, not the second or so the wait saw it run
      const row = r.stdout.split('\n').find((line) => line.startsWith(resizeRunning.id!));
      expect(row?.trim().split(/ {2,}/).at(-1)).toBe(took);
      expect(readFileSync(file, 'utf8')).toContain(`| ${resizeRunning.id} | ResizeFlavor | Completed | ${took} |`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a free instance: exit 0 at once, said on stderr, [] with --json; one request to resolve, two for the look', async () => {
    const json = await rdsjob(emu, ['wait', '--instance', ANALYTICS_DB.id, '--json']);
    expect([json.code, json.stdout, json.stderr]).toEqual([
      0,
      '[]\n',
      `instance ${ANALYTICS_DB.id} is free (no running task, ACTIVE)\n`,
    ]);
    expect(emu.requests.map((q) => q.api)).toEqual(['ListInstances', 'ListTasks', 'ListInstances']);
    const table = await rdsjob(emu, ['wait', '--instance', ANALYTICS_DB.id]);
    expect([table.code, table.stdout]).toEqual([0, '']);
  });

  it('a task that ends Failed: exit 1, fail_reason on stderr, a GitHub annotation, the task on stdout', async () => {
    const running = { ...eipFailed, status: 'Running', process: '50' };
    emu.setTasks([{ steps: [running, eipFailed] }]);
    const r = await rdsjob(emu, ['wait', '--instance', ANALYTICS_DB.id, '--json', ...FAST], {
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '✖ 3c4d5e6f7a8b49c0d1e2f3a4b5c6d7e8 MysqlBindEIP Failed: The EIP is already bound to another resource.',
    );
    expect(r.stderr).toContain(
      '::error title=RDS task MysqlBindEIP failed::The EIP is already bound to another resource.',
    );
    expect(JSON.parse(r.stdout)).toEqual([eipFailed]);
  });

  it('two tasks ending differently, one starting during the wait: both listed in the order first seen, exit 1', async () => {
    const second = {
      ...eipFailed,
      id: 'second00000000000000000000000000',
      instance_id: INSTANCE,
      status: 'Running',
      process: '10',
    };
    emu.setTasks([
      resizeHistory(),
      {
        hiddenPolls: 1,
        steps: [second, second, { ...second, status: 'Failed', process: '', fail_reason: 'disk full' }],
      },
    ]);
    const r = await rdsjob(emu, ['wait', '--instance', INSTANCE, '--json', ...FAST]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((t: TaskRecord) => [t.id, t.status])).toEqual([
      [resizeRunning.id, 'Completed'],
      [second.id, 'Failed'],
    ]);
  });

  it('an outage during the wait (503, throttling, a reset) does not end it', async () => {
    emu.failTaskList({ fault: 'status', status: 503 }, { fault: 'throttle', retryAfter: '0' }, { fault: 'reset' });
    const r = await rdsjob(emu, ['wait', '--instance', INSTANCE, ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/RDS API error 503 .*retrying in/);
    expect(r.stdout).toMatch(/ResizeFlavor\s+Completed/);
  });

  it('timeout: exit 6, the running tasks, and the resume command with --instance', async () => {
    emu.setTasks([{ steps: [resizeRunning] }]);
    const r = await rdsjob(emu, ['wait', '--instance', INSTANCE, '--timeout', '1s', '--interval', '200ms']);
    expect(r.code).toBe(6);
    expect(r.stderr.trim().split('\n').slice(-3)).toEqual([
      `error: timed out after 1s with 1 task still running on instance ${INSTANCE}:`,
      `  ${resizeRunning.id}  ResizeFlavor Running 30%`,
      `resume with: rdsjob wait --instance ${INSTANCE} --timeout 1s --interval 200ms`,
    ]);
    expect(r.stdout).toMatch(/ResizeFlavor\s+Running\s+30%/);
  });

  it('Ctrl-C: exit 130 with the resume command', async () => {
    emu.setTasks([{ steps: [resizeRunning] }]);
    const r = await rdsjob(emu, ['wait', '--instance', INSTANCE, '--interval', '200ms'], {
      // Once the first progress line is out and the run handles SIGINT (a signal sent earlier would kill it).
      onSpawn: (child, handling) =>
        child.stderr!.once('data', () => void handling('SIGINT').then(() => child.kill('SIGINT'))),
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`interrupted with 1 task still running on instance ${INSTANCE}:`);
    expect(r.stderr).toContain(`resume with: rdsjob wait --instance ${INSTANCE} --interval 200ms`);
  });

  it('--quiet prints the result only', async () => {
    const r = await rdsjob(emu, ['wait', '--instance', INSTANCE, '--quiet', '--json', ...FAST]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it.each<[string, string[], RegExp]>([
    [
      'job ids with --instance',
      ['wait', 'some-job', '--instance', INSTANCE],
      /^error: job ids and --instance cannot be used together$/m,
    ],
    ['an invalid instance id', ['wait', '--instance', 'a b'], /^error: invalid --instance "a b"/m],
    [
      '--not-found-grace with --instance',
      ['wait', '--instance', INSTANCE, '--not-found-grace', '5s'],
      /^error: --not-found-grace applies to job ids, or to --instance with --since$/m,
    ],
  ])('%s → exit 2 before any request', async (_name, args, message) => {
    const r = await rdsjob(emu, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(emu.requests).toHaveLength(0);
  });

  it('a refused signature ends the wait at once: exit 3, one request', async () => {
    const r = await rdsjob(emu, ['wait', '--instance', INSTANCE, ...FAST], {
      env: { HUAWEICLOUD_SDK_SK: 'not-the-right-secret-key-0000000000000000' },
    });
    expect(r.code).toBe(3);
    expect(emu.requests).toHaveLength(1);
  });
});
