// The logic behind an exit code a pipeline can trust, in-process on fake clocks: the engine stopping every poller,
// the request budget over a sliding window, the bounds' arithmetic, and the messages that must not mislead.
import { describe, expect, it } from 'vitest';
import { RequestBudget, WINDOW_MARGIN_MS } from '../../src/api/budget.js';
import { formatDelay } from '../../src/duration.js';
import { ApiError, DeadlineError, NetworkError, NotFoundError } from '../../src/errors.js';
import { EXIT, exitCodeFor, exitCodeOf } from '../../src/exit-codes.js';
import { createHttpClient } from '../../src/http/client.js';
import { redactProxy, throughProxy } from '../../src/http/proxy.js';
import { startServer } from '../support/http-test-server.js';
import { API_BOUND_MS, apiBoundMs, ATTEMPTS, attemptTimeoutMs, PRINT_AND_EXIT_MS } from '../../src/limits.js';
import { runGet } from '../../src/commands/get/run.js';
import { main } from '../../src/main.js';
import { usableHome } from '../../src/config/paths.js';
import { cacheDir, rdsjobConfigPath } from '../../src/config/paths.js';
import { formatError } from '../../src/render/error.js';
import { waitForJobs } from '../../src/wait/engine.js';
import { quietReporter, type WaitReporter } from '../../src/wait/reporter.js';
import { fakeDeps, scriptedApi as scripted } from '../support/fakes.js';
import { FakeClock, ScriptedApi, T0, harness, job } from '../support/wait-fakes.js';

const S = 1000;
const MIN = 60 * S;
const running = (process = '') => job({ status: 'Running', process });
const completed = job({ status: 'Completed' });

/** The largest number of times that fall in any window [t, t + width). */
function busiestWindow(times: readonly number[], width: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= width) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('the wait engine stops everything when one poller has a bug', () => {
  it('a reporter that throws for one id ends every loop at once and surfaces as a bug (exit 70), not an API error', async () => {
    const clock = new FakeClock();
    const api = new ScriptedApi(clock, { '*': [running('10%')] });
    const bug = new TypeError("Cannot read properties of undefined (reading 'length')");
    const reporter: WaitReporter = {
      ...quietReporter,
      observed: (id) => {
        if (id === 'b' && clock.now() > T0) throw bug;
      },
    };
    const outcome = await waitForJobs(
      ['a', 'b'],
      { timeoutMs: 60 * MIN, intervalMs: 5 * S, notFoundGraceMs: 60 * S },
      {
        api,
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        reporter,
      },
    ).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    expect(outcome).toBe(bug);
    // b's second poll (at ~5 s) threw: nothing was polled after it, though `a` would run for an hour.
    expect(Math.max(...api.calls.map((c) => c.at - T0))).toBeLessThan(10 * S);
    expect(exitCodeFor(bug)).toBe(EXIT.internal);
    expect(formatError(bug, false)).toBe(
      "error: internal error (a bug in rdsjob): Cannot read properties of undefined (reading 'length')\n" +
        'hint: please report it, with the output of the same command run with --debug\n',
    );
  });

  it('a job seen and then answering 404 is retried like a 503, and the wait goes on', async () => {
    const clock = new FakeClock();
    const gone = new NotFoundError('job a not found (HTTP 404)', { status: 404, itemId: 'a' });
    const api = new ScriptedApi(clock, { a: [running('10%'), gone, running('20%'), completed] });
    const retried: string[] = [];
    const result = await waitForJobs(
      ['a'],
      { timeoutMs: 60 * MIN, intervalMs: 5 * S, notFoundGraceMs: 0 },
      {
        api,
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        reporter: { ...quietReporter, retrying: (_id, error) => retried.push((error as Error).message) },
      },
    );
    expect(exitCodeOf(result.results)).toBe(EXIT.ok);
    expect(retried).toEqual(['job a not found (HTTP 404)']);
  });

  it('never announces a retry that will not happen: a Retry-After past the deadline ends the wait at once, saying so (exit 5)', async () => {
    const clock = new FakeClock();
    const throttled = new ApiError('RDS API error 429 (APIGW.0308: throttled)', { status: 429, retryAfterMs: 5 * MIN });
    const api = new ScriptedApi(clock, { a: [running('10%'), throttled] });
    const retried: number[] = [];
    const result = await waitForJobs(
      ['a'],
      { timeoutMs: MIN, intervalMs: 5 * S, notFoundGraceMs: 60 * S },
      {
        api,
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        reporter: { ...quietReporter, retrying: (_id, _e, delay) => retried.push(delay) },
      },
    );
    // Ended now and said so: exit 5, never a "timed out after 1m" it did not wait for.
    expect(result.results[0]).toMatchObject({ outcome: 'error' });
    expect((result.results[0]!.error as Error).message).toBe('throttled: RDS asks to wait 5m, beyond --timeout');
    expect(exitCodeOf(result.results)).toBe(EXIT.api);
    expect(retried).toEqual([]);
    expect(clock.now() - T0).toBeLessThan(10 * S); // and it did not sleep until the deadline for nothing
  });

  it('a retry due after the deadline is announced for the deadline (the last look), not for later', async () => {
    const clock = new FakeClock();
    const down = new ApiError('RDS API error 503 (Service Unavailable)', { status: 503 });
    const api = new ScriptedApi(clock, { a: [running('10%'), down] });
    const retried: number[] = [];
    await waitForJobs(
      ['a'],
      { timeoutMs: 12 * S, intervalMs: 5 * S, notFoundGraceMs: 60 * S, maxBackoffMs: 60 * S },
      {
        api,
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        reporter: { ...quietReporter, retrying: (_id, _e, delay) => retried.push(delay) },
      },
    );
    expect(Math.max(...retried)).toBeLessThanOrEqual(12 * S);
    for (const delay of retried) expect(formatDelay(delay)).not.toBe('0s');
  });
});

