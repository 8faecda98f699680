// The emulator's ListTasks: every documented query parameter checked as the API does, filters, paging and
// total_count/actions, histories that advance with the requests that consult them, faults, and the signature over
// every query parameter.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/types.js';
import { PROJECT_ID } from '../../emulator/sample-jobs.js';
import {
  ANALYTICS_DB,
  ORDERS_DB,
  backupCompleted,
  eipFailed,
  rebootCompleted,
  resizeRunning,
  sampleTasks,
} from '../../emulator/sample-tasks.js';
import { parseTaskQuery } from '../../emulator/tasks.js';
import { signedCall } from './client.js';
import { startTestEmulator } from './fixture.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ tasks: sampleTasks() });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.setTasks(sampleTasks());
});

const PATH = `/v3/${PROJECT_ID}/tasklist`;
const list = (query: Array<[string, string]> = []) => signedCall(emulator.url, '', { path: PATH, query });
const ids = async (query: Array<[string, string]>) => (await list(query)).json().tasks.map((t: { id: string }) => t.id);

describe('ListTasks: parameters the API refuses (400 DBS.200001)', () => {
  it.each<[string, Array<[string, string]>]>([
    ['an unknown parameter', [['instance', ORDERS_DB.id]]],
    ['limit 0', [['limit', '0']]],
    ['limit 51', [['limit', '51']]],
    ['a negative offset', [['offset', '-1']]],
    ['a limit that is not a number', [['limit', 'ten']]],
    ['a status other than the three', [['status', 'running']]],
    ['start_time without end_time', [['start_time', '1764000000000']]],
    ['end_time without start_time', [['end_time', '1764000000000']]],
    [
      'times in seconds, not milliseconds',
      [
        ['start_time', '1764000000'],
        ['end_time', '1764100000'],
      ],
    ],
    [
      'a window that ends before it starts',
      [
        ['start_time', '1764100000000'],
        ['end_time', '1764000000000'],
      ],
    ],
    [
      'a parameter given twice',
      [
        ['limit', '5'],
        ['limit', '6'],
      ],
    ],
  ])('%s', async (_name, query) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error_code: 'DBS.200001', error_msg: 'Parameter error.' });
    expect(emulator.requests[0]).toMatchObject({ accepted: true, api: 'ListTasks' });
  });

  it('the defaults: offset 0, limit 10', () => expect(parseTaskQuery([])).toMatchObject({ offset: 0, limit: 10 }));
});

describe('ListTasks: filters, paging, total_count and actions', () => {
  it('lists every task in order, with total_count and the task names present', async () => {
    const body = (await list()).json();
    expect(body.total_count).toBe(4);
    expect(body.actions).toEqual(['ResizeFlavor', 'CreateManualBackup', 'MysqlBindEIP', 'RestartInstance']);
    expect(body.tasks.map((t: { id: string }) => t.id)).toEqual([
      resizeRunning.id,
      backupCompleted.id,
      eipFailed.id,
      rebootCompleted.id,
    ]);
  });

  it.each<[string, Array<[string, string]>, string[]]>([
    ['instance_id', [['instance_id', ANALYTICS_DB.id]], [eipFailed.id!, rebootCompleted.id!]],
    ['status', [['status', 'Failed']], [eipFailed.id!]],
    ['name', [['name', 'CreateManualBackup']], [backupCompleted.id!]],
    ['id', [['id', rebootCompleted.id!]], [rebootCompleted.id!]],
    [
      'a creation-time window (ms)',
      [
        ['start_time', String(Date.parse('2026-11-27T07:00:00Z'))],
        ['end_time', String(Date.parse('2026-11-27T09:00:00Z'))],
      ],
      [backupCompleted.id!, eipFailed.id!],
    ],
    [
      'instance and status together',
      [
        ['instance_id', ORDERS_DB.id],
        ['status', 'Running'],
      ],
      [resizeRunning.id!],
    ],
  ])('filters by %s', async (_name, query, expected) => expect(await ids(query)).toEqual(expected));

  it('pages with offset and limit; total_count counts every match', async () => {
    emulator.setTasks(
      Array.from({ length: 120 }, (_, i) => ({
        steps: [{ ...backupCompleted, id: `t${String(i).padStart(3, '0')}` }],
      })),
    );
    const first = (
      await list([
        ['offset', '0'],
        ['limit', '50'],
      ])
    ).json();
    const last = (
      await list([
        ['offset', '100'],
        ['limit', '50'],
      ])
    ).json();
    const past = (
      await list([
        ['offset', '200'],
        ['limit', '50'],
      ])
    ).json();
    expect([first.tasks.length, last.tasks.length, past.tasks.length]).toEqual([50, 20, 0]);
    expect([first.total_count, last.total_count, past.total_count]).toEqual([120, 120, 120]);
    expect(last.tasks[0].id).toBe('t100');
  });
});

describe('ListTasks: histories and faults', () => {
  it('a task shows its next step to each request that consults it, whatever the status filter', async () => {
    const running = [
      ['instance_id', ORDERS_DB.id],
      ['status', 'Running'],
    ] as Array<[string, string]>;
    const process = async () => (await list(running)).json().tasks.map((t: { process: string }) => t.process);
    expect(await process()).toEqual(['30']);
    expect(await process()).toEqual(['60']);
    expect(await process()).toEqual(['90']);
    expect(await process()).toEqual([]); // Completed now: filtered out by status
    expect((await list([['id', resizeRunning.id!]])).json().tasks[0]).toMatchObject({
      status: 'Completed',
      process: '',
    });
  });

  it('a hidden task appears after its hidden polls (a task that starts during a wait)', async () => {
    emulator.setTasks([{ hiddenPolls: 2, steps: [resizeRunning] }]);
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push((await list()).json().tasks.length);
    expect(counts).toEqual([0, 0, 1]);
  });

  it('scripted faults answer the next requests, one each', async () => {
    emulator.failTaskList({ fault: 'status', status: 503 }, { fault: 'throttle', retryAfter: '1' });
    expect((await list()).status).toBe(503);
    const throttled = await list();
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect((await list()).status).toBe(200);
  });
});

describe('ListTasks: the signature covers every query parameter', () => {
  it('a request signed with several parameters is accepted', async () => {
    const response = await list([
      ['instance_id', ORDERS_DB.id],
      ['status', 'Running'],
      ['limit', '50'],
      ['offset', '0'],
    ]);
    expect(response.status).toBe(200);
  });

  it('a parameter changed on the wire after signing is refused (401 APIGW.0301)', async () => {
    const response = await signedCall(emulator.url, '', {
      path: PATH,
      query: [
        ['instance_id', ORDERS_DB.id],
        ['limit', '50'],
      ],
      wireQuery: `instance_id=${ANALYTICS_DB.id}&limit=50`,
    });
    expect(response.status).toBe(401);
    expect(response.json().error_code).toBe('APIGW.0301');
  });

  it('a parameter added on the wire after signing is refused', async () => {
    const response = await signedCall(emulator.url, '', {
      path: PATH,
      query: [['limit', '5']],
      wireQuery: 'limit=5&status=Running',
    });
    expect(response.status).toBe(401);
  });
});
