// The task center's pure parts: paging arithmetic, --since as a millisecond window on a fixed clock, filters →
// query, the flag checks, and the table (`process` "30" shown as 30%).
import { describe, expect, it } from 'vitest';
import { listTaskPages, taskQuery } from '../../src/api/tasks.js';
import type { TaskPage } from '../../src/api/types.js';
import { listOptionsOf } from '../../src/commands/list/define.js';
import { taskStatusOf } from '../../src/task.js';
import { taskFiltersOf } from '../../src/commands/list/run.js';
import { instanceIdOf } from '../../src/config/validate.js';
import { UsageError } from '../../src/errors.js';
import { rawElements } from '../../src/raw-json.js';
import { renderJson } from '../../src/render/json.js';
import { renderTasks } from '../../src/render/tasks-table.js';
import type { Task } from '../../src/task.js';

const task = (i: number, extra: Partial<Task> = {}): Task => ({
  id: `t${i}`,
  name: 'ResizeFlavor',
  status: 'Completed',
  process: '',
  ...extra,
});

/** A task list of `total` tasks; records every page asked for. */
function pages(total: number, options: { totalCount?: boolean } = {}) {
  const asked: Array<[number, number]> = [];
  const fetch = async (offset: number, limit: number): Promise<TaskPage> => {
    asked.push([offset, limit]);
    const tasks = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => task(offset + i));
    return options.totalCount === false ? { tasks } : { tasks, totalCount: total };
  };
  return { asked, fetch };
}

describe('listTaskPages: pages of 50, one after another', () => {
  it.each<[string, number, number, Array<[number, number]>, number]>([
    ['the default 20 of 134', 134, 20, [[0, 20]], 20],
    [
      '75 of 120: a full page, then only the 25 still wanted',
      120,
      75,
      [
        [0, 50],
        [50, 25],
      ],
      75,
    ],
    [
      '1000 of 5000: twenty pages',
      5000,
      1000,
      Array.from({ length: 20 }, (_, i) => [i * 50, 50] as [number, number]),
      1000,
    ],
    [
      '75 of 60: stops at total_count',
      60,
      75,
      [
        [0, 50],
        [50, 25],
      ],
      60,
    ],
    ['20 of 50 exactly one page', 50, 50, [[0, 50]], 50],
    ['nothing there', 0, 20, [[0, 20]], 0],
  ])('%s', async (_name, total, wanted, expected, shown) => {
    const { asked, fetch } = pages(total);
    const listing = await listTaskPages(fetch, wanted);
    expect(asked).toEqual(expected);
    expect(listing.tasks).toHaveLength(shown);
    expect(listing.totalCount).toBe(total);
  });

  it('without a total_count it stops at the first empty page', async () => {
    const { asked, fetch } = pages(70, { totalCount: false });
    const listing = await listTaskPages(fetch, 200);
    expect(asked).toEqual([
      [0, 50],
      [50, 50],
      [70, 50],
    ]); // offsets follow what arrived
    expect(listing.tasks).toHaveLength(70);
  });
});

describe('filters → query, in the API names', () => {
  it('no filter: only offset and limit are sent', () =>
    expect(taskQuery({}, 0, 20)).toEqual([
      ['offset', '0'],
      ['limit', '20'],
    ]));

  it('every filter', () =>
    expect(
      taskQuery(
        { instanceId: 'i1', status: 'Running', name: 'ResizeFlavor', id: 't1', startTime: 1, endTime: 2 },
        50,
        25,
      ),
    ).toEqual([
      ['instance_id', 'i1'],
      ['status', 'Running'],
      ['name', 'ResizeFlavor'],
      ['id', 't1'],
      ['start_time', '1'],
      ['end_time', '2'],
      ['offset', '50'],
      ['limit', '25'],
    ]));

  it('--since 2h on a fixed clock: start_time = now − 2h, end_time = now, in milliseconds', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const filters = taskFiltersOf(listOptionsOf({ since: '2h', limit: '20' }), now);
    expect(filters).toMatchObject({ startTime: now - 2 * 3_600_000, endTime: now });
    expect(String(filters.startTime)).toMatch(/^\d{13}$/);
  });
});

describe('the flags, checked before any request', () => {
  it.each([
    ['running', 'Running'],
    ['COMPLETED', 'Completed'],
    ['Failed', 'Failed'],
    ['fAiLeD', 'Failed'],
  ])('--status %s → %s', (given, sent) => expect(taskStatusOf(given)).toBe(sent));

  it.each<[string, Parameters<typeof listOptionsOf>[0], RegExp]>([
    [
      '--status done',
      { status: 'done', limit: '20' },
      /^invalid --status "done": use one of Running, Completed, Failed \(any case\)$/,
    ],
    ['--limit 0', { limit: '0' }, /^invalid --limit "0"/],
    ['--limit 1001', { limit: '1001' }, /^invalid --limit "1001": use a whole number from 1 to 1000$/],
    ['--limit 2.5', { limit: '2.5' }, /^invalid --limit/],
    ['--since 0', { since: '0', limit: '20' }, /^invalid --since "0": must be more than 0$/],
    ['--since -1h', { since: '-1h', limit: '20' }, /^invalid --since "-1h": must not be negative$/],
    ['--since soon', { since: 'soon', limit: '20' }, /^invalid --since "soon"/],
    ['--instance a/b', { instance: 'a/b', limit: '20' }, /^invalid --instance "a\/b": use 1–64 characters/],
  ])('%s → exit 2', (_name, flags, message) => {
    let error: unknown;
    try {
      listOptionsOf(flags);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  it('an instance id follows the job-id rule', () => {
    expect(instanceIdOf('4d00c7e9d22145deb889937a72b59c8ein01')).toBe('4d00c7e9d22145deb889937a72b59c8ein01');
    expect(() => instanceIdOf('x'.repeat(65))).toThrow(UsageError);
  });
});

describe('rendering', () => {
  const now = Date.parse('2026-11-27T12:40:00Z');
  it('"30" while Running shows as 30%; a finished task shows no progress; the instance by name, else id', () => {
    const text = renderTasks(
      [
        task(1, {
          status: 'Running',
          process: '30',
          instance_name: 'orders-db',
          create_time: '2026-11-27T09:40:00+0000',
        }),
        task(2, {
          status: 'Completed',
          process: '100',
          instance_id: 'i-only',
          create_time: '2026-11-27T08:40:00+0000',
        }),
      ],
      { color: false, now, timeZone: 'UTC' },
    );
    expect(text).toBe(
      'ID  NAME          STATUS     PROGRESS  INSTANCE   CREATED\n' +
        't1  ResizeFlavor  Running    30%       orders-db  2026-11-27 09:40:00 +00:00 (3h ago)\n' +
        't2  ResizeFlavor  Completed  -         i-only     2026-11-27 08:40:00 +00:00 (4h ago)\n',
    );
  });

  it('JSON keeps each task exactly as received, and an empty list is []', () => {
    const body = '{"tasks":[{"id":"t1","big":12345678901234567890},{"id":"t2","x":1.0}],"total_count":2}';
    const raw = rawElements('[{"id":"t1","big":12345678901234567890},{"id":"t2","x":1.0}]');
    expect(raw).toEqual(['{"id":"t1","big":12345678901234567890}', '{"id":"t2","x":1.0}']);
    expect(JSON.parse(body).tasks).toHaveLength(2);
    expect(renderJson([])).toBe('[]\n');
  });
});
