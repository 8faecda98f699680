// Polls jobs until each is Completed or Failed. Pure logic: the API, clock, sleep, randomness, Ctrl-C and the
// progress display are all injected, so every path (throttling, outages, timeouts, Ctrl-C) runs in tests instantly.
import { setMaxListeners } from 'node:events';
import type { Api } from '../api/types.js';
import { formatElapsed } from '../duration.js';
import { DeadlineError, failsForEveryRequest, isTransient, MalformedResponseError, NetworkError, NotFoundError } from '../errors.js';
import { statusOf, type Job } from '../job.js';
import { MAX_RETRY_AFTER_MS, OVERDUE_GRACE_MS } from '../limits.js';
import { DEFAULT_REQUESTS_PER_MINUTE, MAX_BACKOFF_MS } from './defaults.js';
import { RequestBudget } from '../api/budget.js';
import { backoff, jitter } from './pacing.js';
import type { WaitReporter } from './reporter.js';
import type { JobResult, WaitOutcome, WaitResult } from './result.js';

export interface WaitOptions {
  /** 0 = no limit. */
  timeoutMs: number;
  intervalMs: number;
  /** A 404 this soon after the start means "not visible yet" (new jobs take seconds to appear). */
  notFoundGraceMs: number;
  /** Shared by all ids; default 60 (RDS's documented per-user limit). */
  requestsPerMinute?: number;
  /** Longest backoff after transient failures; default 60 s (or the interval, when that is longer). */
  maxBackoffMs?: number;
  /** When the wait began (epoch ms), if before the engine started (the IAM lookup); default: now. */
  startedAt?: number;
}

export interface WaitIo {
  api: Pick<Api, 'getJob'>;
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1), for jitter. */
  random(): number;
  /** A stop signal (reason: InterruptedError), or the command's bound running out (reason: DeadlineError). */
  signal?: AbortSignal;
  reporter: WaitReporter;
}

/**
 * A 2xx body without a `job` is more often a proxy or gateway hiccup than a changed API, so it is retried like a
 * transient failure — but only this many times in a row: a body that stays malformed will not heal in an hour.
 */
const MAX_CONSECUTIVE_MALFORMED = 3;

