import { describe, expect, it } from 'vitest';
import type { Api } from '../../src/api/types.js';
import type { Instance } from '../../src/instance.js';
import { waitForInstanceTasks } from '../../src/wait/instance.js';
import { quietReporter } from '../../src/wait/reporter.js';
import { FakeClock, T0 } from '../support/wait-fakes.js';

const MIN = 60_000;
const ID = '4d00c7e9d22145deb889937a72b59c8ein01';
const task = { id: 't1', name: 'ResizeFlavor', status: 'Running', process: '30', instance_id: ID };
/** A plain RDS instance: the Flexus listing (`group_type=flexus`) does not have it. */
const plainOnly = (query: Array<[string, string]>, instance: Instance) =>
  query.some(([name]) => name === 'group_type')
    ? { instances: [], totalCount: 0 }
    : { instances: [instance], totalCount: 1 };

describe('wait --instance under the rate budget', () => {
  it('two requests a look (ListTasks and ListInstances) stay within 60 in any minute, at a 1 s interval', async () => {
    const clock = new FakeClock();
    const at: number[] = [];
    const api: Pick<Api, 'listTasks' | 'listInstances'> = {
      listTasks: async () => {
        at.push(clock.now());
        return { tasks: [task], totalCount: 1 };
      },
      listInstances: async (query) => {
        at.push(clock.now());
        return plainOnly(query, { id: ID, name: 'orders-db', status: 'MODIFYING' });
      },
    };
    const waited = await waitForInstanceTasks(
      'orders-db',
      { timeoutMs: 10 * MIN, intervalMs: 1_000 },
      { api, now: clock.now, sleep: clock.sleep, random: () => 0.5, reporter: quietReporter },
    );
    expect(waited.end.outcome).toBe('timeout');
    expect(at.length).toBeGreaterThan(500); // the budget, not the interval, paces the looks
    for (const start of at) {
      expect(at.filter((t) => t >= start && t < start + MIN).length).toBeLessThanOrEqual(60);
    }
    expect(at[0]).toBe(T0);
  });
});

describe('wait --instance at the deadline', () => {
  it('makes one last whole look at --timeout (both requests), as a job wait does, then times out', async () => {
    const clock = new FakeClock();
    const at: Array<[string, number]> = [];
    const api: Pick<Api, 'listTasks' | 'listInstances'> = {
      listTasks: async () => {
        at.push(['ListTasks', clock.now() - T0]);
        return { tasks: [], totalCount: 0 };
      },
      listInstances: async (query) => {
        at.push(['ListInstances', clock.now() - T0]);
        return plainOnly(query, { id: ID, name: 'orders-db', status: 'BACKING UP' });
      },
    };
    const waited = await waitForInstanceTasks(
      'orders-db',
      { timeoutMs: 10_000, intervalMs: 5_000 },
      { api, now: clock.now, sleep: clock.sleep, random: () => 0.5, reporter: quietReporter },
    );
    expect(waited.end.outcome).toBe('timeout');
    expect(waited.end.error).toBeUndefined(); // its last answer was its state: exit 6, not 5
    // The last look is whole: its tasks, then the status, both at (or just past) the deadline.
    const [tasksAt, statusAt] = at.slice(-2);
    expect(tasksAt![0]).toBe('ListTasks');
    expect(tasksAt![1]).toBeGreaterThanOrEqual(10_000);
    expect(statusAt![0]).toBe('ListInstances');
  });
});
