import { timeBound, waitBound } from '../../src/deadline.js';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  ConfigError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
} from '../../src/errors.js';
import { EXIT, exitCodeOf } from '../../src/exit-codes.js';
import { waitForJobs, type WaitOptions } from '../../src/wait/engine.js';
import { WINDOW_MARGIN_MS } from '../../src/api/budget.js';
import { quietReporter, type WaitReporter } from '../../src/wait/reporter.js';
import { FakeClock, ScriptedApi, T0, job, type Step } from '../support/wait-fakes.js';

const S = 1000;
const MIN = 60 * S;
const defaults: WaitOptions = { timeoutMs: 60 * MIN, intervalMs: 5 * S, notFoundGraceMs: 60 * S };
/** The default budget's spacing: a minute and the 1 s margin for late arrivals, over 60 requests. */
const SPACING = Math.ceil((60 * S + WINDOW_MARGIN_MS) / 60);

interface RunOptions extends Partial<WaitOptions> {
  signal?: AbortSignal;
  random?: () => number;
  reporter?: WaitReporter;
}

async function run(scripts: Record<string, Step[]>, ids: string[], options: RunOptions = {}) {
  const clock = new FakeClock();
  const api = new ScriptedApi(clock, scripts);
  const { signal, random = () => 0.5, reporter = quietReporter, ...waitOptions } = options;
  const outcome = await waitForJobs(
    ids,
    { ...defaults, ...waitOptions },
    {
      api,
      now: clock.now,
      sleep: clock.sleep,
      random,
      signal,
      reporter,
    },
  );
  // The engine reports outcomes only; this is the exit code main() makes of them.
  const result = { ...outcome, exitCode: exitCodeOf(outcome.results) };
  return { result, api, clock };
}

const running = (process = '') => job({ status: 'Running', process });
const completed = job({ status: 'Completed', process: '60% ' });
const failed = job({ status: 'Failed', fail_reason: 'createVM failed.' });
const notFound = () => new NotFoundError('RDS API error 404 (DBS.280239: job not found)', { status: 404 });
const unavailable = (retryAfterMs?: number) =>
  new ApiError('RDS API error 503 (Service Unavailable)', { status: 503, retryAfterMs });
const throttled = (retryAfterMs?: number) =>
  new ApiError('RDS API error 429 (APIGW.0308: throttled)', { status: 429, retryAfterMs });

