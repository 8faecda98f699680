// Polls until every target is finished: a job (Completed or Failed), or an instance (no task Running). Pure logic:
// the API, clock, sleep, randomness, signals and the progress display are all injected, so every path (throttling,
// outages, timeouts, signals) runs in tests instantly. Outcomes only: main() turns them into an exit code.
import { setMaxListeners } from 'node:events';
import { RequestBudget } from '../api/budget.js';
import type { Api, CallOptions } from '../api/types.js';
import { formatDuration, formatElapsed } from '../duration.js';
import {
  ApiError,
  DeadlineError,
  failsForEveryRequest,
  GoneError,
  isTransient,
  MalformedResponseError,
  NETWORK_HINT,
  NetworkError,
  NotFoundError,
  RdsjobError,
} from '../errors.js';
import type { Job } from '../job.js';
import { verdictOf } from '../status.js';
import { MAX_RETRY_AFTER_MS, OVERDUE_GRACE_MS } from '../limits.js';
import { DEFAULT_REQUESTS_PER_MINUTE, MAX_BACKOFF_MS } from './defaults.js';
import { backoff, jitter } from './pacing.js';
import type { WaitReporter } from './reporter.js';
import type { ItemResult, WaitOutcome, WaitResult } from './result.js';

export interface WaitOptions {
  /** 0 = no limit. */
  timeoutMs: number;
  intervalMs: number;
  /** A 404 this soon after the start means "not visible yet" (new jobs take seconds to appear). */
  notFoundGraceMs: number;
  /** Shared by all targets; default 60 (RDS's documented per-user limit). */
  requestsPerMinute?: number;
  /** Longest backoff after transient failures; default 60 s (or the interval, when that is longer). */
  maxBackoffMs?: number;
  /** When the wait began (epoch ms), if before the engine started (the IAM lookup); default: now. */
  startedAt?: number;
  /** --fail-fast: the first target that ends Failed stops the others ('stopped'). */
  failFast?: boolean;
}

export interface WaitIo {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1), for jitter. */
  random(): number;
  /**
   * A stop signal (reason: InterruptedError), or the caller's deadline (reason: DeadlineError, at --timeout plus
   * OVERDUE_GRACE_MS: deadline.ts). The engine plans its last look for --timeout; this signal alone enforces it.
   */
  signal?: AbortSignal;
  reporter: WaitReporter;
}

/** Sends one request of a look, once the shared budget has a slot for it (the engine's own signal, no retries). */
type Send = <R>(request: (options: CallOptions) => Promise<R>) => Promise<R>;

/** What one loop of the engine waits on. */
export interface Target<S> {
  /** Results and progress lines are keyed by it: the job id; for an instance wait, the instance id. */
  readonly id: string;
  /** One look, its requests sent through `send`; throws the API's errors. */
  look(send: Send): Promise<S>;
  /** Finished? Undefined while it still runs. */
  verdict(state: S): 'completed' | 'failed' | undefined;
  /** Tells the reporter what a look showed. */
  report(state: S, reporter: WaitReporter, at: number): void;
  /** Tells the reporter how the target ended. */
  reportEnd(result: ItemResult<S>, reporter: WaitReporter, at: number): void;
}

/**
 * A 2xx body without what the API promises is more often a proxy or gateway hiccup than a changed API, so it is
 * retried like a transient failure — but only this many times in a row: a body that stays malformed will not heal.
 */
const MAX_CONSECUTIVE_MALFORMED = 3;

/**
 * A job never seen that the API will not show: not visible yet (a new job takes seconds to appear), during the
 * grace period. RDS does not document what it answers then: a 404, or a 400 with an RDS (`DBS.`) code; a request
 * rdsjob got wrong cannot be the cause, since ids are checked before anything is sent.
 */
function notVisible(error: unknown): boolean {
  return (
    error instanceof NotFoundError ||
    (error instanceof ApiError && error.status === 400 && error.code?.startsWith('DBS.') === true)
  );
}

/** The job or task an error is about (a task looked up during an instance wait), for the retry line. */
function itemOf(error: unknown): string | undefined {
  return error instanceof RdsjobError ? error.itemId : undefined;
}

