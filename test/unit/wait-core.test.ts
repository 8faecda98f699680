// The one wait's clock (wait/core.ts): it starts where the caller started, and one bound covers the configuration,
// the IAM lookup and every look, so a slow start-up shortens the wait instead of turning its ending into a lie.
import { describe, expect, it } from 'vitest';
import { timeBound } from '../../src/deadline.js';
import { AuthError, InterruptedError } from '../../src/errors.js';
import { exitCodeOf } from '../../src/exit-codes.js';
import { reportedOf, runWaitCore, type CoreWorld } from '../../src/wait/core.js';
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
    expect(exitCodeOf(reportedOf(result))).toBe(6);
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
    expect(exitCodeOf(reportedOf(result))).toBe(5);
    expect(api.calls).toEqual([]);
  });
});

describe('reportedOf: what decides the exit code of a wait, for main() and the API alike', () => {
  const completed = { id: 'j1', outcome: 'completed' as const, elapsedMs: 0 };

  it('a stopped instance wait before its first look: the instance ends interrupted, no look answered (130)', async () => {
    const clock = new FakeClock();
    const stopped = new InterruptedError('interrupted (SIGINT)');
    const result = await runWaitCore(
      { instance: 'db-1' },
      { timeoutMs: 0, intervalMs: 5 * S, notFoundGraceMs: 0 },
      { ...world(clock, new ScriptedApi(clock, {}), 0), api: () => Promise.reject(stopped) },
    );
    expect(result.instance).toMatchObject({ id: 'db-1', outcome: 'interrupted', error: stopped });
    expect(result.facts).toEqual({ looked: false, gone: false, windowSeen: false });
    expect(reportedOf(result)).toEqual([result.instance]);
    expect(exitCodeOf(reportedOf(result))).toBe(130);
  });

  it("the instance's own ending ranks beside its tasks: a broken instance (1) over Completed tasks", () => {
    const result = {
      results: [completed],
      instance: { id: 'db-1', outcome: 'failed' as const, elapsedMs: 0 },
      facts: { looked: true, gone: false, windowSeen: false, status: 'FAILED' },
      elapsedMs: 0,
    };
    expect(reportedOf(result)).toEqual([result.instance, completed]);
    expect(exitCodeOf(reportedOf(result))).toBe(1);
  });

  it('an error that ended the whole wait decides alone: a refused key (3) over Completed jobs', () => {
    const refused = new AuthError('refused', { status: 401 });
    const result = { results: [completed], fatal: refused, elapsedMs: 0 };
    expect(reportedOf(result)).toEqual([{ outcome: 'error', error: refused }]);
    expect(exitCodeOf(reportedOf(result))).toBe(3);
  });
});
