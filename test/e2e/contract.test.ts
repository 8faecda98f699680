// Contract lines (../shared/reference/cli-contract.md) that no other end-to-end test pins down.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../emulator/server.js';
import { createInstanceCompleted } from '../../emulator/sample-jobs.js';
import {
  ANSI,
  AUTH_TOKEN,
  PROJECT_ID,
  SECURITY_TOKEN,
  TEMP_AK,
  TEMP_SK,
  UNPRIVILEGED_PREFIX,
  emulator,
  rdsjob,
  tempHome,
} from './harness.js';
import type { Job } from '../../src/job.js';
import { job } from '../support/jobs.js';

const FAST = ['--interval', '100ms', '--rate-limit', '6000'];
const ok = createInstanceCompleted.id!;

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.reset();
  emu.setJob('done', { steps: [job({ id: 'done', status: 'Completed' })] });
  emu.setJob('fails', { steps: [job({ id: 'fails', status: 'Failed', fail_reason: 'createVM failed.' })] });
  emu.setJob('forever', { steps: [job({ id: 'forever', status: 'Running', process: '42%' })] });
  emu.setJob('bad400', {
    steps: [
      {
        fault: 'raw',
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: '{"error_code":"DBS.200001","error_msg":"Parameter error."}',
      },
    ],
  });
  emu.setJob('gateway400', {
    steps: [
      {
        fault: 'raw',
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: '{"error_code":"APIGW.0201","error_msg":"Request is not valid."}',
      },
    ],
  });
  emu.setJob('denied', {
    steps: [
      {
        fault: 'raw',
        status: 403,
        headers: { 'content-type': 'application/json' },
        body: '{"error_code":"DBS.200002","error_msg":"No permission: rds:task:listAll"}',
      },
    ],
  });
});

describe('global options before the command', () => {
  it('--project-id, --debug and --no-color work before `get` as after it', async () => {
    const r = await rdsjob(emu, ['--project-id', PROJECT_ID, '--debug', '--no-color', 'get', ok], {
      env: { HUAWEICLOUD_SDK_PROJECT_ID: 'not-this-one', FORCE_COLOR: '1' },
    });
    expect(r.code).toBe(0);
    expect(emu.requests[0]!.path).toBe(`/v3/${PROJECT_ID}/jobs`);
    expect(r.stderr).toMatch(/^debug: /m);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain(ok);
  });
});

