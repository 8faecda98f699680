// `rdsjob get` end to end: the built binary, spawned, against the strict emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Emulator } from '../../emulator/server.js';
import {
  bindEip,
  createFailed,
  createInstanceCompleted,
  resizeVolume,
  switchover,
} from '../../emulator/sample-jobs.js';
import {
  AK,
  ANSI,
  AUTH_TOKEN,
  PROJECT_ID,
  REGION,
  SECURITY_TOKEN,
  SK,
  TEMP_AK,
  TEMP_SK,
  emulator,
  rdsjob,
  tempHome,
  writeJson,
} from './harness.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => emu.reset());

const ok = createInstanceCompleted.id!;

describe('rdsjob get', () => {
  it('prints a Completed job as a table with its endpoint and datastore', async () => {
    const r = await rdsjob(emu, ['get', ok]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ok);
    expect(r.stdout).toContain('Completed');
    expect(r.stdout).toContain('192.168.1.203:3306');
    expect(r.stdout).toMatch(/mysql 8\.0/);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('--json prints the served job object exactly, and jq-style .status works', async () => {
    const r = await rdsjob(emu, ['get', ok, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(createInstanceCompleted);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout).toContain('\n  "id"'); // two-space indent
    expect(JSON.parse(r.stdout).status).toBe('Completed');
  });

  it('--json keeps what JSON.parse would change: big integers, 1.0, escapes (exactly as received)', async () => {
    const body =
      '{"job":{"id":"exact","status":"Completed","size":12345678901234567890,"ratio":1.0,"name":"caf\\u00e9"}}';
    emu.setJob('exact', {
      steps: [{ fault: 'raw', status: 200, headers: { 'content-type': 'application/json' }, body }],
    });
    const r = await rdsjob(emu, ['get', 'exact', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '{\n  "id": "exact",\n  "status": "Completed",\n  "size": 12345678901234567890,\n  "ratio": 1.0,\n  "name": "caf\\u00e9"\n}\n',
    );
    const several = await rdsjob(emu, ['get', 'exact', ok, '--json']);
    expect(several.stdout).toContain('"size": 12345678901234567890');
    expect(JSON.parse(several.stdout)[1]).toEqual(createInstanceCompleted);
  });

  it('-o json with several ids prints an array in argument order', async () => {
    const ids = [switchover.id!, ok, bindEip.id!];
    const r = await rdsjob(emu, ['get', ...ids, '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([switchover, createInstanceCompleted, bindEip]);
  });

  it('-o json with an id not found: null in its place, the others exactly as received, so .[i] is the i-th id', async () => {
    const r = await rdsjob(emu, ['get', 'nosuch', ok, 'nosuch', '--json']);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^\[\n {2}null,\n {2}\{\n {4}"id": /);
    expect(JSON.parse(r.stdout)).toEqual([null, createInstanceCompleted, null]);
    expect(r.stderr).toMatch(/^error: job nosuch not found/);
    const query = await rdsjob(emu, ['get', ok, 'nosuch', '--query', '[[0].status, [1]]']);
    expect([query.code, JSON.parse(query.stdout)]).toEqual([4, ['Completed', null]]);
  });

  it('several ids as a table: one row per job', async () => {
    const r = await rdsjob(emu, ['get', ok, createFailed.id!]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ID.*NAME.*STATUS.*PROGRESS.*CREATED.*INSTANCE/);
    expect(r.stdout).toContain('Failed');
    expect(r.stdout).toContain('DO-NOT-TOUCH-mgr2-mysql');
  });

  it.each([
    ['EIP', bindEip, ['10.154.217.154']],
    ['resize', resizeVolume, ['ULTRAHIGH', '100', '200']],
    ['switchover', switchover, ['reliability']],
    ['Failed', createFailed, ['Failed', 'createVM failed.']],
  ])('renders the %s job', async (_name, job, facts) => {
    const r = await rdsjob(emu, ['get', job.id!]);
    expect(r.code).toBe(0);
    for (const fact of facts as string[]) expect(r.stdout).toContain(fact);
  });

  it('signs the request so the gateway accepts it, and sends X-Project-Id', async () => {
    const r = await rdsjob(emu, ['get', ok]);
    expect(r.code).toBe(0);
    expect(emu.requests).toHaveLength(1);
    const [req] = emu.requests;
    expect(req!.accepted).toBe(true);
    expect(req!.path).toBe(`/v3/${PROJECT_ID}/jobs`);
    expect(req!.headers['x-project-id']).toBe(PROJECT_ID);
    expect(req!.headers.authorization).toMatch(
      new RegExp(`^SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=[a-z;-]*x-sdk-date`),
    );
  });

  it('sends and signs X-Security-Token with temporary credentials', async () => {
    const r = await rdsjob(emu, ['get', ok], {
      env: { HUAWEICLOUD_SDK_AK: TEMP_AK, HUAWEICLOUD_SDK_SK: TEMP_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN },
    });
    expect(r.code).toBe(0);
    expect(emu.requests[0]!.headers['x-security-token']).toBe(SECURITY_TOKEN);
    expect(emu.requests[0]!.headers.authorization).toContain('x-security-token');
  });

  it('sends X-Auth-Token instead of a signature in IAM-token mode', async () => {
    const r = await rdsjob(emu, ['get', ok], {
      env: { HUAWEICLOUD_SDK_AK: undefined, HUAWEICLOUD_SDK_SK: undefined, RDSJOB_AUTH_TOKEN: AUTH_TOKEN },
    });
    expect(r.code).toBe(0);
    expect(emu.requests[0]!.headers['x-auth-token']).toBe(AUTH_TOKEN);
    expect(emu.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('job not found → exit 4 with the request id', async () => {
    const r = await rdsjob(emu, ['get', 'no-such-job']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: job no-such-job not found \(HTTP 404, request id [0-9a-f]{32}\)/);
  });

  it('wrong secret key → exit 3 with the gateway error code and request id, no retry', async () => {
    const r = await rdsjob(emu, ['get', ok], {
      env: { HUAWEICLOUD_SDK_SK: 'wrong-secret-key-0123456789' },
      secrets: ['wrong-secret-key-0123456789'],
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('APIGW.0301');
    expect(r.stderr).toMatch(/request id [0-9a-f]{32}/);
    expect(emu.requests).toHaveLength(1);
  });

  it.each([
    [['get', 'bad id!']],
    [['get', ok, 'x'.repeat(65)]],
    [['get', ok, '--endpoint', 'http://10.0.0.1:8080']],
    [['get', ok, '--endpoint', 'ftp://example.com']],
    [['get', ok, '--iam-endpoint', 'http://example.com']],
    [['get', ok, '--region', 'CN_NORTH']],
    [['get', ok, '--project-id', 'p/../x']],
    [['get', ok, '-o', 'yaml']],
    [['get']],
    [['frobnicate']],
  ])('refuses %j with exit 2 before any request', async (args) => {
    const r = await rdsjob(emu, args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error/i);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    expect(emu.requests).toHaveLength(0);
  });

  it('5xx that persists → exit 5 after retries', async () => {
    emu.setJob('flaky', { steps: [{ fault: 'status', status: 503 }] });
    const r = await rdsjob(emu, ['get', 'flaky']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('503');
    expect(r.stderr).toMatch(/request id [0-9a-f]{32}/);
    expect(emu.requests.length).toBe(3); // the first try and two retries
  });

  it('a malformed body → exit 5', async () => {
    emu.setJob('broken', { steps: [{ fault: 'malformed' }] });
    const r = await rdsjob(emu, ['get', 'broken']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: .*not JSON/);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a body without job → exit 5', async () => {
    emu.setJob('empty', { steps: [{ fault: 'no-job' }] });
    const r = await rdsjob(emu, ['get', 'empty']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: response has no job object \(request id [0-9a-f]{32}\)/);
  });

  it('--debug traces requests on stderr with every secret masked', async () => {
    const r = await rdsjob(emu, ['get', ok, '--debug'], {
      env: { HUAWEICLOUD_SDK_AK: TEMP_AK, HUAWEICLOUD_SDK_SK: TEMP_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('GET');
    expect(r.stderr).toContain(`/v3/${PROJECT_ID}/jobs`);
    expect(r.stderr).toMatch(/200/);
    expect(r.stderr.toLowerCase()).toContain('x-security-token');
    // assertNoSecrets (in the harness) has already checked SK, token and the signature are absent.
  });

  it('stops quietly when the reader of stdout goes away (| head)', async () => {
    const r = await rdsjob(emu, ['get', ok, bindEip.id!, createFailed.id!, '--json'], {
      onSpawn: (child) => child.stdout!.destroy(),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('colours the status only when asked: FORCE_COLOR on, NO_COLOR off', async () => {
    const forced = await rdsjob(emu, ['get', ok], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    const off = await rdsjob(emu, ['get', ok], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(off.stdout).not.toMatch(ANSI);
    const flag = await rdsjob(emu, ['get', ok, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toMatch(ANSI);
  });
});

describe('where credentials come from', () => {
  const bare = (e: Emulator) => ({ RDSJOB_ENDPOINT: e.url, HUAWEICLOUD_SDK_IAM_ENDPOINT: e.url });

  it('the Terraform provider variables (HW_*)', async () => {
    const r = await rdsjob(emu, ['get', ok], {
      bare: true,
      env: { ...bare(emu), HW_ACCESS_KEY: AK, HW_SECRET_KEY: SK, HW_REGION_NAME: REGION, HW_PROJECT_ID: PROJECT_ID },
    });
    expect(r.code).toBe(0);
  });

  it('HUAWEICLOUD_SDK_* wins over HW_*', async () => {
    const r = await rdsjob(emu, ['get', ok], {
      bare: true,
      env: {
        ...bare(emu),
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        HW_ACCESS_KEY: 'HPUAUNKNOWN000000000',
        HW_SECRET_KEY: 'nope-nope-nope',
        HW_REGION_NAME: REGION,
        HW_PROJECT_ID: PROJECT_ID,
      },
      secrets: ['nope-nope-nope'],
    });
    expect(r.code).toBe(0);
  });

  it("rdsjob's own config file, named profile", async () => {
    const { home, cleanup } = tempHome();
    try {
      writeJson(join(home, '.config', 'rdsjob', 'config.json'), {
        profiles: {
          staging: { region: REGION, accessKey: AK, secretKey: SK, projectId: PROJECT_ID, endpoint: emu.url },
        },
      });
      const r = await rdsjob(emu, ['get', ok, '--profile', 'staging'], { bare: true, home });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      cleanup();
    }
  });

  it('the flag beats the environment beats the config file (region and project id)', async () => {
    const { home, cleanup } = tempHome();
    try {
      writeJson(join(home, '.config', 'rdsjob', 'config.json'), {
        profiles: {
          default: { region: 'eu-west-0', accessKey: AK, secretKey: SK, projectId: 'fromfile', endpoint: emu.url },
        },
      });
      const r = await rdsjob(emu, ['get', ok, '--project-id', PROJECT_ID], {
        bare: true,
        home,
        env: { HUAWEICLOUD_SDK_PROJECT_ID: 'fromenv' },
      });
      expect(r.code).toBe(0);
      expect(emu.requests[0]!.path).toBe(`/v3/${PROJECT_ID}/jobs`);
      // Without the flag the environment wins over the file (the emulator does not know either project: 403).
      emu.reset();
      await rdsjob(emu, ['get', ok], { bare: true, home, env: { HUAWEICLOUD_SDK_PROJECT_ID: 'fromenv' } });
      expect(emu.requests[0]!.path).toBe('/v3/fromenv/jobs');
      emu.reset();
      await rdsjob(emu, ['get', ok], { bare: true, home });
      expect(emu.requests[0]!.path).toBe('/v3/fromfile/jobs');
      // and the region: the file's eu-west-0 loses to the environment's (visible in the derived IAM endpoint)
      const list = await rdsjob(emu, ['config', 'list', '--no-lookup', '-o', 'json'], {
        bare: true,
        home,
        env: { RDSJOB_REGION: REGION },
      });
      expect(JSON.parse(list.stdout).region).toEqual({ value: REGION, source: 'env RDSJOB_REGION' });
    } finally {
      cleanup();
    }
  });

  it('a plaintext KooCLI profile (~/.hcloud/config.json), looking the project id up in IAM and caching it', async () => {
    const { home, cleanup } = tempHome();
    try {
      writeJson(join(home, '.hcloud', 'config.json'), {
        current: 'work',
        profiles: [
          {
            name: 'default',
            mode: 'AKSK',
            accessKeyId: 'HPUAOTHER00000000000',
            secretAccessKey: 'other-secret-other-secret',
            region: 'eu-west-0',
          },
          { name: 'work', mode: 'AKSK', accessKeyId: AK, secretAccessKey: SK, region: REGION },
        ],
      });
      const env = { RDSJOB_ENDPOINT: emu.url, HUAWEICLOUD_SDK_IAM_ENDPOINT: emu.url };
      const first = await rdsjob(emu, ['get', ok], { bare: true, home, env, secrets: ['other-secret-other-secret'] });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(emu.requests.map((q) => q.path)).toEqual(['/v3/projects', `/v3/${PROJECT_ID}/jobs`]);
      expect(emu.requests[0]!.query).toBe(`name=${REGION}`);

      emu.reset();
      const second = await rdsjob(emu, ['get', ok], { bare: true, home, env });
      expect(second.code).toBe(0);
      expect(emu.requests.map((q) => q.path)).toEqual([`/v3/${PROJECT_ID}/jobs`]); // from the cache
    } finally {
      cleanup();
    }
  });

  it('an encrypted KooCLI profile is refused with a fix (exit 3)', async () => {
    const { home, cleanup } = tempHome();
    try {
      writeJson(join(home, '.hcloud', 'config.json'), {
        current: 'default',
        profiles: [
          {
            name: 'default',
            mode: 'AKSK',
            accessKeyId: 'c2FsdGVkX1+Rk3m9zq0Yb6v8pXk2VQ0Hq1bQmR3zJ8=',
            secretAccessKey: 'c2FsdGVkX19mZ2V0aGlzaXNlbmNyeXB0ZWRrZXlkYXRhMTIzNDU2Nzg5MA==',
            region: REGION,
            projectId: PROJECT_ID,
          },
        ],
      });
      const r = await rdsjob(emu, ['get', ok], { bare: true, home, env: { RDSJOB_ENDPOINT: emu.url } });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/encrypt/i);
      expect(r.stderr).toContain('cli-auth-encrypt=false');
      expect(emu.requests).toHaveLength(0);
    } finally {
      cleanup();
    }
  });

  it('no credentials anywhere → exit 3 with a hint, nothing sent', async () => {
    const r = await rdsjob(emu, ['get', ok], {
      bare: true,
      env: { RDSJOB_ENDPOINT: emu.url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID, HUAWEICLOUD_SDK_REGION: REGION },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: .*credentials/m);
    expect(r.stderr).toMatch(/^hint: /m);
    expect(emu.requests).toHaveLength(0);
  });

  it('no region and no endpoint → exit 3', async () => {
    const r = await rdsjob(emu, ['get', ok], { bare: true, env: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/region/);
  });

  it('a corrupt config file → exit 3 naming the file', async () => {
    const { home, cleanup } = tempHome();
    try {
      const path = join(home, '.config', 'rdsjob', 'config.json');
      writeJson(path, {});
      (await import('node:fs')).writeFileSync(path, '{"profiles": {');
      const r = await rdsjob(emu, ['get', ok], { home });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(path);
    } finally {
      cleanup();
    }
  });
});
