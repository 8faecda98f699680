// One wait, one answer (docs/api.md): each situation runs through the binary and through
// `import … from 'rdsjob'` against the same emulator, and both must end with the same exit code (`exitCodeFor` or
// the result's exitCode for the API). Bad input must also send nothing, either way.
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { instance, sampleInstances } from '../../emulator/sample-instances.js';
import { ANALYTICS_DB, ORDERS_DB, resizeRunning } from '../../emulator/sample-tasks.js';
import type { Fault } from '../../emulator/server.js';
import { emulatorPerFile, rdsjob } from './harness.js';
import { job } from '../support/jobs.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FAST = ['--interval', '100ms', '--rate-limit', '6000'];
const API_FAST = 'intervalMs: 100, requestsPerMinute: 6000';
const gone = { fault: 'status', status: 404 } satisfies Fault;
const unavailable = { fault: 'status', status: 503 } satisfies Fault;
const dbs400 = {
  fault: 'raw',
  status: 400,
  headers: { 'content-type': 'application/json' },
  body: '{"error_code":"DBS.200001","error_msg":"Parameter error."}',
} satisfies Fault;

const emu = emulatorPerFile();
beforeEach(() => {
  // Each way in has its own jobs (`api-done`…): the two run at once, and a job's script advances per poll.
  for (const p of ['', 'api-']) {
    emu.setJob(`${p}done`, {
      steps: [job({ id: `${p}done`, status: 'Running', process: '40%' }), job({ id: `${p}done`, status: 'Completed' })],
    });
    emu.setJob(`${p}fails`, { steps: [job({ id: `${p}fails`, status: 'Failed', fail_reason: 'createVM failed.' })] });
    emu.setJob(`${p}forever`, { steps: [job({ id: `${p}forever`, status: 'Running', process: '40%' })] });
    emu.setJob(`${p}seen`, { steps: [job({ id: `${p}seen`, status: 'Running', process: '40%' }), gone] });
    emu.setJob(`${p}flaky`, { steps: [unavailable, unavailable, job({ id: `${p}flaky`, status: 'Completed' })] });
    emu.setJob(`${p}refused`, { steps: [dbs400] });
    emu.setJob(`${p}hung`, { steps: [{ fault: 'hang' }] });
  }
});