describe('waitForJobs: one job', () => {
  it('a start-up slower than --timeout still gets one look: the job as it is, exit 6 (not "not seen yet")', async () => {
    // The wait began (the command's start) 5 s before the engine could look, under --timeout 1s.
    const { result, api } = await run({ a: [running('42%')] }, ['a'], { timeoutMs: 1 * S, startedAt: T0 - 5 * S });
    expect(api.calls).toHaveLength(1);
    expect(result.results[0]).toMatchObject({ outcome: 'timeout', item: running('42%') });
    expect(result.exitCode).toBe(EXIT.timeout);
  });

  it('polls immediately, then every interval, until Completed', async () => {
    const { result, api } = await run({ a: [running('10%'), running('60%'), completed] }, ['a']);
    expect(result.exitCode).toBe(EXIT.ok);
    expect(result.results[0]).toMatchObject({ id: 'a', outcome: 'completed', item: completed, elapsedMs: 10 * S });
    expect(api.callTimes('a')).toEqual([0, 5 * S, 10 * S]);
  });

  it('ends with exit 1 on Failed and keeps the job as received', async () => {
    const { result } = await run({ a: [running(), failed] }, ['a']);
    expect(result.exitCode).toBe(EXIT.jobFailed);
    expect(result.results[0]).toMatchObject({ outcome: 'failed', item: failed });
  });

  it('treats an unknown status as unfinished', async () => {
    const { result, api } = await run({ a: [job({ status: 'Pending' }), job({ status: 'BUILD' }), completed] }, ['a']);
    expect(result.results[0]?.outcome).toBe('completed');
    expect(api.calls).toHaveLength(3);
  });

  it('jitters the interval by at most ±10%', async () => {
    for (const [random, gap] of [
      [0, 4500],
      [0.999999, 5500],
    ] as const) {
      const { api } = await run({ a: [running(), completed] }, ['a'], { random: () => random });
      expect(api.callTimes('a')).toEqual([0, gap]);
    }
  });

  it('times out with exit 6 after one last look at the deadline', async () => {
    const { result, api } = await run({ a: [running('30%')] }, ['a'], { timeoutMs: 12 * S });
    expect(result.exitCode).toBe(EXIT.timeout);
    expect(result.results[0]).toMatchObject({ outcome: 'timeout', item: running('30%'), elapsedMs: 12 * S });
    expect(api.callTimes('a')).toEqual([0, 5 * S, 10 * S, 12 * S]);
  });

  it('abandons a request that hangs past the deadline (5 s grace), so --timeout bounds the wait; the hang is an API failure', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const api = {
      close() {},
      getJob: (_id: string, options?: { signal?: AbortSignal }) => {
        calls += 1;
        if (calls === 1) return Promise.resolve(running('30%'));
        // The network never answers: only the signal can end this request.
        return new Promise<never>((_resolve, reject) =>
          options?.signal?.addEventListener('abort', () => reject(options.signal?.reason)),
        );
      },
    };
    const result = await waitForJobs(
      ['a'],
      { ...defaults, timeoutMs: 12 * S },
      {
        api,
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        reporter: quietReporter,
        // The caller's deadline (deadline.ts), as the CLI and the programmatic API pass it: the engine's only hard stop.
        signal: timeBound(clock.sleep, waitBound(12 * S)!.boundMs, '--timeout 12s').signal,
      },
    );
    // The last attempt got no answer: nobody knows whether the job still runs, so the API is at fault (5, not 6).
    expect(exitCodeOf(result.results)).toBe(EXIT.api);
    expect(result.results[0]).toMatchObject({ outcome: 'timeout', item: running('30%') });
    expect((result.results[0]!.error as Error).message).toBe(
      'no answer from the API: the request was still unanswered 5s after --timeout',
    );
    expect(result.elapsedMs).toBe(12 * S + 5 * S);
  });

  it('a status with stray spaces ends the wait like the plain one', async () => {
    const { result } = await run(
      { a: [running('30%'), job({ status: ' Completed ' })], b: [job({ status: 'Failed\n' })] },
      ['a', 'b'],
    );
    expect(result.results.map((r) => r.outcome)).toEqual(['completed', 'failed']);
  });

  it('never times out with --timeout 0', async () => {
    const script: Step[] = [...Array.from({ length: 1000 }, () => running()), completed];
    const { result, api } = await run({ a: script }, ['a'], { timeoutMs: 0 });
    expect(result.exitCode).toBe(EXIT.ok);
    expect(api.calls).toHaveLength(1001);
  });
});

describe('waitForJobs: not found', () => {
  it('keeps polling a job that is not visible yet, within the grace period', async () => {
    const { result, api } = await run({ a: [notFound(), notFound(), running(), completed] }, ['a']);
    expect(result.results[0]?.outcome).toBe('completed');
    expect(api.calls).toHaveLength(4);
  });

  it('gives up with exit 4 once the grace period is over', async () => {
    const { result, api } = await run({ a: [notFound()] }, ['a'], { notFoundGraceMs: 20 * S });
    expect(result.exitCode).toBe(EXIT.notFound);
    expect(result.results[0]).toMatchObject({ outcome: 'not-found', item: undefined });
    expect(result.results[0]?.error).toBeInstanceOf(NotFoundError);
    expect(api.callTimes('a')).toEqual([0, 5 * S, 10 * S, 15 * S, 20 * S]);
  });

  it('with a grace of 0 the first 404 is final', async () => {
    const { result, api } = await run({ a: [notFound()] }, ['a'], { notFoundGraceMs: 0 });
    expect(result.exitCode).toBe(EXIT.notFound);
    expect(api.calls).toHaveLength(1);
  });
});

