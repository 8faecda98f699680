import { describe, expect, it } from 'vitest';
import type { Api } from '../../src/api/types.js';
import { waitForInstanceTasks } from '../../src/wait/instance.js';
import { quietReporter } from '../../src/wait/reporter.js';
import { FakeClock, T0 } from '../support/wait-fakes.js';

const MIN = 60_000;
const ID = '4d00c7e9d22145deb889937a72b59c8ein01';
const task = { id: 't1', name: 'ResizeFlavor', status: 'Running', process: '30', instance_id: ID };

describe('wait --instance under the rate budget', () => {
  it('two requests a look (ListTasks and ListInstances) stay within 60 in any minute, at a 1 s interval', async () => {
    const clock = new FakeClock();
    const at: number[] = [];
    const api: Pick<Api, 'listTasks' | 'listInstances'> = {
      listTasks: async () => {
        at.push(clock.now());
        return { tasks: [task], totalCount: 1 };
      },
      listInstances: async () => {
        at.push(clock.now());
        return { instances: [{ id: ID, name: 'orders-db', status: 'MODIFYING' }], totalCount: 1 };
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
