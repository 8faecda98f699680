// The one wait's clock (wait/core.ts): it starts where the caller started, and one bound covers the configuration,
// the IAM lookup and every look, so a slow start-up shortens the wait instead of turning its ending into a lie.
import { describe, expect, it } from 'vitest';
import { timeBound } from '../../src/deadline.js';
import { AuthError, InterruptedError } from '../../src/errors.js';
import { exitCodeOf } from '../../src/exit-codes.js';
import { allowanceMs } from '../../src/wait/answer-by-deadline.js';
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

describe('--timeout is honoured to within a moment, whatever the server does', () => {
  /**
   * A server that answers the n-th request after `answerMs(n)` (never: Infinity), or when the request's signal stops
   * it, as the client does.
   */
  function slowApi(clock: FakeClock, answerMs: number | ((n: number) => number)): ScriptedApi {
    const api = new ScriptedApi(clock, { a: [job({ id: 'a', status: 'Running' })] });
    const answer = api.getJob.bind(api);
    let sent = 0;
    api.getJob = (async (id: string, options?: { signal?: AbortSignal }) => {
      const at = clock.now();
      const ms = typeof answerMs === 'number' ? answerMs : answerMs(sent++);
      await new Promise<void>((resolve, reject) => {
        options?.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true });
        if (Number.isFinite(ms)) void clock.sleep(ms).then(resolve);
      });
      api.calls.push({ id: `answered ${id}`, at });
      return answer(id);
    }) as ScriptedApi['getJob'];
    return api;
  }
  const options = { timeoutMs: 10 * S, intervalMs: 5 * S, notFoundGraceMs: 60 * S };

  it('a server that stops answering: the request in flight at --timeout is abandoned 1 s after it (exit 5, saying so), not at the 5 s hard stop', async () => {
    const clock = new FakeClock();
    // Answers the first look, then never again.
    const api = slowApi(clock, (n) => (n === 0 ? 200 : Infinity));
    const result = await runWaitCore({ jobs: ['a'] }, options, world(clock, api, 0));
    expect(clock.now() - T0).toBe(11 * S);
    expect(result.results[0]).toMatchObject({ outcome: 'timeout' });
    expect(String((result.results[0]!.error as Error).message)).toBe(
      'no answer from the API: the request was still unanswered 1s after --timeout',
    );
    expect(exitCodeOf(reportedOf(result))).toBe(5);
  });

  it('a request sent just before --timeout still gets 5 s to answer, as the last look does (a loaded network: 6, not 5)', async () => {
    const clock = new FakeClock();
    // The first answer is quick; the look sent 0.5 s before --timeout takes 4 s.
    const api = slowApi(clock, (n) => (n === 0 ? 200 : 4 * S));
    const result = await runWaitCore({ jobs: ['a'] }, { ...options, intervalMs: 9_300 }, world(clock, api, 0));
    expect(api.callTimes('answered a')).toEqual([0, 9_500]);
    expect(result.results[0]).toMatchObject({ outcome: 'timeout', error: undefined });
    expect(exitCodeOf(reportedOf(result))).toBe(6);
  });

  it('the first look is never cut short for the deadline (a slow start-up): unanswered, it ends at the 5 s hard stop', async () => {
    const clock = new FakeClock();
    const result = await runWaitCore({ jobs: ['a'] }, options, world(clock, slowApi(clock, Infinity), 0));
    expect(clock.now() - T0).toBe(15 * S);
    expect(exitCodeOf(reportedOf(result))).toBe(5);
  });

  it('a slow server (4 s an answer): a look sent just before --timeout gets three times that to answer — timed out (6)', async () => {
    const clock = new FakeClock();
    const api = slowApi(clock, 4 * S);
    const result = await runWaitCore({ jobs: ['a'] }, options, world(clock, api, 0));
    expect(result.results[0]).toMatchObject({ outcome: 'timeout', error: undefined });
    expect(exitCodeOf(reportedOf(result))).toBe(6);
    // Looks at 0 (answered at 4) and 9 (after the 5 s interval), answered at 13: within its 5 s allowance.
    expect(api.callTimes('answered a')).toEqual([0, 9 * S]);
    expect(clock.now() - T0).toBe(13 * S);
  });

  it('a slow but working server (2 s an answer): the last look, sent at --timeout, is still answered — timed out (6)', async () => {
    const clock = new FakeClock();
    const api = slowApi(clock, 2 * S);
    const result = await runWaitCore({ jobs: ['a'] }, options, world(clock, api, 0));
    expect(result.results[0]).toMatchObject({ outcome: 'timeout', error: undefined });
    expect(exitCodeOf(reportedOf(result))).toBe(6);
    // Looks at 0, 7 (answered at 2, then the 5 s interval) and the last at the deadline, answered 2 s later.
    expect(api.callTimes('answered a')).toEqual([0, 7 * S, 10 * S]);
    expect(clock.now() - T0).toBe(12 * S);
  });

  it('the allowance after --timeout: three times the slowest answer seen, at least 1 s, at most the 5 s grace', () => {
    expect([0, 100, 500, 1_000, 2_000, 60_000].map(allowanceMs)).toEqual([1_000, 1_000, 1_500, 3_000, 5_000, 5_000]);
  });
});