describe('waitForJobs: transient failures', () => {
  it('rides out 503s and connection resets, backing off exponentially from the interval', async () => {
    const reset = new NetworkError('connection reset (ECONNRESET)');
    const { result, api } = await run({ a: [unavailable(), reset, unavailable(), running(), completed] }, ['a']);
    expect(result.exitCode).toBe(EXIT.ok);
    expect(api.callTimes('a')).toEqual([0, 5 * S, 15 * S, 35 * S, 40 * S]);
  });

  it('caps the backoff at 60 s', async () => {
    const script: Step[] = [...Array.from({ length: 8 }, () => unavailable()), completed];
    const { api } = await run({ a: script }, ['a']);
    const times = api.callTimes('a');
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(gaps).toEqual([5, 10, 20, 40, 60, 60, 60, 60].map((s) => s * S));
  });

  it('honours Retry-After on 429 (and pauses every id, since the limit is per user)', async () => {
    const { result, clock, api } = await run(
      { a: [throttled(30 * S), running(), completed], b: [running(), running(), completed] },
      ['a', 'b'],
    );
    expect(result.exitCode).toBe(EXIT.ok);
    expect(clock.sleeps.map((s) => s.ms)).toContain(30 * S);
    expect(api.callTimes('a')[1]).toBeGreaterThanOrEqual(30 * S);
    // b's second poll was due at 5 s but waits for the pause too
    expect(api.callTimes('b')[1]).toBeGreaterThanOrEqual(30 * S);
  });

  it('never lets transient failures end the wait before the timeout; then exit 5, not 6', async () => {
    const { result, api } = await run({ a: [unavailable()] }, ['a'], { timeoutMs: 10 * MIN });
    expect(result.results[0]?.outcome).toBe('timeout');
    expect(result.results[0]?.error).toBeInstanceOf(ApiError);
    expect(result.exitCode).toBe(EXIT.api);
    expect(api.calls.at(-1)?.at).toBe(T0 + 10 * MIN);
  });

  it('a success after failures clears them: the timeout is then exit 6', async () => {
    const { result } = await run({ a: [unavailable(), unavailable(), running()] }, ['a'], { timeoutMs: MIN });
    expect(result.results[0]?.error).toBeUndefined();
    expect(result.exitCode).toBe(EXIT.timeout);
  });

  it('retries a malformed body twice, then gives up with exit 5', async () => {
    const bad = () => new MalformedResponseError('response has no "job" object');
    const healed = await run({ a: [bad(), bad(), completed] }, ['a']);
    expect(healed.result.exitCode).toBe(EXIT.ok);
    const broken = await run({ a: [bad()] }, ['a']);
    expect(broken.result.results[0]).toMatchObject({ outcome: 'error' });
    expect(broken.result.exitCode).toBe(EXIT.api);
    expect(broken.api.calls).toHaveLength(3);
  });

  it('ends one id at once on a non-transient API error (400), others carry on', async () => {
    const badRequest = new ApiError('RDS API error 400 (DBS.200001: Parameter error.)', { status: 400 });
    const { result } = await run({ a: [badRequest], b: [running(), completed] }, ['a', 'b']);
    expect(result.results.map((r) => r.outcome)).toEqual(['error', 'completed']);
    expect(result.exitCode).toBe(EXIT.api);
  });
});

describe('waitForJobs: errors that end everything', () => {
  it.each([
    ['401/403', () => new AuthError('RDS API error 401 (APIGW.0301: verify aksk signature fail)', { status: 401 })],
    ['configuration', () => new ConfigError('no credentials')],
  ])('%s ends the whole wait at once with exit 3', async (_, make) => {
    const error = make();
    const { result, api } = await run({ a: [running()], b: [running(), error] }, ['a', 'b']);
    expect(result.exitCode).toBe(EXIT.config);
    expect(result.fatal).toBe(error);
    expect(result.results.map((r) => r.outcome)).toEqual(['error', 'error']);
    expect(result.results[0]).toMatchObject({ item: running(), error });
    // b's 401 at its second poll stopped a's loop: nothing was sent after it
    expect(Math.max(...api.calls.map((c) => c.at))).toBe(T0 + 5 * S + SPACING);
    expect(api.calls.filter((c) => c.id === 'b')).toHaveLength(2);
  });
});

