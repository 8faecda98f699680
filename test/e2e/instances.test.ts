// Free means free (docs/instances.md): `--instance REF` by id or name, and `wait --instance`
// until no task runs and the instance is ACTIVE — the built binary against the emulator's ListTasks and
// ListInstances, with the requests each step costs counted from the emulator's log.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  analyticsDb,
  edgeDb,
  fullDb,
  ordersDb,
  reportingA,
  reportingB,
  sampleInstances,
} from '../../emulator/sample-instances.js';
import { eipFailed, resizeRunning } from '../../emulator/sample-tasks.js';
import type { TaskRecord } from '../../emulator/types.js';
import { emulatorPerFile, rdsjob } from './harness.js';

const FAST = ['--interval', '100ms', '--rate-limit', '6000'];

const emu = emulatorPerFile();
beforeEach(() => {
  emu.setInstances(sampleInstances());
});

const apis = () => emu.requests.map((r) => r.api);
const queries = (api: string) =>
  emu.requests.filter((r) => r.api === api).map((r) => Object.fromEntries(new URLSearchParams(r.query)));

/** Both listings by name go out together: in either order. */
const byName = (name: string) => [{ name }, { name, group_type: 'flexus' }];
const sorted = (qs: Record<string, string>[]) => {
  const [a, b, ...rest] = qs;
  return [a, b].sort((x, y) => Object.keys(x!).length - Object.keys(y!).length).concat(rest);
};