function retryAfterOf(error: unknown): number | undefined {
  const ms = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

type Poll = { ok: true; job: Job } | { ok: false; error: unknown };

export async function waitForJobs(ids: readonly string[], options: WaitOptions, io: WaitIo): Promise<WaitResult> {
  const { api, now, sleep, random, reporter } = io;
  const unique = [...new Set(ids)];
  const start = options.startedAt ?? now();
  const deadline = options.timeoutMs > 0 ? start + options.timeoutMs : Infinity;
  const budget = RequestBudget.perMinute(options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE, { smooth: true });
  // Each id on its own would poll every interval; n ids together must fit the budget.
  const period = Math.max(options.intervalMs, unique.length * budget.spacingMs);
  const maxBackoff = options.maxBackoffMs ?? MAX_BACKOFF_MS;

  // `stop` ends every loop: a signal, the command's bound, an error that would fail for every id, or a bug.
  const stop = new AbortController();
  // Every id's sleep and request listens to it: 100 ids are not a leak.
  setMaxListeners(0, stop.signal);
  let fatal: unknown;
  const interrupt = () => stop.abort(io.signal?.reason);
  if (io.signal?.aborted) interrupt();
  else io.signal?.addEventListener('abort', interrupt, { once: true });
  // A request still hanging OVERDUE_GRACE_MS after the deadline is abandoned, so --timeout bounds the wait even
  // when the network does not answer (a single request may otherwise take its whole attempt timeout).
  const overdue = new AbortController();
  const requestSignal = AbortSignal.any([stop.signal, overdue.signal]);
  setMaxListeners(0, requestSignal);
  const unanswered = () =>
    new NetworkError(`no answer from the API: the request was still unanswered ${formatElapsed(OVERDUE_GRACE_MS)} after --timeout`, {
      hint: 'check the endpoint and your network or proxy; rerun with --debug for details',
    });

  // Sleeps end early, never with an error, when the wait is stopped: the loops look at `stop` when they wake.
  const pause = (ms: number) => sleep(ms, stop.signal).catch(() => undefined);

  async function poll(id: string): Promise<Poll> {
    try {
      // No HTTP-level retries: the engine retries itself, within the shared request budget.
      return { ok: true, job: await api.getJob(id, { signal: requestSignal, retries: 0 }) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  async function waitForOne(id: string): Promise<JobResult> {
    let last: Job | undefined;
    let failures = 0;
    let malformed = 0;
    let lastFailure: unknown;
    const end = (outcome: WaitOutcome, error?: unknown): JobResult => ({
      id, outcome, job: last, error, elapsedMs: now() - start,
    });
    const cutShort = (): JobResult => {
      if (fatal !== undefined) return end('error', fatal);
      const reason: unknown = stop.signal.reason;
      // The command's bound is --timeout's hard stop: a timeout, and the API at fault if it left us hanging.
      if (reason instanceof DeadlineError) return end('timeout', lastFailure ?? unanswered());
      return end('interrupted', reason);
    };

    for (;;) {
      if (stop.signal.aborted) return cutShort();
      const slot = budget.reserve(now(), deadline);
      if (slot === undefined) return end('timeout', lastFailure);
      if (slot > now()) await pause(slot - now());
      if (stop.signal.aborted) return cutShort();

      const result = await poll(id);
      let delay: number;
      if (result.ok) {
        const job = result.job;
        last = job;
        failures = 0;
        malformed = 0;
        lastFailure = undefined;
        reporter.observed(id, job, now());
        const status = statusOf(job);
        if (status === 'Completed') return end('completed');
        if (status === 'Failed') return end('failed');
        delay = jitter(period, random);
      } else {
        const { error } = result;
        if (stop.signal.aborted) return cutShort();
        if (overdue.signal.aborted) return end('timeout', lastFailure ?? unanswered());
        const seen = last !== undefined;
        if (error instanceof NotFoundError && !seen) {
          if (now() - start >= options.notFoundGraceMs) return end('not-found', error);
          reporter.notVisible(id, now());
          lastFailure = undefined;
          delay = jitter(period, random);
        } else if (
          isTransient(error) ||
          // RDS keeps jobs for a month: a job already seen that answers 404 has not vanished, the API hiccupped.
          (error instanceof NotFoundError && seen) ||
          (error instanceof MalformedResponseError && ++malformed < MAX_CONSECUTIVE_MALFORMED)
        ) {
          failures += 1;
          lastFailure = error;
          const retryAfterMs = retryAfterOf(error);
          delay = backoff(failures, period, maxBackoff, random, retryAfterMs);
          if (retryAfterMs !== undefined) budget.pauseUntil(now() + retryAfterMs);
          // Say when the next attempt really is: at the deadline at the latest (one last look), and never when the
          // budget (a Retry-After) leaves no attempt before the deadline.
          const free = budget.earliest(now());
          if (free > deadline) return end('timeout', lastFailure);
          reporter.retrying(id, error, Math.min(Math.max(now() + delay, free), deadline) - now(), now());
        } else {
          if (failsForEveryRequest(error)) {
            fatal ??= error;
            stop.abort(error);
          }
          return end('error', error);
        }
      }

      const remaining = deadline - now();
      if (remaining <= 0) return end('timeout', lastFailure);
      // Waking at the deadline gives one last look before giving up.
      await pause(Math.min(delay, remaining));
    }
  }
  const ticking = new AbortController();
  async function abandonOverdueRequests(): Promise<void> {
    if (deadline === Infinity) return;
    try {
      await sleep(deadline + OVERDUE_GRACE_MS - now(), ticking.signal);
      overdue.abort();
    } catch {
      // the wait ended first
    }
  }

  // Anything a loop throws is a bug (API failures are outcomes): it stops every loop at once, then surfaces.
  let bug: { error: unknown } | undefined;
  const failHard = (error: unknown) => {
    bug ??= { error };
    stop.abort(error);
  };

  async function tick(every: number): Promise<void> {
    for (;;) {
      try {
      await sleep(every, ticking.signal);
      } catch {
      return;
      }
      if (ticking.signal.aborted) return;
      try {
      reporter.tick(now());
      } catch (error) {
      return failHard(error);
      }
    }
  }

  reporter.start(unique, start);
  const ticker = reporter.tickMs !== undefined && reporter.tickMs > 0 ? tick(reporter.tickMs) : Promise.resolve();
  const watchdog = abandonOverdueRequests();
  let result: WaitResult | undefined;
  try {
    const settled = await Promise.allSettled(
      unique.map(async (id) => {
        try {
          const r = await waitForOne(id);
          reporter.finished(r, now());
          return r;
        } catch (error) {
          failHard(error);
          throw error;
        }
      }),
    );
    if (bug !== undefined) throw bug.error;
    const results = settled.map((s) => (s as PromiseFulfilledResult<JobResult>).value);
    result = { results, fatal, elapsedMs: now() - start };
    return result;
  } finally {
    ticking.abort();
    await Promise.all([ticker, watchdog]);
    io.signal?.removeEventListener('abort', interrupt);
    reporter.stop(result ?? { results: [], elapsedMs: now() - start }, now());
  }
}
