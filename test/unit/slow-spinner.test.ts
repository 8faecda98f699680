import { describe, expect, it } from 'vitest';
import type { Api } from '../../src/api/types.js';
import { runGet } from '../../src/commands/get/run.js';
import { runList } from '../../src/commands/list/run.js';
import { exitCodeOf } from '../../src/exit-codes.js';
import { harness, job } from '../support/wait-fakes.js';

describe('the slow-fetch spinner', () => {
  it('a get answered before 300 ms on a terminal: not a single frame, not even a hidden cursor', async () => {
    const h = harness({ a: [job({ id: 'a', status: 'Completed' })] }, { tty: true });
    expect(exitCodeOf(await runGet(['a'], h.ctx))).toBe(0);
    expect(h.stderr.text).toBe('');
    expect(h.stdout.text).toContain('Completed');
  });

  it('--debug or NO_COLOR on a terminal: never a spinner (plain lines)', async () => {
    for (const options of [{ debug: true }, { stderrColor: false }]) {
      const h = harness({ a: [job({ id: 'a', status: 'Completed' })] }, { tty: true, ...options });
      // However long the request takes: its answer waits for the clock to pass the spinner's delay.
      const getJob = h.api.getJob.bind(h.api);
      h.api.getJob = async (id: string) => {
        await h.clock.sleep(5_000);
        return getJob(id);
      };
      await runGet(['a'], h.ctx);
      expect(h.stderr.text).toBe('');
    }
  });
});

describe('the slow-fetch spinner tells the time', () => {
  /** What the spinner line said, frame after frame (ANSI codes and spinner glyphs left out). */
  const said = (text: string) => [...text.matchAll(/(fetching [^\n\r\u001b]*)/g)].map((m) => m[1]!.trim());

  it('the rate-budget countdown ticks on the clock: 70 ids, the last 10 wait a minute', async () => {
    await import('ora'); // loaded once, so the first frame comes on the clock, not after a file read
    const ids = Array.from({ length: 70 }, (_, i) => `j${i}`);
    const h = harness({ '*': [job({ status: 'Completed' })] }, { tty: true });
    expect(exitCodeOf(await runGet(ids, h.ctx))).toBe(0);
    const lines = said(h.stderr.text);
    expect(lines).toContain('fetching 70 jobs: 60 done, 10 wait for the rate budget (59s)');
    expect(lines).toContain('fetching 70 jobs: 60 done, 10 wait for the rate budget (34s)');
    expect(lines).toContain('fetching 70 jobs: 60 done, 10 wait for the rate budget (1s)');
  });

  it('a Retry-After pause says who asked and counts down, a backoff says it retries', async () => {
    await import('ora');
    const h = harness({ a: [job({ id: 'a', status: 'Completed' })] }, { tty: true });
    const getJob = h.api.getJob.bind(h.api);
    const api: Api = h.api;
    api.getJob = async (id, options) => {
      await h.clock.sleep(1_000); // the first answer: a 429 after a second
      options?.onPause?.({ ms: 12_000, asked: true, service: 'RDS' });
      await h.clock.sleep(12_000);
      options?.onPause?.({ ms: 2_000, asked: false, service: 'RDS' });
      await h.clock.sleep(2_000);
      return getJob(id);
    };
    expect(exitCodeOf(await runGet(['a'], h.ctx))).toBe(0);
    const lines = said(h.stderr.text);
    expect(lines).toContain('fetching job a');
    expect(lines).toContain('fetching job a: RDS asked to wait (12s)');
    expect(lines).toContain('fetching job a: RDS asked to wait (5s)');
    expect(lines).toContain('fetching job a: retrying after a failure (2s)');
    expect(h.stdout.text).toContain('Completed');
  });

  it('list says so too, after the pages it has', async () => {
    await import('ora');
    const h = harness({}, { tty: true });
    let pages = 0;
    const api: Api = h.api;
    api.listTasks = async (_query, options) => {
      pages += 1;
      if (pages === 2) {
        options?.onPause?.({ ms: 30_000, asked: true, service: 'RDS' });
        await h.clock.sleep(30_000);
      }
      return { tasks: pages === 1 ? [{ id: 't1', name: 'ResizeFlavor', status: 'Completed' }] : [], totalCount: 2 };
    };
    expect(exitCodeOf(await runList({ limit: 50 }, h.ctx))).toBe(0);
    expect(h.stderr.text).toContain('listing tasks: 1 fetched (1 page), RDS asked to wait (30s)');
  });
});
