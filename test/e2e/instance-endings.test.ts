// The instance path tells the truth (docs/instances.md): --since and a Running task older than
// the window, a name shared by an RDS and a Flexus instance, how an instance wait ends (stderr, the step summary),
// ENDED/TOOK from what the wait saw, the permission a 403 names — the built binary against the emulator, and the
// programmatic API beside it where the contract asks for one answer.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { instance, ordersDb, sampleInstances } from '../../emulator/sample-instances.js';
import { ORDERS_DB, resizeRunning } from '../../emulator/sample-tasks.js';
import type { Emulator } from '../../emulator/server.js';
import type { InstanceScript, TaskRecord } from '../../emulator/types.js';
import { emulator, rdsjob } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FAST = ['--interval', '100ms', '--rate-limit', '6000'];

let emu: Emulator;
let dir: string;
beforeAll(async () => {
  emu = await emulator({ tasks: [] });
  dir = mkdtempSync(join(tmpdir(), 'rdsjob-instance-'));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  emu.reset();
  emu.setTasks([]);
  emu.setInstances(sampleInstances());
});

/** An RDS time `ms` before now, as ListTasks writes it. */
const ago = (ms: number) => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
/** A task on `on` created `createdAgo` ms ago, whose `end_time` is its planned end (two hours after its start). */
function task(
  id: string,
  name: string,
  status: string,
  createdAgo: number,
  on: { id: string; name: string } = ORDERS_DB,
): TaskRecord {
  return {
    ...resizeRunning,
    id,
    name,
    instance_id: on.id,
    instance_name: on.name,
    status,
    process: status === 'Running' ? '40' : '',
    create_time: ago(createdAgo),
    end_time: ago(createdAgo - 2 * 3_600_000),
  };
}
const done = (t: TaskRecord): TaskRecord => ({ ...t, status: 'Completed', process: '' });

const busyDb = instance('5e6f7a8b9c0d44b52637e8f9a0b1c2d3in01', 'busy-db');
const dupPlain = instance('6f7a8b9c0d1e45c63748f9a0b1c2d3e4in01', 'dup-db');
const dupFlexus = instance('7a8b9c0d1e2f46d74859a0b1c2d3e4f5in01', 'dup-db', 'ACTIVE', { type: 'Single' });
const withBusy = (): InstanceScript[] => [...sampleInstances(), { steps: [busyDb] }];
const withDup = (): InstanceScript[] => [
  ...sampleInstances(),
  { steps: [dupPlain] },
  { steps: [dupFlexus], flexus: true },
];

/** An old backup still Running (busy for two more looks) and a recent EIP binding already Completed. */
function busyTasks() {
  const backup = task('0ldbackup0000000000000000000000a1', 'CreateManualBackup', 'Running', 2 * 3_600_000, busyDb);
  const eip = task('recenteip000000000000000000000b2', 'MysqlBindEIP', 'Completed', 120_000, busyDb);
  emu.setTasks([{ steps: [eip] }, { steps: [backup, backup, done(backup)] }]);
  return { backup, eip };
}

const queries = (api: string) =>
  emu.requests.filter((r) => r.api === api).map((r) => Object.fromEntries(new URLSearchParams(r.query)));

