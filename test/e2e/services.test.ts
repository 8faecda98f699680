// `--service` end to end: the built binary against one strict emulator per sibling service (each on its own host and
// port, signatures checked over it), for every ending of a wait and for `get`'s table and exact JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SampleJobOptions, serviceJob } from '../../emulator/sample-services.js';
import type { Emulator } from '../../emulator/server.js';
import type { SiblingService } from '../../emulator/types.js';
import { TerminalScreen } from '../support/screen.js';
import { emulator, rdsjob } from './harness.js';

const FAST = ['--interval', '100ms', '--rate-limit', '6000'];
const SERVICES: SiblingService[] = ['taurusdb', 'gaussdb', 'dds', 'geminidb'];
const OPERATION = {
  taurusdb: 'ShowGaussMySqlJobInfo',
  gaussdb: 'ShowJobDetail',
  dds: 'ShowJobDetail',
  geminidb: 'ListJobs',
};

const emus = {} as Record<SiblingService, Emulator>;
beforeAll(async () => {
  for (const service of SERVICES) emus[service] = await emulator({ service, jobs: {} });
});
afterAll(async () => {
  await Promise.all(SERVICES.map((service) => emus[service].close()));
});

describe.each(SERVICES)('--service %s', (service) => {
  let emu: Emulator;
  const job = (id: string, status: string, extra: Omit<SampleJobOptions, 'now'> = {}) =>
    serviceJob(service, id, status, { ...extra, now: Date.now() });
  beforeEach(() => {
    emu = emus[service];
    emu.reset();
    emu.setJob('done', { steps: [job('done', 'Completed')] });
    emu.setJob('progress', { steps: [job('progress', 'Running'), job('progress', 'Completed')] });
    emu.setJob('fails', {
      steps: [job('fails', 'Running'), job('fails', 'Failed', { failReason: 'flavor sold out' })],
    });
    emu.setJob('late', { notFoundPolls: 2, steps: [job('late', 'Completed')] });
    emu.setJob('forever', { steps: [job('forever', 'Running', { progress: '42%' })] });
  });

  it('get: the job as a table, exit 0, from the service’s own API', async () => {
    const r = await rdsjob(emu, ['--service', service, 'get', 'done']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Status\s+Completed/);
    expect(r.stdout).toMatch(/Created\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    expect(r.stdout).toMatch(/Ended\s+.*took 4m/);
    expect(emu.requests.map((q) => [q.api, q.query, q.accepted])).toEqual([[OPERATION[service], 'id=done', true]]);
  });

  it('get --json: the service’s job exactly as received (GeminiDB: the element of `jobs`)', async () => {
    const element = `{"id":"exact","status":"Running","progress":"7%","size":12345678901234567890,"ratio":1.0,"name":"caf\\u00e9"}`;
    const body = service === 'geminidb' ? `{"jobs":[${element}],"total_count":1}` : `{"job":${element}}`;
    emu.setJob('exact', {
      steps: [{ fault: 'raw', status: 200, headers: { 'content-type': 'application/json' }, body }],
    });
    const r = await rdsjob(emu, ['--service', service, 'get', 'exact', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '{\n  "id": "exact",\n  "status": "Running",\n  "progress": "7%",\n  "size": 12345678901234567890,\n  "ratio": 1.0,\n  "name": "caf\\u00e9"\n}\n',
    );
  });

  it('wait: Running → Completed, the progress line reads the service’s progress field, exit 0', async () => {
    const r = await rdsjob(emu, ['--service', service, 'wait', 'progress', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/progress \S+ Running 40%\n/);
    expect(r.stderr).toMatch(/✔ progress \S+ Completed/);
  });

  it('wait: Failed with its reason, exit 1, the Failed job on stdout; a GitHub annotation names the service', async () => {
    const r = await rdsjob(emu, ['--service', service, 'wait', 'fails', '--json', ...FAST], {
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✖ fails \S+ Failed: flavor sold out/);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'fails', status: 'Failed', fail_reason: 'flavor sold out' });
    const title = { taurusdb: 'TaurusDB', gaussdb: 'GaussDB', dds: 'DDS', geminidb: 'GeminiDB' }[service];
    expect(r.stderr).toContain(`::error title=${title} job `);
  });

  it(`not visible yet (${service === 'geminidb' ? 'an empty list' : 'a 404'}), then visible: waited for, exit 0`, async () => {
    const r = await rdsjob(emu, ['--service', service, 'get', 'late', '--wait', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/late not visible yet/);
    const statuses = emu.requests.filter((q) => q.jobId === 'late').map((q) => q.status);
    expect(statuses).toEqual(service === 'geminidb' ? [200, 200, 200] : [404, 404, 200]);
  });

  it('a job never listed: exit 4 after the grace period', async () => {
    const r = await rdsjob(emu, ['--service', service, 'wait', 'ghost', '--not-found-grace', '300ms', ...FAST]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/job ghost not found/);
    // GeminiDB answers 200 with an empty list: the message says that, not "not found (HTTP 200".
    expect(r.stderr).not.toMatch(/HTTP 200/);
    if (service === 'geminidb')
      expect(r.stderr).toMatch(
        /job ghost not found \(GeminiDB lists no job with this id, request id \w+\), still after 300ms\n/,
      );
    const get = await rdsjob(emu, ['--service', service, 'get', 'ghost']);
    expect(get.code).toBe(4);
    // `get` says it in the same sentence, with the same hint.
    const noId = (text: string) => text.replace(/request id \w+/g, 'request id …');
    const [sentence, hint] = noId(get.stderr).split('\n');
    expect(noId(r.stderr)).toContain(`${sentence}, still after 300ms\n${hint}\n`);
  });

  it('timeout: exit 6, the last percentage, and a resume command that repeats --service', async () => {
    const r = await rdsjob(emu, ['--service', service, 'wait', 'forever', '--timeout', '600ms', ...FAST]);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/forever.*Running.*42%/);
    expect(r.stderr).toContain(`rdsjob --service ${service} wait forever --timeout 600ms`);
  });

  it('the endpoint follows the service: the SDKs’ override for this service is used, and --debug names its host', async () => {
    const sdk = { taurusdb: 'GAUSSDB', gaussdb: 'GAUSSDBFOROPENGAUSS', dds: 'DDS', geminidb: 'GAUSSDBFORNOSQL' }[
      service
    ];
    const r = await rdsjob(emu, ['get', 'done', '--debug'], {
      env: {
        RDSJOB_SERVICE: service,
        RDSJOB_ENDPOINT: undefined,
        [`HUAWEICLOUD_SDK_REGION_${sdk}_CN_NORTH_4`]: emu.url,
        HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4: 'http://127.0.0.1:9',
      },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`GET ${emu.url}/v3/`);
  });

  it('list and wait --instance read RDS’s task center: exit 2, saying so, before any request', async () => {
    const list = await rdsjob(emu, ['list'], { env: { RDSJOB_SERVICE: service } });
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(
      new RegExp(
        `^error: tasks and instances are listed for RDS only; the service is ${service} \\(env RDSJOB_SERVICE\\)`,
      ),
    );
    const wait = await rdsjob(emu, ['--service', service, 'wait', '--instance', 'orders-db']);
    expect(wait.code).toBe(2);
    expect(wait.stderr).toMatch(/^error: tasks and instances are listed for RDS only/);
    expect(emu.requests).toEqual([]);
  });
});

describe('TaurusDB’s own statuses', () => {
  let emu: Emulator;
  const job = (id: string, status: string, failReason?: string) =>
    serviceJob('taurusdb', id, status, { now: Date.now(), failReason });
  beforeEach(() => {
    emu = emus.taurusdb;
    emu.reset();
  });

  it('Canceled ends the wait without success: exit 1, reason Canceled', async () => {
    emu.setJob('canceled', { steps: [job('canceled', 'Running'), job('canceled', 'Canceled')] });
    const r = await rdsjob(emu, ['--service', 'taurusdb', 'wait', 'canceled', ...FAST]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✖ canceled \S+ Canceled\n/);
    expect(r.stdout).toMatch(/Status\s+Canceled/);
    expect(r.stdout).toMatch(/Fail reason\s+Canceled/);
  });

  it('Pending and Unauthorized are waited out, shown as received', async () => {
    emu.setJob('pending', {
      steps: [job('pending', 'Pending'), job('pending', 'Unauthorized'), job('pending', 'Completed')],
    });
    const r = await rdsjob(emu, ['--service', 'taurusdb', 'wait', 'pending', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/pending \S+ Pending\n/);
    expect(r.stderr).toMatch(/pending \S+ Unauthorized\n/);
    expect(r.stderr).toMatch(/✔ pending/);
  });
});

describe('choosing a service', () => {
  it('an unknown name: exit 2 listing the names, before any request', async () => {
    const emu = emus.dds;
    emu.reset();
    const r = await rdsjob(emu, ['--service', 'mongo', 'get', 'done']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid --service "mongo": use one of rds, taurusdb, gaussdb, dds, geminidb');
    expect(emu.requests).toEqual([]);
  });

  it('config list shows the service and the endpoint derived from it and the region, with their sources', async () => {
    const r = await rdsjob(undefined, ['config', 'list', '--no-lookup'], {
      env: { RDSJOB_SERVICE: 'taurusdb', HUAWEICLOUD_SDK_REGION: 'ap-southeast-1' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/service\s+taurusdb\s+env RDSJOB_SERVICE/);
    expect(r.stdout).toMatch(/endpoint\s+https:\/\/gaussdbformysql\.ap-southeast-1\.myhuaweicloud\.com\s+derived/);
  });

  it('config set service stores a known name only', async () => {
    const bad = await rdsjob(undefined, ['config', 'set', 'service', 'nosql']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/use one of rds, taurusdb, gaussdb, dds, geminidb/);
  });

  it('a name as the console writes it (GeminiDB) is that service: read from its API, stored in lower case', async () => {
    const emu = emus.geminidb;
    emu.reset();
    emu.setJob('done', { steps: [serviceJob('geminidb', 'done', 'Completed', { now: Date.now() })] });
    const r = await rdsjob(emu, ['--service', 'GeminiDB', 'get', 'done', '--query', 'status']);
    expect(r.stderr).toBe('');
    expect([r.code, r.stdout]).toEqual([0, 'Completed\n']);
    expect(emu.requests.map((q) => q.api)).toEqual(['ListJobs']);
    const dir = mkdtempSync(join(tmpdir(), 'rdsjob-service-case-'));
    try {
      const env = { RDSJOB_CONFIG: join(dir, 'config.json') };
      expect((await rdsjob(undefined, ['config', 'set', 'service', 'TaurusDB'], { env })).code).toBe(0);
      const stored = await rdsjob(undefined, ['config', 'get', 'service'], { env });
      expect([stored.code, stored.stdout]).toEqual([0, 'taurusdb\n']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the programmatic API takes the service as an option', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  async function script(emu: Emulator, body: string, env?: Record<string, string | undefined>) {
    const source = `import * as api from 'rdsjob';\nconst out = await (async () => { ${body} })();\nprocess.stdout.write(JSON.stringify(out));`;
    const r = await rdsjob(emu, [], { command: ['--input-type=module', '-e', source], cwd: root, env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  }

  it('getJob and waitForJobs read GeminiDB’s list into the one job model', async () => {
    const emu = emus.geminidb;
    emu.reset();
    const job = serviceJob('geminidb', 'g1', 'Failed', { now: Date.now(), failReason: 'quota' });
    emu.setJob('g1', { notFoundPolls: 1, steps: [job] });
    const out = await script(
      emu,
      `const waited = await api.waitForJobs(['g1'], { service: 'geminidb', intervalMs: 100 });
       const job = await api.getJob('g1', { service: 'geminidb' });
       return { exitCode: waited.exitCode, status: job.status, created: job.created, start: job.start_time };`,
    );
    expect(out).toEqual({ exitCode: 1, status: 'Failed', created: job.start_time, start: job.start_time });
  });

  it('TaurusDB’s Canceled: waitForJob resolves with it, waitForJobs exits 1', async () => {
    const emu = emus.taurusdb;
    emu.reset();
    emu.setJob('t1', { steps: [serviceJob('taurusdb', 't1', 'Canceled', { now: Date.now() })] });
    const out = await script(
      emu,
      `const job = await api.waitForJob('t1', { service: 'taurusdb' });
       const all = await api.waitForJobs(['t1'], { service: 'taurusdb' });
       return { status: job.status, reason: job.fail_reason, exitCode: all.exitCode };`,
    );
    expect(out).toEqual({ status: 'Canceled', reason: 'Canceled', exitCode: 1 });
  });

  it('listTasks, resolveInstance, waitForInstance with another service: the CLI’s one refusal (exit 2), before the IAM lookup', async () => {
    const emu = emus.dds;
    emu.reset();
    // No project id: a refusal that came after the IAM lookup would show as a request to the emulator's IAM.
    const env = { HUAWEICLOUD_SDK_PROJECT_ID: undefined, RDSJOB_SERVICE: 'dds' };
    const out: [number, string][] = await script(
      emu,
      `const codes = [];
       for (const call of [() => api.listTasks({}), () => api.resolveInstance('orders-db'), () => api.waitForInstance('orders-db')])
         codes.push(await call().then(() => [0, ''], (e) => [api.exitCodeFor(e), e.message]));
       return codes;`,
      env,
    );
    const cli = await Promise.all([
      rdsjob(emu, ['list'], { env }),
      rdsjob(emu, ['wait', '--instance', 'orders-db'], { env }),
    ]);
    expect(emu.requests).toEqual([]);
    // One check, one sentence: the same words and code whichever way in.
    const sentence =
      'tasks and instances are listed for RDS only; the service is dds (env RDSJOB_SERVICE), whose task list rdsjob does not read yet';
    expect(out).toEqual([
      [2, sentence],
      [2, sentence],
      [2, sentence],
    ]);
    for (const r of cli) {
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `error: ${sentence}\nhint: wait for a dds job by its id: rdsjob --service dds wait JOB_ID; or use --service rds\n`,
      );
    }
  });
});

describe('the live view, for another service', () => {
  it('TaurusDB under a terminal: each job with its percentage, then ✔ and ✖ Canceled, the cursor back', async () => {
    const emu = emus.taurusdb;
    emu.reset();
    const job = (id: string, status: string, progress?: string) =>
      serviceJob('taurusdb', id, status, { now: Date.now(), progress });
    emu.setJob('resize', {
      steps: [job('resize', 'Running', '20%'), job('resize', 'Running', '60%'), job('resize', 'Completed')],
    });
    emu.setJob('stopped', {
      steps: [job('stopped', 'Running', '30%'), job('stopped', 'Running', '50%'), job('stopped', 'Canceled')],
    });
    const r = await rdsjob(emu, [], {
      pty: { cols: 100, rows: 20 },
      shell: `rdsjob --service taurusdb wait resize stopped ${FAST.join(' ')} >/dev/null`,
    });
    expect(r.code).toBe(1);
    const screen = new TerminalScreen(100, 20);
    let percentages = false;
    for (const part of r.stdout.split(/(?<=\u001b\[\?2026l)/)) {
      screen.write(part);
      percentages ||= screen.visible().filter((line) => /(resize|stopped) .* \d+%/.test(line)).length === 2;
    }
    expect(percentages).toBe(true);
    const end = screen.lines();
    expect(end.filter((line) => /^✔ resize /.test(line))).toHaveLength(1);
    // How long the job took by its own times (created five minutes before `ended`: serviceJob), as its table says.
    expect(end.filter((line) => /^✖ stopped +CreateGaussDBforMySQLInstance +Canceled +4m$/.test(line))).toHaveLength(1);
    expect(end).not.toContain('  Canceled'); // the status says it: no reason line that only repeats it
    expect(r.stdout.lastIndexOf('\u001b[?25h')).toBeGreaterThan(r.stdout.lastIndexOf('\u001b[?25l'));
  });
});