describe('waitForJobs: several ids', () => {
  it.each([
    ['all completed', [[completed], [completed]], EXIT.ok],
    ['one failed', [[completed], [failed]], EXIT.jobFailed],
    ['failed beats not found', [[notFound()], [failed]], EXIT.jobFailed],
    ['not found beats timeout', [[running()], [notFound()]], EXIT.notFound],
    ['API failure beats failed', [[new ApiError('400', { status: 400 })], [failed]], EXIT.api],
    [
      'auth beats everything',
      [[new AuthError('401', { status: 401 })], [new ApiError('400', { status: 400 })]],
      EXIT.config,
    ],
  ] as [string, Step[][], number][])('%s', async (_, scripts, code) => {
    const { result } = await run({ a: scripts[0] as Step[], b: scripts[1] as Step[] }, ['a', 'b'], {
      timeoutMs: 2 * MIN,
      notFoundGraceMs: 30 * S,
    });
    expect(result.exitCode).toBe(code);
  });

  it('reports results in argument order, once per distinct id', async () => {
    const { result } = await run({ a: [running(), running(), completed], b: [failed] }, ['a', 'b', 'a']);
    expect(result.results.map((r) => [r.id, r.outcome])).toEqual([
      ['a', 'completed'],
      ['b', 'failed'],
    ]);
  });

  it('polls concurrently: staggered by the budget, not one after another', async () => {
    const { api } = await run({ '*': [running(), completed] }, ['a', 'b', 'c']);
    expect(['a', 'b', 'c'].map((id) => api.callTimes(id))).toEqual([
      [0, 5 * S],
      [SPACING, 5 * S + SPACING],
      [2 * SPACING, 5 * S + 2 * SPACING],
    ]);
  });

  it('keeps 100 ids within 60 requests in every minute, each id every 100 s', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `job-${i}`);
    const { result, api } = await run({ '*': [running()] }, ids, { timeoutMs: 10 * MIN, random: Math.random });
    expect(result.exitCode).toBe(EXIT.timeout);
    const times = api.calls.map((c) => c.at - T0).sort((x, y) => x - y);
    for (let i = 60; i < times.length; i++)
      expect((times[i] as number) - (times[i - 60] as number)).toBeGreaterThanOrEqual(MIN);
    const perMinute = new Map<number, number>();
    for (const t of times) perMinute.set(Math.floor(t / MIN), (perMinute.get(Math.floor(t / MIN)) ?? 0) + 1);
    expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(60);
    expect(api.calls.length).toBeGreaterThan(500); // the budget is used, not wasted
    const first = api.callTimes('job-7');
    for (let i = 1; i < first.length; i++)
      expect((first[i] as number) - (first[i - 1] as number)).toBeGreaterThanOrEqual(90 * S);
  });

  it('the budget is an option', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `job-${i}`);
    const { api } = await run({ '*': [running()] }, ids, { timeoutMs: 5 * MIN, requestsPerMinute: 600 });
    const times = api.calls.map((c) => c.at - T0).sort((x, y) => x - y);
    for (let i = 1; i < times.length; i++)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(100);
    expect(api.calls.length).toBeGreaterThan(1000);
  });
});

describe('waitForJobs: Ctrl-C', () => {
  it('stops every loop, keeps what was seen, exit 130', async () => {
    const interrupt = new AbortController();
    const pressCtrlCOnThirdPoll = ({ n }: { n: number }) => {
      if (n === 2) interrupt.abort(new Error('SIGINT'));
      return running(`${n * 10}%`);
    };
    const { result, api } = await run({ a: [pressCtrlCOnThirdPoll], b: [completed] }, ['a', 'b'], {
      signal: interrupt.signal,
    });
    expect(result.exitCode).toBe(EXIT.interrupted);
    expect(result.results.map((r) => r.outcome)).toEqual(['interrupted', 'completed']);
    expect(result.results[0]?.item?.process).toBe('20%');
    expect(api.calls.filter((c) => c.id === 'a')).toHaveLength(3);
  });

  it('an already aborted signal sends nothing', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    const { result, api } = await run({ a: [completed] }, ['a'], { signal: interrupt.signal });
    expect(result.exitCode).toBe(EXIT.interrupted);
    expect(api.calls).toHaveLength(0);
  });
});

describe('waitForJobs: reporter events', () => {
  it('tells the reporter everything, ticks on its cadence, and always stops it', async () => {
    const events: string[] = [];
    const reporter: WaitReporter = {
      tickMs: 4 * S,
      start: (ids, at) => events.push(`start ${ids.join(',')} ${at - T0}`),
      observed: (id, j, at) => events.push(`observed ${id} ${j.status} ${at - T0}`),
      notVisible: (id, at) => events.push(`notVisible ${id} ${at - T0}`),
      retrying: (id, _e, delay, at) => events.push(`retrying ${id} ${delay} ${at - T0}`),
      finished: (r, at) => events.push(`finished ${r.id} ${r.outcome} ${at - T0}`),
      tick: (at) => events.push(`tick ${at - T0}`),
      stop: (r, at) => events.push(`stop ${exitCodeOf(r.results)} ${at - T0}`),
    };
    await run({ a: [notFound(), unavailable(), completed] }, ['a'], { reporter });
    expect(events).toEqual([
      'start a 0',
      'notVisible a 0',
      'tick 4000',
      'retrying a 5000 5000',
      'tick 8000',
      'observed a Completed 10000',
      'finished a completed 10000',
      'stop 0 10000',
    ]);
  });
});