describe('exit codes with several ids: 3, 5, 1, 4, 6, 0', () => {
  it.each([
    ['not found beats a timeout', ['ghost', 'forever', '--not-found-grace', '200ms', '--timeout', '1s'], 4],
    ['a timeout beats success', ['done', 'forever', '--timeout', '500ms'], 6],
    ['Failed beats not found', ['ghost', 'fails', '--not-found-grace', '200ms'], 1],
    // A 400 with an RDS code still answered after the grace is "not found" (4), as the contract says.
    ['Failed beats a 400 DBS. still answered after the grace', ['fails', 'bad400', '--not-found-grace', '200ms'], 1],
    ['an API error beats Failed (a 400 that is no RDS answer)', ['fails', 'gateway400'], 5],
  ])('wait: %s', async (_name, args, code) => {
    const r = await rdsjob(emu, ['wait', ...args, ...FAST]);
    expect(r.code).toBe(code);
  });

  it('a new job that RDS first refuses with a 400 DBS. code is "not visible yet" during the grace: it then Completes, exit 0', async () => {
    const refused = {
      fault: 'raw' as const,
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{"error_code":"DBS.280343","error_msg":"The job does not exist."}',
    };
    emu.setJob('late', { steps: [refused, refused, job({ id: 'late', status: 'Completed' })] });
    const r = await rdsjob(emu, ['wait', 'late', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/^error:/m);
  });

  it('credentials refused (401) beat everything, reported once', async () => {
    const r = await rdsjob(emu, ['wait', 'done', 'fails', ...FAST], {
      env: { HUAWEICLOUD_SDK_SK: 'wrong-secret-0123456789' },
      secrets: ['wrong-secret-0123456789'],
    });
    expect(r.code).toBe(3);
    expect(r.stderr.match(/^error: /gm)).toHaveLength(1);
    expect(r.stderr).toContain('APIGW.0301');
  });

  it('403 (no permission) is a credentials error: exit 3, with the API code', async () => {
    const r = await rdsjob(emu, ['get', 'denied']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('DBS.200002');
    expect(r.stdout).toBe('');
  });
});

describe('wait output', () => {
  it('-o json with several ids: an array on stdout, exit 1 when one Failed', async () => {
    const r = await rdsjob(emu, ['wait', 'done', 'fails', '-o', 'json', ...FAST]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((j: Job) => j.status)).toEqual(['Completed', 'Failed']);
  });

  it('get --wait on a Failed job: exit 1, the job on stdout, fail_reason on stderr', async () => {
    const r = await rdsjob(emu, ['get', 'fails', '--wait', '--json', ...FAST]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(job({ id: 'fails', status: 'Failed', fail_reason: 'createVM failed.' }));
    expect(r.stderr).toContain('createVM failed.');
  });

  it('a 429 with Retry-After does not end the wait, and the next poll waits as asked', async () => {
    emu.setJob('throttled', {
      steps: [{ fault: 'throttle', retryAfter: '1' }, job({ id: 'throttled', status: 'Completed' })],
    });
    const r = await rdsjob(emu, ['wait', 'throttled', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/429/);
    const [first, second] = emu.requests.filter((q) => q.jobId === 'throttled');
    expect(second!.time - first!.time).toBeGreaterThanOrEqual(1000);
  });

  it('stdout carries only the table: the same bytes `get` prints, progress lines on stderr', async () => {
    const waited = await rdsjob(emu, ['wait', 'done', ...FAST]);
    const got = await rdsjob(emu, ['get', 'done']);
    expect(waited.code).toBe(0);
    expect(waited.stdout).toBe(got.stdout);
    expect(waited.stderr).toMatch(/✔ done/);
  });
});

describe('errors', () => {
  it('no stack trace without --debug, a stack trace with it', async () => {
    const plain = await rdsjob(emu, ['get', 'ghost']);
    expect(plain.code).toBe(4);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await rdsjob(emu, ['get', 'ghost', '--debug']);
    expect(debug.code).toBe(4);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('an unreadable config file (a directory in its place) → exit 3 naming it, nothing sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdsjob-unreadable-'));
    try {
      const r = await rdsjob(emu, ['get', ok], { env: { RDSJOB_CONFIG: dir } });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(dir);
      expect(emu.requests).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a config file the user cannot read', () => {
  it('→ exit 3 naming it with the chmod hint, nothing sent (run as an ordinary user, also in CI as root)', async () => {
    const { home, cleanup } = tempHome();
    try {
      const path = join(home, 'config.json');
      writeFileSync(path, '{"profiles": {}}', { mode: 0o600 });
      chmodSync(home, 0o755); // the user may look into the directory, not read the file
      // Owned by root when the tests run as root (the child runs as nobody); mode 000 for anyone else.
      if (UNPRIVILEGED_PREFIX.length === 0) chmodSync(path, 0o000);
      const r = await rdsjob(emu, ['get', ok], { env: { RDSJOB_CONFIG: path }, home, unprivileged: true });
      expect(r.stderr).toBe(
        `error: cannot read config file ${path}: permission denied\nhint: make it readable by your user, e.g. \`chmod 600\` on it as its owner\n`,
      );
      expect(r.code).toBe(3);
      expect(emu.requests).toHaveLength(0);
    } finally {
      cleanup();
    }
  });
});

describe('config commands keep stdout for data and never show a secret', () => {
  it('config set from stdin prints nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdsjob-set-'));
    try {
      const r = await rdsjob(emu, ['config', 'set', 'secret-key'], {
        env: { RDSJOB_CONFIG: join(dir, 'c.json') },
        stdin: 'stdin-secret-value-123\n',
        secrets: ['stdin-secret-value-123'],
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('config list masks the security token and the IAM token to their first 4 characters', async () => {
    const r = await rdsjob(emu, ['config', 'list', '--no-lookup'], {
      env: {
        HUAWEICLOUD_SDK_AK: TEMP_AK,
        HUAWEICLOUD_SDK_SK: TEMP_SK,
        HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN,
        RDSJOB_AUTH_TOKEN: AUTH_TOKEN,
      },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`security-token\\s+${SECURITY_TOKEN.slice(0, 4)}\\*`));
    expect(r.stdout).toMatch(new RegExp(`auth-token\\s+${AUTH_TOKEN.slice(0, 4)}\\*`));
  });
});

describe('help', () => {
  it.each([['get'], ['wait'], ['config'], ['completion']])(
    '`%s --help` prints usage and examples on stdout, exit 0',
    async (command) => {
      const r = await rdsjob(undefined, [command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: rdsjob ${command}`));
      expect(r.stdout).toMatch(/Example|Install/);
      expect(r.stderr).toBe('');
    },
  );
});
