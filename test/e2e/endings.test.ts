// Every ending tells the truth (docs/ci.md, docs/instances.md, README § Exit codes): the paths nobody
// scripted, each through the built binary against the emulator, with the exit code a pipeline would read.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANALYTICS_DB, eipFailed, ORDERS_DB, resizeRunning } from '../../emulator/sample-tasks.js';
import type { Emulator } from '../../emulator/server.js';
import { emulator, rdsjob } from './harness.js';
import { job } from '../support/jobs.js';

const FAST = ['--interval', '100ms', '--rate-limit', '6000'];
const notFound = {
  fault: 'status' as const,
  status: 404,
  body: JSON.stringify({ error_code: 'DBS.201204', error_msg: 'The job does not exist.' }),
};

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.reset();
});

describe('what never worked is a configuration problem', () => {
  it('wait on a mistyped endpoint ends at once: exit 5, the host named, the likely fix (not an hour of retries)', async () => {
    const r = await rdsjob(emu, ['wait', 'some-job', '--endpoint', 'https://rds.typo.invalid', '--timeout', '60s']);
    expect(r.code).toBe(5);
    // Exactly these two lines: no retry line, no "not visible yet", no timeout — it ended at the first failure.
    expect(r.stderr).toBe(
      'error: cannot reach rds.typo.invalid: host not found (DNS)\n' +
        'hint: check --endpoint (or RDSJOB_ENDPOINT) and --region: the host name does not resolve\n',
    );
  });

  it('get on it fails just as fast, with the same words', async () => {
    const r = await rdsjob(emu, ['get', 'some-job', '--endpoint', 'https://rds.typo.invalid']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: cannot reach rds\.typo\.invalid: host not found \(DNS\)\n/);
  });
});