describe('the request budget, over a sliding window', () => {
  it('200 ids for 10 minutes: never more than 60 arrivals in any 60 s, even when requests leave late', async () => {
    const clock = new FakeClock();
    const arrivals: number[] = [];
    let sent = 0;
    const api = {
      async getJob(id: string) {
        // The first request opens a connection (800 ms); later ones arrive 0–300 ms after they leave.
        await clock.sleep(sent++ === 0 ? 800 : (sent * 37) % 300);
        arrivals.push(clock.now());
        return running(id);
      },
    };
    const ids = Array.from({ length: 200 }, (_, i) => `job-${i}`);
    await waitForJobs(
      ids,
      { timeoutMs: 10 * MIN, intervalMs: 5 * S, notFoundGraceMs: 60 * S },
      {
        api,
        now: clock.now,
        sleep: clock.sleep,
        random: Math.random,
        reporter: quietReporter,
      },
    );
    expect(arrivals.length).toBeGreaterThan(500);
    expect(busiestWindow(arrivals, MIN)).toBeLessThanOrEqual(60);
  });

  it('in bursts (get): 60 at once, the 61st a window and the margin later', () => {
    const budget = RequestBudget.perMinute(60, { smooth: false });
    const slots = Array.from({ length: 130 }, () => budget.reserve(T0)!);
    expect(slots.slice(0, 60).every((slot) => slot === T0)).toBe(true);
    expect(slots[60]).toBe(T0 + MIN + WINDOW_MARGIN_MS);
    expect(slots[120]).toBe(T0 + 2 * (MIN + WINDOW_MARGIN_MS));
    expect(busiestWindow(slots, MIN + WINDOW_MARGIN_MS)).toBe(60);
  });

  it('spanMs: how much longer than one bound `get` of many ids must take', () => {
    const burst = RequestBudget.perMinute(60, { smooth: false });
    expect([1, 60, 61, 120, 121].map((n) => burst.spanMs(n))).toEqual([0, 0, 61 * S, 61 * S, 122 * S]);
    const smooth = RequestBudget.perMinute(60, { smooth: true });
    expect(smooth.spacingMs).toBe(1017);
    expect(smooth.spanMs(3)).toBe(2 * 1017);
  });

  it('get with 70 ids stays within the budget: 60 at once, the other 10 after a minute, and the bound grows with it', async () => {
    const h = harness({ '*': [completed] }, { output: 'json' });
    const limits: number[] = [];
    h.ctx.limit = (boundMs) => void limits.push(boundMs);
    const ids = Array.from({ length: 70 }, (_, i) => `job-${i}`);
    const outcomes = await runGet(ids, h.ctx);
    expect(exitCodeOf(outcomes)).toBe(EXIT.ok);
    const times = h.api.calls.map((c) => c.at - T0);
    expect(times).toHaveLength(70);
    expect(times.filter((t) => t === 0)).toHaveLength(60);
    expect(Math.min(...times.filter((t) => t > 0))).toBe(MIN + WINDOW_MARGIN_MS);
    expect(busiestWindow(times, MIN)).toBe(60);
    expect(limits).toEqual([API_BOUND_MS + MIN + WINDOW_MARGIN_MS]);
    expect(JSON.parse(h.stdout.text)).toHaveLength(70);
  });
});

