import { describe, expect, it } from 'vitest';
import { runGet } from '../../src/commands/get/run.js';
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
