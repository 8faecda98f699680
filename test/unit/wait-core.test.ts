// The one wait's clock (wait/core.ts): it starts where the caller started, and one bound covers the configuration,
// the IAM lookup and every look, so a slow start-up shortens the wait instead of turning its ending into a lie.
import { describe, expect, it } from 'vitest';
import { timeBound } from '../../src/deadline.js';
import { exitCodeOfWait, runWaitCore, type CoreWorld } from '../../src/wait/core.js';
import { quietReporter } from '../../src/wait/reporter.js';
import { FakeClock, ScriptedApi, T0, job } from '../support/wait-fakes.js';

const S = 1000;

function world(clock: FakeClock, api: ScriptedApi, openMs: number): CoreWorld {
  return {
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    reporter: quietReporter,
    startedAt: clock.now(),
    limit: (boundMs, what, from) => timeBound(clock.sleep, boundMs, what, boundMs - (clock.now() - from)).signal,
    // The configuration and a slow IAM lookup, before the first look.
    api: async () => {
      await clock.sleep(openMs);
      return api;
    },
  };
}

describe("runWaitCore: one clock from the caller's start", () => {
  it('a slow IAM lookup (3 s of a 10 s --timeout): the last look is at 10 s and a Running job times out (6), not "no answer" (5)', async () => {
    const clock = new FakeClock();
    const api = new ScriptedApi(clock, { a: [job({ id: 'a', status: 'Running' })] });
    const result = await runWaitCore(
      { jobs: ['a'] },
      { timeoutMs: 10 * S, intervalMs: 5 * S, notFoundGraceMs: 60 * S },
      world(clock, api, 3 * S),
    );
    expect(result.results[0]).toMatchObject({ outcome: 'timeout', error: undefined });
    expect(exitCodeOfWait(result)).toBe(6);
    expect(api.callTimes('a')).toEqual([3 * S, 8 * S, 10 * S]);
    expect(clock.now() - T0).toBe(10 * S);
  });

  it('an IAM lookup that outlives the bound: timed out before the first look with no answer (5, as the CLI), nothing sent', async () => {
    const clock = new FakeClock();
    const api = new ScriptedApi(clock, { a: [job({ id: 'a' })] });
    let bound: AbortSignal | undefined;
    const result = await runWaitCore(
      { jobs: ['a'] },
      { timeoutMs: 2 * S, intervalMs: 5 * S, notFoundGraceMs: 60 * S },
      {
        ...world(clock, api, 0),
        limit: (boundMs, what, from) =>
          (bound = timeBound(clock.sleep, boundMs, what, boundMs - (clock.now() - from)).signal),
        // An IAM lookup that never answers: it listens to the bound's signal, as the real client does.
        api: () =>
          new Promise((_resolve, reject) =>
            bound?.addEventListener('abort', () => reject(bound?.reason), { once: true }),
          ),
      },
    );
    expect(result.results[0]).toMatchObject({ id: 'a', outcome: 'timeout' });
    expect(exitCodeOfWait(result)).toBe(5);
    expect(api.calls).toEqual([]);
  });
});