describe('the bounds, and their arithmetic', () => {
  it('three attempts of a third of the bound each fill exactly the bound (60 s: 20 s each)', () => {
    expect(API_BOUND_MS).toBe(60 * S);
    expect(attemptTimeoutMs(API_BOUND_MS)).toBe(20 * S);
    expect(ATTEMPTS * attemptTimeoutMs(API_BOUND_MS)).toBe(API_BOUND_MS);
    expect(attemptTimeoutMs(3 * S)).toBe(S);
  });

  it.each([
    [undefined, 60 * S],
    ['', 60 * S],
    ['3s', 3 * S],
    ['1m30s', 90 * S],
  ])('RDSJOB_API_TIMEOUT=%j → %i ms', (text, ms) => expect(apiBoundMs({ RDSJOB_API_TIMEOUT: text })).toBe(ms));

  it.each(['0', '-1s', 'soon', '10x'])('RDSJOB_API_TIMEOUT=%j is refused (exit 2), naming the variable', (text) => {
    let error: unknown;
    try {
      apiBoundMs({ RDSJOB_API_TIMEOUT: text });
    } catch (e) {
      error = e;
    }
    expect(exitCodeFor(error)).toBe(EXIT.usage);
    expect((error as Error).message).toContain(`invalid RDSJOB_API_TIMEOUT ${JSON.stringify(text)}`);
  });

  it('an invalid RDSJOB_API_TIMEOUT is refused before any request', async () => {
    const deps = fakeDeps(
      {
        close() {},
        getJob: async () => {
          throw new Error('sent');
        },
      },
      { env: { RDSJOB_API_TIMEOUT: 'soon' } },
    );
    expect(await main(['get', 'a'], deps)).toBe(EXIT.usage);
    expect(deps.configs).toHaveLength(0);
  });

  it('the bound running out is a network failure (5), and the client names the host that kept it waiting', async () => {
    const bound = new DeadlineError('3s (RDSJOB_API_TIMEOUT)', { boundMs: 3 * S });
    expect(exitCodeFor(bound)).toBe(EXIT.api);
    let arrived: () => void = () => undefined;
    const request = new Promise<void>((resolve) => (arrived = resolve));
    const server = await startServer(() => arrived()); // takes the request and never answers
    const http = createHttpClient({ auth: { kind: 'token', token: 't' } }, { now: Date.now });
    try {
      const stop = new AbortController();
      const pending = http.getJson(server.url, '/v3/p/jobs', [['id', 'x']], {}, stop.signal).catch((e: unknown) => e);
      await request; // the bound runs out with the request on the wire
      stop.abort(bound);
      const error = await pending;
      expect(error).toBeInstanceOf(DeadlineError);
      expect(exitCodeFor(error)).toBe(EXIT.api);
      expect((error as Error).message).toBe(
        `cannot reach ${new URL(server.url).host}: no complete answer within 3s (RDSJOB_API_TIMEOUT)`,
      );
    } finally {
      http.close();
      await server.close();
    }
  });
});