describe('a timed-out wait', () => {
  it('whose job was seen and then answers 404 until the end exits 5, never 4 ("no such job")', async () => {
    emu.setJob('seen', { steps: [job({ id: 'seen', status: 'Running', process: '40%' }), notFound] });
    const r = await rdsjob(emu, ['wait', 'seen', '--timeout', '4s', ...FAST]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(
      /error: timed out after 4s with 1 job unfinished:\n {2}seen {2}CreateMysqlSingleHAInstance Running 40% \(last attempt failed: job seen not found/,
    );
  });

  it('whose job was last seen Running exits 6', async () => {
    emu.setJob('slow', { steps: [job({ id: 'slow', status: 'Running', process: '40%' })] });
    const r = await rdsjob(emu, ['wait', 'slow', '--timeout', '1s', ...FAST]);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('resume with: rdsjob wait slow --timeout 1s --interval 100ms --rate-limit 6000');
  });
});

describe('a gateway that knows no such API (APIGW.0101: a wrong endpoint or path)', () => {
  // Never "not found" nor "not visible yet": exit 5 at once, once, naming the endpoint and the likely fix.
  it.each([
    ['a job wait', ['wait', 'some-job', '--not-found-grace', '60s', ...FAST]],
    ['an instance wait', ['wait', '--instance', ORDERS_DB.name, ...FAST]],
    ['list --instance', ['list', '--instance', ORDERS_DB.name]],
  ])('%s: exit 5 at once, the endpoint named', async (_name, args) => {
    const wrong = `${emu.url}/rds`;
    const r = await rdsjob(emu, [...args, '--endpoint', wrong]);
    expect(r.code).toBe(5);
    expect(r.stderr.match(/^error:/gm)).toHaveLength(1);
    expect(r.stderr).toContain(`error: the API gateway at ${wrong} knows no such RDS API (HTTP 404, APIGW.0101: `);
    expect(r.stderr).toMatch(/^hint: check --endpoint \(or RDSJOB_ENDPOINT\).*--service and --region$/m);
    expect(r.stderr).not.toMatch(/not (visible|found)/);
    // One request (an instance's name: both listings at once): nothing waited out a grace or retried.
    const asked = emu.requests.map((q) => q.query);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.length).toBe(args[1] === '--instance' ? 2 : 1);
  });
});

describe('a 400 with an RDS code still answered after the grace', () => {
  it('is "not found" (exit 4), saying what RDS answered', async () => {
    emu.setJob('refused', {
      steps: [
        {
          fault: 'raw',
          status: 400,
          headers: { 'Content-Type': 'application/json' },
          body: '{"error_code":"DBS.200001","error_msg":"Parameter error."}',
        },
      ],
    });
    const r = await rdsjob(emu, ['wait', 'refused', '--not-found-grace', '1s', ...FAST]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(
      /^error: job refused not found \(HTTP 400, DBS\.200001, request id [0-9a-f]+\), still after 1s$/m,
    );
  });
});

describe('an outage while resolving --instance REF', () => {
  it('is ridden out within --timeout, like any outage of the wait: exit 0', async () => {
    emu.failInstanceList(...Array.from({ length: 4 }, () => ({ fault: 'status' as const, status: 503 })));
    const r = await rdsjob(emu, ['wait', '--instance', ANALYTICS_DB.name, '--timeout', '60s', ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    // Each attempt asks both listings by name at once: the four 503s fail two attempts.
    expect(r.stderr.match(/RDS API error 503 .*retrying in/g)).toHaveLength(2);
    expect(r.stderr).toContain(`instance ${ANALYTICS_DB.name} is free (no running task, ACTIVE)`);
  });
});

describe('Retry-After beyond the deadline', () => {
  it('ends the wait at once with exit 5 and says so, never "timed out"', async () => {
    emu.setJob('busy', {
      steps: [job({ id: 'busy', status: 'Running', process: '40%' }), { fault: 'throttle', retryAfter: '3600' }],
    });
    const r = await rdsjob(emu, ['wait', 'busy', '--timeout', '10s', ...FAST]);
    expect(r.code).toBe(5);
    // At once: the look that was throttled was the last (no retry waited for the hour, nor for --timeout).
    expect(emu.requests.map((q) => q.status)).toEqual([200, 429]);
    expect(r.stderr).toContain('error: job busy: throttled: RDS asks to wait 1h, beyond --timeout');
    expect(r.stderr).not.toContain('timed out');
  });
});

describe('wait --instance: tasks are tasks, and the task center may lag', () => {
  it('a task that left Running but is not listed yet is looked for again, not "not found": exit 0', async () => {
    const done = { ...resizeRunning, status: 'Completed', process: '' };
    emu.setTasks([{ steps: [resizeRunning, null, null, done] }]);
    const r = await rdsjob(emu, ['wait', '--instance', ORDERS_DB.id, '--json', ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([done]);
    // The retry line names the task it is about, not the instance, and calls it a task.
    expect(r.stderr).toMatch(
      new RegExp(`Z ${resizeRunning.id} task ${resizeRunning.id} left Running and is not listed yet; retrying in`),
    );
  });

  it('a Failed task: the annotation says task, the table has ENDED, TOOK and REASON', async () => {
    emu.setTasks([{ steps: [{ ...eipFailed, status: 'Running', process: '50' }, eipFailed] }]);
    const r = await rdsjob(emu, ['wait', '--instance', ANALYTICS_DB.id, ...FAST], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('::error title=RDS task MysqlBindEIP failed::');
    const [head, row] = r.stdout.trimEnd().split('\n');
    expect(head).toMatch(/^ID +NAME +STATUS +PROGRESS +INSTANCE +CREATED +ENDED +TOOK +REASON$/);
    // ENDED and TOOK as the wait saw it end (end_time is the planned end, two hours after the start).
    expect(row).toMatch(
      / Failed +- +analytics-db .* ~[\d-]+ [\d:]+ \+00:00 +~\w+ +The EIP is already bound to another resource\.$/,
    );
    expect(row).not.toMatch(/ 2h /);
  });

  it('a 400 once a task is seen: one error line (not one more per task), exit 5', async () => {
    emu.setTasks([{ steps: [resizeRunning] }]);
    const refused = {
      fault: 'raw' as const,
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: '{"error_code":"DBS.200001","error_msg":"Parameter error."}',
    };
    const r = await rdsjob(emu, ['wait', '--instance', ORDERS_DB.id, '--interval', '1s', '--rate-limit', '6000'], {
      // The next look is refused, once the first has seen the task Running (the emulator's log says when).
      onSpawn: () => {
        const armed = setInterval(() => {
          if (emu.requests.some((q) => q.api === 'ListTasks')) {
            clearInterval(armed);
            emu.failTaskList(refused);
          }
        }, 5);
      },
    });
    expect(r.code).toBe(5);
    expect(r.stderr.match(/^error:/gm)).toHaveLength(1);
  });
});

describe('smaller untruths', () => {
  it('--json with -o table asks for two formats: exit 2, nothing sent', async () => {
    const r = await rdsjob(emu, ['get', 'x', '--json', '-o', 'table']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^error: --json and -o table ask for two output formats\n/);
    expect(emu.requests).toHaveLength(0);
  });

  it("list --name '' is refused (it would send name=): exit 2, nothing sent", async () => {
    const r = await rdsjob(emu, ['list', '--name', '']);
    expect(r.code).toBe(2);
    expect(emu.requests).toHaveLength(0);
  });

  it('list: when the pages run out before total_count, the note does not suggest --limit', async () => {
    const tasks = Array.from({ length: 3 }, (_, i) => ({ ...resizeRunning, id: `t${i}` }));
    const body = JSON.stringify({ tasks, actions: [], total_count: 1000 });
    const page = { fault: 'raw' as const, status: 200, headers: { 'Content-Type': 'application/json' }, body };
    const empty = { ...page, body: JSON.stringify({ tasks: [], actions: [], total_count: 1000 }) };
    emu.failTaskList(page, empty);
    const r = await rdsjob(emu, ['list', '--limit', '60']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('showing 3 of 1000 tasks: the API listed no more than these (its total_count says 1000)\n');
  });

  it('a task list with an entry that is not an object says so: exit 5', async () => {
    const body = JSON.stringify({ tasks: [resizeRunning, 'oops'], total_count: 2 });
    emu.failTaskList({ fault: 'raw', status: 200, headers: { 'Content-Type': 'application/json' }, body });
    const r = await rdsjob(emu, ['list']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: response lists a task that is not an object \(entry 2 of 2\)/);
  });

  it('FORCE_COLOR colours the plain progress lines on a pipe too (no cursor movement)', async () => {
    emu.setJob('fails', { steps: [job({ id: 'fails', status: 'Failed', fail_reason: 'createVM failed.' })] });
    const r = await rdsjob(emu, ['wait', 'fails', ...FAST], { env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('\u001b[31m✖\u001b[39m fails CreateMysqlSingleHAInstance Failed: createVM failed.');
    expect(r.stderr).not.toMatch(/\u001b\[(\?25[lh]|\d*[ABGJK])/);
  });
});