describe('--instance REF: resolved once, with as few requests as it takes', () => {
  it.each([
    ['an id: one request, by id', analyticsDb.id, [{ id: analyticsDb.id }]],
    ['a name: both listings by name', 'analytics-db', byName('analytics-db')],
    [
      'a name-like REF that is an id (not id-shaped): by name, then by id',
      'legacy_id_1',
      [...byName('legacy_id_1'), { id: 'legacy_id_1' }],
    ],
    ['a Flexus instance: found by name in the Flexus listing', 'edge-db', byName('edge-db')],
  ])('%s', async (_name, ref, expected) => {
    emu.setInstances([...sampleInstances(), { steps: [{ ...analyticsDb, id: 'legacy_id_1', name: 'legacy' }] }]);
    const r = await rdsjob(emu, ['list', '--instance', ref, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(expected.length === 1 ? queries('ListInstances') : sorted(queries('ListInstances'))).toEqual(expected);
    const wanted = ref === 'edge-db' ? edgeDb.id : ref === 'legacy_id_1' ? 'legacy_id_1' : analyticsDb.id;
    expect(queries('ListTasks')[0]).toMatchObject({ instance_id: wanted });
  });

  it('unknown: exit 4, "not found", names are case-sensitive; no task listed', async () => {
    const r = await rdsjob(emu, ['list', '--instance', 'Analytics-DB']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^error: instance Analytics-DB not found\nhint: names are case-sensitive/);
    expect(apis()).not.toContain('ListTasks');
  });

  it('a name two instances share: exit 2, one line per candidate (id, status, type, listing), asking for the id', async () => {
    const r = await rdsjob(emu, ['wait', '--instance', 'reporting']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: 2 instances are named reporting:\n' +
        `  ${reportingA.id}  ACTIVE  Single  RDS\n` +
        `  ${reportingB.id}  BACKING UP  Replica  RDS\n` +
        'hint: give the id with --instance\n',
    );
    expect(apis()).toEqual(['ListInstances', 'ListInstances']);
  });

  it.each([['*db'], ['x/../y'], ['']])('a bad REF %j: exit 2 before any request', async (ref) => {
    const r = await rdsjob(emu, ['wait', '--instance', ref]);
    expect(r.code).toBe(2);
    expect(emu.requests).toHaveLength(0);
  });
});

describe('wait --instance: free = no Running task and ACTIVE', () => {
  it('waits out BACKING UP after the task ended; each look costs exactly one ListTasks and one ListInstances', async () => {
    const done = { ...resizeRunning, status: 'Completed', process: '' };
    emu.setTasks([{ steps: [resizeRunning, done] }]);
    const status = (s: string) => ({ ...ordersDb, status: s });
    // resolve (1), look 1: MODIFYING, look 2 (the task ended): BACKING UP ×2, then ACTIVE
    emu.setInstances([
      { steps: [ordersDb, status('MODIFYING'), status('BACKING UP'), status('BACKING UP'), ordersDb] },
    ]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--json', ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([done]);
    expect(r.stderr).toMatch(/instance orders-db: BACKING UP \(not free yet\)\n.*instance orders-db: ACTIVE\n/s);
    // One lookup by id when the task left Running; otherwise two requests a look (after resolving by name: two).
    const looks = apis().slice(2);
    expect(looks.filter((a) => a === 'ListInstances')).toHaveLength(4);
    expect(looks.filter((a) => a === 'ListTasks')).toHaveLength(5);
  });

  it('a Flexus instance: every look asks the Flexus listing (the plain one would call it deleted), exit 0', async () => {
    const r = await rdsjob(emu, ['wait', '--instance', 'edge-db', ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('instance edge-db is free (no running task, ACTIVE)\n');
    expect(queries('ListInstances').at(-1)).toEqual({ id: edgeDb.id, group_type: 'flexus' });
  });

  it.each([
    ['STORAGE FULL', 'scale up the storage'],
    ['FAILED', 'check it in the console'],
    ['FROZEN', 'unfreeze it'],
  ])('the instance becomes %s: exit 1, named, with a hint', async (state, hint) => {
    emu.setTasks([]);
    emu.setInstances([{ steps: [ordersDb, { ...ordersDb, status: state }] }]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', ...FAST]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: instance orders-db is ${state}: no wait makes it free\nhint: `);
    expect(r.stderr).toContain(hint);
  });

  it('the instance is deleted during the wait: exit 4', async () => {
    emu.setInstances([{ steps: [ordersDb, { ...ordersDb, status: 'MODIFYING' }, null] }]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', ...FAST]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('error: instance orders-db no longer exists (deleted)');
  });

  it('an instance that is STORAGE FULL from the start with nothing running: exit 1, not "free"', async () => {
    const r = await rdsjob(emu, ['wait', '--instance', fullDb.name, ...FAST]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('is free');
  });
});

describe('wait --instance --since: the change just started', () => {
  const fresh = (offsetMs: number, extra: Partial<TaskRecord> = {}): TaskRecord => ({
    ...resizeRunning,
    id: `fresh${Math.abs(offsetMs)}`,
    create_time: new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, '+0000'),
    ...extra,
  });

  it('a task already finished in the window belongs to the wait: exit 1 for a Failed one, listed', async () => {
    const failed = fresh(-60_000, { ...eipFailed, id: 'failedrecently', instance_id: ordersDb.id });
    failed.create_time = fresh(-60_000).create_time;
    emu.setTasks([{ steps: [failed] }]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--since', '10m', '--json', ...FAST]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((t: TaskRecord) => t.id)).toEqual(['failedrecently']);
    const asked = queries('ListTasks')[0]!;
    expect(asked).toMatchObject({ instance_id: ordersDb.id });
    expect(Number(asked.end_time) - Number(asked.start_time)).toBeGreaterThanOrEqual(600_000);
  });

  it('a task already Completed at the first look says so, not "Completed in 0s": it was never seen running', async () => {
    const done = fresh(-60_000, { instance_id: ordersDb.id, status: 'Completed', process: '' });
    emu.setTasks([{ steps: [done] }]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--since', '10m', ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`✔ ${done.id} ResizeFlavor Completed \\(before the wait began\\)\n`));
    expect(r.stderr).not.toContain('Completed in');
  });

  it('one that appears at a later look, already Completed, ran during the wait: not "before the wait began"', async () => {
    const done = fresh(-1_000, { instance_id: ordersDb.id, status: 'Completed', process: '' });
    emu.setTasks([{ steps: [done], hiddenPolls: 2 }]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--since', '5m', ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`✔ ${done.id} ResizeFlavor Completed`);
    expect(r.stderr).not.toContain('before the wait began');
  });

  it('one that appears later: waited for, exit 0 once it Completed and the instance is ACTIVE', async () => {
    const running = fresh(-5_000);
    emu.setTasks([{ steps: [running, { ...running, status: 'Completed', process: '' }], hiddenPolls: 2 }]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--since', '5m', '--json', ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ id: running.id, status: 'Completed' }]);
  });

  it('none in the window: looks for --not-found-grace, then exit 4 naming the window', async () => {
    emu.setTasks([]);
    const r = await rdsjob(emu, [
      'wait',
      '--instance',
      'orders-db',
      '--since',
      '5m',
      // From the first look: room for more than one look even when a loaded machine makes that look slow.
      '--not-found-grace',
      '2s',
      ...FAST,
    ]);
    expect(r.code).toBe(4);
    // Piped, the grace is not silent: one line at the first look says what it looks for, then the error.
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(
      /^\S+Z no task started on instance orders-db in the last 5m yet; a change just started takes a few seconds to appear, still looking$/,
    );
    expect(lines[1]).toBe('error: no task started on instance orders-db in the last 5m');
    expect(queries('ListTasks').length).toBeGreaterThan(1);
  });

  it('the resume command repeats --instance REF and --since', async () => {
    emu.setTasks([{ steps: [fresh(-1_000)] }]);
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--since', '5m', '--timeout', '1s', ...FAST]);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(
      'resume with: rdsjob wait --instance orders-db --timeout 1s --interval 100ms --since 5m',
    );
  });

  it('--since with job ids, or --not-found-grace with --instance alone: exit 2, nothing sent', async () => {
    for (const args of [
      ['wait', 'job-1', '--since', '5m'],
      ['wait', '--instance', 'orders-db', '--not-found-grace', '5s'],
    ]) {
      const r = await rdsjob(emu, args);
      expect(r.code).toBe(2);
    }
    expect(emu.requests).toHaveLength(0);
  });
});