describe('messages that must not mislead', () => {
  it('"retrying in" never says 0s for a retry still ahead', () => {
    expect([0, 1, 800, 1000, 1001, 59_500].map(formatDelay)).toEqual(['1s', '1s', '1s', '1s', '2s', '1m']);
  });

  it('an error line names its job unless the error is about that very job, whatever its message says', () => {
    const unavailable = new ApiError('RDS API error 503 (Service Unavailable)', { status: 503 });
    expect(formatError(unavailable, false, 'b')).toBe('error: job b: RDS API error 503 (Service Unavailable)\n');
    const missing = new NotFoundError('job b not found (HTTP 404)', { itemId: 'b' });
    expect(formatError(missing, false, 'b')).toBe('error: job b not found (HTTP 404)\n');
  });

  it('proxy messages name the variables rdsjob reads (never HTTP_PROXY, which it does not)', () => {
    const error = throughProxy(
      new NetworkError('cannot reach rds.x: connection refused'),
      redactProxy('http://u:p@proxy:3128'),
    );
    expect(error.hint).toBe('check HTTPS_PROXY / ALL_PROXY and NO_PROXY; rerun with --debug for details');
    expect(error.message).toBe('cannot reach rds.x: connection refused (through proxy http://****@proxy:3128)');
  });
});

describe('where files go', () => {
  it.each([
    ['/home/u', '/home/u'],
    ['', undefined],
    ['relative/home', undefined],
    [undefined, '/home/from-passwd'],
  ])('HOME=%j → home %j', (home, expected) => expect(usableHome(home, () => '/home/from-passwd')).toBe(expected));

  it('relative XDG directories are ignored; RDSJOB_CONFIG may be relative (the user said so)', () => {
    expect(rdsjobConfigPath({ XDG_CONFIG_HOME: 'rel' }, '/home/u')).toBe('/home/u/.config/rdsjob/config.json');
    expect(rdsjobConfigPath({ XDG_CONFIG_HOME: 'rel' }, undefined)).toBeUndefined();
    expect(rdsjobConfigPath({ RDSJOB_CONFIG: 'here.json' }, undefined)).toBe('here.json');
    expect(cacheDir({ XDG_CACHE_HOME: 'rel' }, '/home/u')).toBe('/home/u/.cache/rdsjob');
    expect(cacheDir({}, undefined)).toBeUndefined();
  });
});

describe('get and list bound the whole run, from the process start to its exit', () => {
  /** A context on a fake clock whose process started 400 ms before the command set `limit(...)`; resolves when the bound fires. */
  async function boundFiresAt(...limit: [number, string, { wholeRun?: boolean }?]) {
    const { createContext } = await import('../../src/command-line.js');
    const clock = new FakeClock();
    const deps = {
      ...fakeDeps(scripted(() => new Error('unused'))),
      now: clock.now,
      sleep: clock.sleep,
      startedAt: T0 - 400,
    };
    const ctx = createContext({}, 'table', deps, '0.0.0-test');
    ctx.limit(...limit);
    const at = await new Promise<number>((resolve) => ctx.signal.addEventListener('abort', () => resolve(clock.now())));
    await ctx.close(0);
    return { elapsed: at - T0, reason: ctx.signal.reason as DeadlineError };
  }

  it('the command bound runs out at the bound, less start-up already spent and the time kept for printing and exiting', async () => {
    const { elapsed, reason } = await boundFiresAt(3_000, 'RDSJOB_API_TIMEOUT', { wholeRun: true });
    expect(elapsed).toBe(3_000 - 400 - PRINT_AND_EXIT_MS);
    expect(reason.message).toBe('3s (RDSJOB_API_TIMEOUT)');
  });

  it('a wait is bound by --timeout from its own start (not the process start)', async () => {
    expect((await boundFiresAt(3_000, '--timeout 3s')).elapsed).toBe(3_000);
  });
});