/** Runs an ES module body with `api` = the package's exports; it must return the exit code the call ended with. */
async function apiCode<T = number>(body: string): Promise<T> {
  const source = `import * as api from 'rdsjob';
const code = await (async () => { try { ${body} } catch (e) { return api.exitCodeFor(e); } })();
process.stdout.write(JSON.stringify(code));`;
  const r = await rdsjob(emu, [], { command: ['--input-type=module', '-e', source], cwd: root, timeoutMs: 40_000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
}

interface Situation {
  /** Faults to arm before each way in: the two then run one after the other (a fault is consumed once). */
  setup?: () => void;
  cli: string[];
  /** An async body whose return value is the exit code (a result's exitCode); a throw is mapped by exitCodeFor. */
  api: string;
  code: number;
  /** Bad input: nothing may reach the emulator. */
  sendsNothing?: boolean;
  /** More environment for the CLI's run (the API is given the same through its `env` option). */
  env?: Record<string, string>;
}

const wrongEndpoint = () => `${emu.url}/rds`;

/** An RDS time `ms` ago, as ListTasks writes it. */
const ago = (ms: number) => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
const busyDb = instance('5e6f7a8b9c0d44b52637e8f9a0b1c2d3in01', 'busy-db');
const dupPlain = instance('6f7a8b9c0d1e45c63748f9a0b1c2d3e4in01', 'dup-db');
const dupFlexus = instance('7a8b9c0d1e2f46d74859a0b1c2d3e4f5in01', 'dup-db', 'ACTIVE', { type: 'Single' });
/** busy-db: a backup started 2 h ago still Running (then Failed), a recent EIP binding Completed. */
function busySince() {
  const on = { instance_id: busyDb.id, instance_name: busyDb.name, process: '', end_time: ago(-3_600_000) };
  const backup = { ...resizeRunning, ...on, id: 'oldbackup', name: 'CreateManualBackup', create_time: ago(7_200_000) };
  const eip = {
    ...resizeRunning,
    ...on,
    id: 'recenteip',
    name: 'MysqlBindEIP',
    status: 'Completed',
    create_time: ago(120_000),
  };
  emu.setInstances([...sampleInstances(), { steps: [busyDb] }]);
  emu.setTasks([
    { steps: [eip] },
    {
      steps: [
        { ...backup, process: '40' },
        { ...backup, status: 'Failed', fail_reason: 'disk full' },
      ],
    },
  ]);
}

const situations: Record<string, Situation> = {
  'a job that Completes': {
    cli: ['wait', 'done', ...FAST],
    api: `await api.waitForJob('api-done', { ${API_FAST} }); return 0;`,
    code: 0,
  },
  'a job that Fails': {
    cli: ['wait', 'fails', ...FAST],
    api: `return (await api.waitForJobs(['api-fails'], { ${API_FAST} })).exitCode;`,
    code: 1,
  },
  "a seen job's 404 until the deadline": {
    // The CLI's --timeout counts from the process's start: room for a loaded machine's start-up before the first look,
    // so the job is seen Running once and then answers 404 on every later look up to the deadline.
    cli: ['wait', 'seen', '--timeout', '10s', ...FAST],
    api: `await api.waitForJob('api-seen', { ${API_FAST}, timeoutMs: 10000 }); return 0;`,
    code: 5,
  },
  'an outage, then success': {
    cli: ['wait', 'flaky', ...FAST],
    api: `await api.waitForJob('api-flaky', { ${API_FAST} }); return 0;`,
    code: 0,
  },
  'a timeout': {
    cli: ['wait', 'forever', '--timeout', '500ms', ...FAST],
    api: `await api.waitForJob('api-forever', { ${API_FAST}, timeoutMs: 500 }); return 0;`,
    code: 6,
  },
  'a 400 DBS. code still answered after the grace': {
    cli: ['wait', 'refused', '--not-found-grace', '300ms', ...FAST],
    api: `await api.waitForJob('api-refused', { ${API_FAST}, notFoundGraceMs: 300 }); return 0;`,
    code: 4,
  },
  'a bad job id': {
    cli: ['wait', 'x/../y'],
    api: `await api.waitForJob('x/../y'); return 0;`,
    code: 2,
    sendsNothing: true,
  },
  'a negative timeout': {
    cli: ['wait', 'done', '--timeout', '-5'],
    api: `await api.waitForJob('api-done', { timeoutMs: -5 }); return 0;`,
    code: 2,
    sendsNothing: true,
  },
  'an interval of 0': {
    cli: ['wait', 'done', '--interval', '0'],
    api: `await api.waitForJobs(['api-done'], { intervalMs: 0 }); return 0;`,
    code: 2,
    sendsNothing: true,
  },
  'an unknown task status': {
    cli: ['list', '--status', 'nope'],
    api: `await api.listTasks({ status: 'nope' }); return 0;`,
    code: 2,
    sendsNothing: true,
  },
  'a negative since (list)': {
    cli: ['list', '--since', '-1'],
    api: `await api.listTasks({ sinceMs: -1 }); return 0;`,
    code: 2,
    sendsNothing: true,
  },
  'a time window that is none (list)': {
    cli: ['list', '--since', '0'],
    api: `await api.listTasks({ startTime: 1 }); return 0;`,
    code: 2,
    sendsNothing: true,
  },
  'a limit of 0 (list)': {
    cli: ['list', '--limit', '0'],
    api: `await api.listTasks({ limit: 0 }); return 0;`,
    code: 2,
    sendsNothing: true,
  },
  'a negative since (an instance)': {
    cli: ['wait', '--instance', ORDERS_DB.name, '--since', '-5'],
    api: `return (await api.waitForInstance('${ORDERS_DB.name}', { since: -5 })).exitCode;`,
    code: 2,
    sendsNothing: true,
  },
  'a not-found grace without since (an instance)': {
    cli: ['wait', '--instance', ORDERS_DB.name, '--not-found-grace', '1s'],
    api: `return (await api.waitForInstance('${ORDERS_DB.name}', { notFoundGraceMs: 1000 })).exitCode;`,
    code: 2,
    sendsNothing: true,
  },
  'an unknown instance': {
    cli: ['wait', '--instance', 'no-such-db', ...FAST],
    api: `return (await api.waitForInstance('no-such-db', { ${API_FAST} })).exitCode;`,
    code: 4,
  },
  'a name two instances share': {
    cli: ['wait', '--instance', 'reporting', ...FAST],
    api: `return (await api.waitForInstance('reporting', { ${API_FAST} })).exitCode;`,
    code: 2,
  },
  'a Running task older than the --since window (it Fails)': {
    setup: busySince,
    cli: ['wait', '--instance', 'busy-db', '--since', '10m', ...FAST],
    api: `return (await api.waitForInstance('busy-db', { ${API_FAST}, since: 600000 })).exitCode;`,
    code: 1,
  },
  'a name shared by an RDS and a Flexus instance': {
    setup: () => emu.setInstances([...sampleInstances(), { steps: [dupPlain] }, { steps: [dupFlexus], flexus: true }]),
    cli: ['wait', '--instance', 'dup-db', ...FAST],
    api: `return (await api.waitForInstance('dup-db', { ${API_FAST} })).exitCode;`,
    code: 2,
  },
  'an outage while resolving an instance is ridden out within the timeout': {
    setup: () => emu.failInstanceList(unavailable, unavailable, unavailable, unavailable),
    cli: ['wait', '--instance', ANALYTICS_DB.name, '--timeout', '60s', ...FAST],
    api: `return (await api.waitForInstance('${ANALYTICS_DB.name}', { ${API_FAST}, timeoutMs: 60000 })).exitCode;`,
    code: 0,
  },
  'a get whose server never answers, within RDSJOB_API_TIMEOUT': {
    cli: ['get', 'hung'],
    env: { RDSJOB_API_TIMEOUT: '3s' },
    api: `await api.getJob('api-hung', { env: { ...process.env, RDSJOB_API_TIMEOUT: '3s' } }); return 0;`,
    code: 5,
  },
  'a gateway that knows no such API (APIGW.0101) under a job wait': {
    cli: ['wait', 'done', '--endpoint', '$WRONG', ...FAST],
    api: `await api.waitForJob('api-done', { ${API_FAST}, endpoint: process.env.RDSJOB_ENDPOINT + '/rds' }); return 0;`,
    code: 5,
  },
  'a gateway that knows no such API (APIGW.0101) resolving an instance': {
    cli: ['wait', '--instance', ORDERS_DB.name, '--endpoint', '$WRONG', ...FAST],
    api: `return (await api.waitForInstance('${ORDERS_DB.name}', { ${API_FAST}, endpoint: process.env.RDSJOB_ENDPOINT + '/rds' })).exitCode;`,
    code: 5,
  },
  'a gateway that knows no such API (APIGW.0101) listing tasks': {
    cli: ['list', '--endpoint', '$WRONG'],
    api: `await api.listTasks({}, { endpoint: process.env.RDSJOB_ENDPOINT + '/rds' }); return 0;`,
    code: 5,
  },
};

describe('the binary and the API give the same exit code', () => {
  it.each(Object.entries(situations))(
    '%s',
    async (_name, s) => {
      const cli = () =>
        rdsjob(
          emu,
          s.cli.map((arg) => (arg === '$WRONG' ? wrongEndpoint() : arg)),
          // The harness's limit, not a bound on rdsjob: the longest situation waits 10 s, on a machine that may be loaded.
          { timeoutMs: 40_000, env: s.env },
        );
      let codes: [number | null, number];
      if (s.setup === undefined) {
        const [c, a] = await Promise.all([cli(), apiCode(s.api)]);
        codes = [c.code, a];
      } else {
        s.setup();
        const c = await cli();
        s.setup();
        codes = [c.code, await apiCode(s.api)];
      }
      expect({ cli: codes[0], api: codes[1] }).toEqual({ cli: s.code, api: s.code });
      if (s.sendsNothing) expect(emu.requests).toEqual([]);
    },
    60_000,
  );
});

describe('an aborted signal is the CLI interrupted (130), never a raw AbortError (70)', () => {
  it('Ctrl-C during a wait: 130', async () => {
    const r = await rdsjob(emu, ['wait', 'forever', ...FAST], {
      // Once the run handles SIGINT and the first look went out (the emulator's log says when).
      onSpawn: (child, handling) => {
        void handling('SIGINT').then(() => {
          const sent = setInterval(() => {
            if (emu.requests.length === 0) return;
            clearInterval(sent);
            child.kill('SIGINT');
          }, 5);
        });
      },
    });
    expect(r.code).toBe(130);
  });

  it('every function of the API, aborted before or while it runs: 130 (one script)', async () => {
    const calls: Record<string, string> = {
      getJob: `await api.getJob('api-done', { signal: AbortSignal.abort() })`,
      listTasks: `await api.listTasks({}, { signal: AbortSignal.abort() })`,
      resolveInstance: `await api.resolveInstance('${ORDERS_DB.name}', { signal: AbortSignal.abort() })`,
      waitForJob: `await api.waitForJob('api-forever', { signal: AbortSignal.abort() })`,
      waitForJobs: `return (await api.waitForJobs(['api-forever'], { signal: AbortSignal.abort() })).exitCode`,
      waitForInstance: `return (await api.waitForInstance('${ORDERS_DB.name}', { signal: AbortSignal.abort() })).exitCode`,
      'waitForJob, aborted while it waits': `const c = new AbortController(); setTimeout(() => c.abort(), 300);
        await api.waitForJob('api-forever', { ${API_FAST}, signal: c.signal })`,
    };
    const body = Object.entries(calls)
      .map(
        ([name, call]) =>
          `codes[${JSON.stringify(name)}] = await (async () => { try { ${call}; return 0; } catch (e) { return api.exitCodeFor(e); } })();`,
      )
      .join('\n');
    const codes = await apiCode(`const codes = {};\n${body}\nreturn codes;`);
    expect(codes).toEqual(Object.fromEntries(Object.keys(calls).map((name) => [name, 130])));
  });
});