/** The programmatic API in a child process (`import * as api from 'rdsjob'`): the JSON value the body returns. */
async function api(body: string): Promise<unknown> {
  const source = `import * as api from 'rdsjob';\nconst out = await (async () => { ${body} })();\nprocess.stdout.write(JSON.stringify(out));`;
  const r = await rdsjob(emu, [], { command: ['--input-type=module', '-e', source], cwd: root });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('--since: a Running task of any age keeps the instance busy', () => {
  it('an old backup still Running is waited out and belongs to the result, beside the recent task', async () => {
    const { backup, eip } = busyTasks();
    emu.setInstances(withBusy());
    const r = await rdsjob(emu, ['wait', '--instance', 'busy-db', '--since', '10m', '--json', ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).map((t: TaskRecord) => [t.id, t.status])).toEqual([
      [eip.id, 'Completed'],
      [backup.id, 'Completed'],
    ]);
    expect(r.stderr).toContain('CreateManualBackup Running 40%');
    // Each look asks for the window and, without it, for the instance's Running tasks.
    expect(queries('ListTasks')).toContainEqual({
      instance_id: busyDb.id,
      status: 'Running',
      offset: '0',
      limit: '50',
    });
  });

  it('the programmatic waitForInstance waits the same, with the CLI exit code', async () => {
    const { backup, eip } = busyTasks();
    emu.setInstances(withBusy());
    const out = await api(`
      const r = await api.waitForInstance('busy-db', { since: 600000, intervalMs: 20, requestsPerMinute: 6000 });
      return { code: r.exitCode, outcome: r.outcome, tasks: r.tasks.map((t) => [t.id, t.outcome]) };`);
    expect(out).toEqual({
      code: 0,
      outcome: 'completed',
      tasks: [
        [eip.id, 'completed'],
        [backup.id, 'completed'],
      ],
    });
  });
});

describe('a name shared by an RDS and a Flexus instance', () => {
  const expected =
    'error: 2 instances are named dup-db:\n' +
    `  ${dupPlain.id}  ACTIVE  Ha  RDS\n` +
    `  ${dupFlexus.id}  ACTIVE  Single  Flexus\n` +
    'hint: give the id with --instance\n';

  it.each([
    ['list', ['list', '--instance', 'dup-db']],
    ['wait', ['wait', '--instance', 'dup-db']],
  ])('%s: exit 2, every candidate with its listing; both listings asked by name, no task listed', async (_, args) => {
    emu.setInstances(withDup());
    const r = await rdsjob(emu, args);
    expect(r.stderr).toBe(expected);
    expect(r.code).toBe(2);
    expect(queries('ListInstances')).toEqual(
      expect.arrayContaining([{ name: 'dup-db' }, { name: 'dup-db', group_type: 'flexus' }]),
    );
    expect(queries('ListInstances')).toHaveLength(2);
    expect(queries('ListTasks')).toEqual([]);
  });

  it('resolveInstance rejects it and waitForInstance ends with it as the CLI does (exit 2)', async () => {
    emu.setInstances(withDup());
    const out = await api(`
      let resolved;
      try { await api.resolveInstance('dup-db'); resolved = 'resolved'; } catch (e) { resolved = [e instanceof api.UsageError, api.exitCodeFor(e), e.message.split('\\n').length]; }
      const r = await api.waitForInstance('dup-db', { requestsPerMinute: 6000 });
      return { resolved, waited: [r.outcome, r.error instanceof api.UsageError, r.exitCode, r.tasks.length] };`);
    expect(out).toEqual({ resolved: [true, 2, 3], waited: ['error', true, 2, 0] });
  });

  it('a name only the Flexus listing has is still found, with both listings asked at once', async () => {
    const r = await rdsjob(emu, ['list', '--instance', 'edge-db', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(queries('ListInstances')).toHaveLength(2);
  });
});

describe('how an instance wait ends', () => {
  const summaryFile = (name: string) => join(dir, `${name}.md`);
  const actions = (file: string) => ({ env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file } });

  it('FROZEN under a plain wait: the status is the reason, never --fail-fast (stderr and step summary)', async () => {
    emu.setTasks([{ steps: [resizeRunning] }]);
    emu.setInstances([{ steps: [ordersDb, { ...ordersDb, status: 'MODIFYING' }, { ...ordersDb, status: 'FROZEN' }] }]);
    const file = summaryFile('frozen');
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', ...FAST], actions(file));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('--fail-fast');
    expect(r.stderr).toContain('error: instance orders-db is FROZEN: no wait makes it free\n');
    expect(r.stderr).toContain(
      `1 task still running on instance orders-db when it became FROZEN:\n  ${resizeRunning.id}  ResizeFlavor Running 30%\n`,
    );
    const summary = readFileSync(file, 'utf8');
    expect(summary).not.toContain('--fail-fast');
    expect(summary).toContain(`| ${resizeRunning.id} | ResizeFlavor | stopped (instance FROZEN) |`);
  });

  it('STORAGE FULL with no task: the summary names the instance, its status and the ending; an ::error', async () => {
    emu.setInstances([{ steps: [ordersDb, { ...ordersDb, status: 'STORAGE FULL' }] }]);
    const file = summaryFile('full');
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', ...FAST], actions(file));
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(
      '### rdsjob wait --instance orders-db: STORAGE FULL\n\n' +
        '| Instance | Last status | Ending |\n' +
        '| --- | --- | --- |\n' +
        `| orders-db (${ORDERS_DB.id}) | STORAGE FULL | STORAGE FULL: no wait makes it free |\n\n` +
        'No task ran on the instance during the wait.\n\n',
    );
    expect(r.stderr).toContain(
      '::error title=RDS instance orders-db is STORAGE FULL::scale up the storage (or free space), then run the change again\n',
    );
  });

  it('--since with no task in the window (exit 4): the summary says so, not "no tasks"', async () => {
    const file = summaryFile('no-task');
    const r = await rdsjob(
      emu,
      ['wait', '--instance', 'orders-db', '--since', '5m', '--not-found-grace', '300ms', ...FAST],
      actions(file),
    );
    expect(r.code).toBe(4);
    const summary = readFileSync(file, 'utf8');
    expect(summary).toMatch(/^### rdsjob wait --instance orders-db: no task in the --since window\n/);
    expect(summary).toContain('| ACTIVE | no task started on instance orders-db in the last 5m |');
    expect(r.stderr).toContain(
      '::error title=RDS instance orders-db::no task started on instance orders-db in the last 5m',
    );
  });

  it('deleted while a task ran (exit 4): the instance is gone, its task was stopped, not "not found"', async () => {
    emu.setTasks([{ steps: [resizeRunning] }]);
    emu.setInstances([{ steps: [ordersDb, { ...ordersDb, status: 'MODIFYING' }, null] }]);
    const file = summaryFile('deleted');
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', ...FAST], actions(file));
    expect(r.code).toBe(4);
    const summary = readFileSync(file, 'utf8');
    expect(summary).toMatch(/^### rdsjob wait --instance orders-db: deleted\n/);
    expect(summary).toContain('| MODIFYING | instance orders-db no longer exists (deleted) |');
    expect(summary).toContain(`| ${resizeRunning.id} | ResizeFlavor | stopped (instance deleted) |`);
    expect(summary).not.toContain('not found');
  });

  it('free after a task: the summary says free, with the task', async () => {
    const running = task('quicktask000000000000000000000c3', 'MysqlBindEIP', 'Running', 5_000);
    emu.setTasks([{ steps: [running, done(running)] }]);
    const file = summaryFile('free');
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', ...FAST], actions(file));
    expect(r.code, r.stderr).toBe(0);
    const summary = readFileSync(file, 'utf8');
    expect(summary).toMatch(/^### rdsjob wait --instance orders-db: free\n/);
    expect(summary).toContain('| ACTIVE | free (no running task, ACTIVE) |');
    expect(summary).toMatch(/\| quicktask0{21}c3 \| MysqlBindEIP \| Completed \| ~\d+s \| - \|/);
  });
});

describe('a timeout says what kept the instance from being free', () => {
  it('BACKING UP with no task: the status, no dangling colon', async () => {
    emu.setInstances([{ steps: [ordersDb, { ...ordersDb, status: 'BACKING UP' }] }]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--timeout', '1s', ...FAST]);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('error: timed out after 1s: instance orders-db is BACKING UP, no task running\n');
    expect(r.stderr).not.toContain('0 tasks');
    expect(r.stderr).toContain('resume with: rdsjob wait --instance orders-db --timeout 1s');
  });

  it('--since before any task of the window showed up', async () => {
    const args = 'wait --instance orders-db --since 5m --timeout 1s --not-found-grace 1m'.split(' ');
    const r = await rdsjob(emu, [...args, ...FAST]);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('error: timed out after 1s: no task started on instance orders-db in the last 5m yet\n');
  });

  it('an API that never answered a look: says so, with the last failure (exit 5)', async () => {
    emu.failTaskList(...Array.from({ length: 40 }, () => ({ fault: 'status' as const, status: 503 })));
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--timeout', '1s', ...FAST]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(
      /error: timed out after 1s: no look at instance orders-db was answered \(last attempt failed: RDS API error 503 /,
    );
    expect(r.stderr).not.toContain('0 tasks');
  });
});

describe('ENDED and TOOK from what the wait saw', () => {
  it('a task seen ending: ~ENDED and ~TOOK from the look that found it finished; one finished at the first look: -', async () => {
    const before = task('finishedbefore00000000000000000d4', 'CreateManualBackup', 'Completed', 60_000);
    const quick = task('quicktask000000000000000000000c3', 'MysqlBindEIP', 'Running', 3_000);
    emu.setTasks([{ steps: [before] }, { steps: [quick, done(quick)] }]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--since', '10m', ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]!.split(/ {2,}/)).toEqual([
      'ID',
      'NAME',
      'STATUS',
      'PROGRESS',
      'INSTANCE',
      'CREATED',
      'ENDED',
      'TOOK',
    ]);
    const cells = (id: string) => rows.find((row) => row.startsWith(id))!.split(/ {2,}/);
    expect(cells(before.id!).slice(6)).toEqual(['-', '-']);
    const [ended, took] = cells(quick.id!).slice(6);
    expect(ended).toMatch(/^~\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+00:00$/);
    expect(Date.parse(ended!.slice(1).replace(' +00:00', 'Z').replace(' ', 'T'))).toBeLessThanOrEqual(Date.now());
    expect(took).toMatch(/^~\d+s$/);
  });

  it('the JSON keeps end_time as received', async () => {
    const quick = task('quicktask000000000000000000000c3', 'MysqlBindEIP', 'Running', 3_000);
    emu.setTasks([{ steps: [quick, done(quick)] }]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--json', ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([done(quick)]);
  });
});

describe('a 403 names the permission the failing API needs', () => {
  it.each([
    ['ListInstances', 'rds:instance:listAll', () => emu.failInstanceList({ fault: 'status', status: 403 })],
    ['ListTasks', 'rds:task:listAll', () => emu.failTaskList({ fault: 'status', status: 403 })],
  ])('%s: %s', async (_, permission, fail) => {
    fail();
    const r = await rdsjob(emu, ['list', '--instance', 'orders-db']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`the IAM permission ${permission}`);
    expect(r.stderr.match(/rds:\w+:listAll/g)).toEqual([permission]);
  });
});