function retryAfterOf(error: unknown): number | undefined {
  const ms = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

/** Why a look did not happen: no budget slot before the deadline, or the wait was stopped while it queued. */
const NO_SLOT = Symbol('no budget slot before the deadline');
const STOPPED = Symbol('stopped');
/** Why the other loops stop under --fail-fast. */
const FAILED_FAST = Symbol('a target failed under --fail-fast');

type Look<S> = { ok: true; state: S } | { ok: false; error: unknown };

export async function waitForTargets<S>(
  targets: readonly Target<S>[],
  options: WaitOptions,
  io: WaitIo,
): Promise<WaitResult<S>> {
  const { now, sleep, random, reporter } = io;
  const start = options.startedAt ?? now();
  const deadline = options.timeoutMs > 0 ? start + options.timeoutMs : Infinity;
  const budget = RequestBudget.perMinute(options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE, { smooth: true });
  // Each target on its own would be looked at every interval; n targets together must fit the budget.
  const period = Math.max(options.intervalMs, targets.length * budget.spacingMs);
  const maxBackoff = options.maxBackoffMs ?? MAX_BACKOFF_MS;

  // `stop` ends every loop: a signal, the command's bound, an error that would fail for every target, or a bug.
  const stop = new AbortController();
  // Every target's sleep and request listens to it: 100 ids are not a leak.
  setMaxListeners(0, stop.signal);
  let fatal: unknown;
  const interrupt = () => stop.abort(io.signal?.reason);
  if (io.signal?.aborted) interrupt();
  else io.signal?.addEventListener('abort', interrupt, { once: true });
  // What never worked is a configuration problem, what worked and then stopped is an outage (errors.ts isTransient).
  let answered = false;
  const unanswered = () =>
    new NetworkError(
      `no answer from the API: the request was still unanswered ${formatElapsed(OVERDUE_GRACE_MS)} after --timeout`,
      {
        hint: NETWORK_HINT,
      },
    );

  // Sleeps end early, never with an error, when the wait is stopped: the loops look at `stop` when they wake.
  const pause = (ms: number) => sleep(ms, stop.signal).catch(() => undefined);

  // A target's first look is never refused for the deadline: however short --timeout (or slow the start-up), the
  // wait reports what it waits on as it is, rather than "not seen yet".
  const sender =
    (first: boolean): Send =>
    async (request) => {
      const slot = budget.reserve(now(), first ? Infinity : deadline);
      if (slot === undefined) throw NO_SLOT;
      if (slot > now()) await pause(slot - now());
      if (stop.signal.aborted) throw STOPPED;
      // No HTTP-level retries: the engine retries itself, within the shared request budget.
      return request({ signal: stop.signal, retries: 0 });
    };

  async function look(target: Target<S>, first: boolean): Promise<Look<S>> {
    try {
      return { ok: true, state: await target.look(sender(first)) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  async function waitForOne(target: Target<S>): Promise<ItemResult<S>> {
    let last: S | undefined;
    let looks = 0;
    let failures = 0;
    let malformed = 0;
    let lastFailure: unknown;
    const end = (outcome: WaitOutcome, error?: unknown): ItemResult<S> => ({
      id: target.id,
      outcome,
      item: last,
      error,
      elapsedMs: now() - start,
    });
    const cutShort = (): ItemResult<S> => {
      if (fatal !== undefined) return end('error', fatal);
      const reason: unknown = stop.signal.reason;
      // The command's bound is --timeout's hard stop: a timeout, and the API at fault if it left us hanging.
      if (reason instanceof DeadlineError) return end('timeout', lastFailure ?? unanswered());
      if (reason === FAILED_FAST) return end('stopped');
      return end('interrupted', reason);
    };

    for (;;) {
      if (stop.signal.aborted) return cutShort();
      const result = await look(target, looks++ === 0);
      let delay: number;
      if (result.ok) {
        answered = true;
        last = result.state;
        failures = 0;
        malformed = 0;
        lastFailure = undefined;
        target.report(result.state, reporter, now());
        const verdict = target.verdict(result.state);
        if (verdict === 'failed' && options.failFast) stop.abort(FAILED_FAST);
        if (verdict !== undefined) return end(verdict);
        delay = jitter(period, random);
      } else {
        const { error } = result;
        if (error === NO_SLOT) return end('timeout', lastFailure);
        if (stop.signal.aborted || error === STOPPED) return cutShort();
        // An answer, even an error status, shows the endpoint is the right one.
        if ((error as { status?: unknown }).status !== undefined) answered = true;
        const seen = last !== undefined;
        if (error instanceof GoneError) return end('not-found', error);
        if (notVisible(error) && !seen) {
          if (now() - start >= options.notFoundGraceMs)
            return end(error instanceof NotFoundError ? 'not-found' : 'error', error);
          reporter.notVisible(target.id, now());
          lastFailure = undefined;
          delay = jitter(period, random);
        } else if (
          isTransient(error, answered) ||
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
          if (free > deadline) {
            // Waiting would end past --timeout without another look: say so now rather than claim a timeout later.
            if (retryAfterMs === undefined) return end('timeout', lastFailure);
            return end('error', throttledPastDeadline(error, retryAfterMs));
          }
          reporter.retrying(
            itemOf(error) ?? target.id,
            error,
            Math.min(Math.max(now() + delay, free), deadline) - now(),
            now(),
          );
        } else {
          // Fails for every target alike: reported once, the whole wait ends (a wrong host name fails every id).
          if (failsForEveryRequest(error) || error instanceof NetworkError) {
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

  let result: WaitResult<S> | undefined;
  try {
    reporter.start(
      targets.map((t) => t.id),
      start,
    );
    const ticker = reporter.tickMs !== undefined && reporter.tickMs > 0 ? tick(reporter.tickMs) : Promise.resolve();
    const settled = await Promise.allSettled(
      targets.map(async (target) => {
        try {
          const r = await waitForOne(target);
          target.reportEnd(r, reporter, now());
          return r;
        } catch (error) {
          failHard(error);
          throw error;
        }
      }),
    );
    ticking.abort();
    await ticker;
    if (bug !== undefined) throw bug.error;
    const results = settled.map((s) => (s as PromiseFulfilledResult<ItemResult<S>>).value);
    result = { results, fatal, elapsedMs: now() - start };
    return result;
  } finally {
    ticking.abort();
    io.signal?.removeEventListener('abort', interrupt);
    reporter.stop(
      {
        results: (result?.results ?? []).map(({ item: _item, ...r }) => r),
        elapsedMs: now() - start,
      },
      now(),
    );
  }
}

/** A job: one ListJobInfo request per look, finished once Completed or Failed. */
function jobTarget(id: string, api: Pick<Api, 'getJob'>): Target<Job> {
  return {
    id,
    look: (send) => send((options) => api.getJob(id, options)),
    verdict: verdictOf,
    report: (job, reporter, at) => reporter.observed(id, job, at),
    reportEnd: (result, reporter, at) => reporter.finished(result, at),
  };
}

/** Polls jobs until each is Completed or Failed (an id given twice is polled once). */
export function waitForJobs(
  ids: readonly string[],
  options: WaitOptions,
  io: WaitIo & { api: Pick<Api, 'getJob'> },
): Promise<WaitResult<Job>> {
  return waitForTargets(
    [...new Set(ids)].map((id) => jobTarget(id, io.api)),
    options,
    io,
  );
}

/** A Retry-After that reaches past the deadline: the wait ends now, exit 5, saying so (never a false "timed out"). */
function throttledPastDeadline(error: unknown, plannedMs: number): ApiError {
  const { requestId, retryAfterMs = plannedMs } = error as { requestId?: string; retryAfterMs?: number };
  return new ApiError(`throttled: RDS asks to wait ${formatDuration(retryAfterMs)}, beyond --timeout`, {
    status: 429,
    requestId,
    hint: 'wait before retrying, or raise --timeout (0 waits without limit)',
    cause: error,
  });
}
