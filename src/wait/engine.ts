// Polls until every target is finished: a job (Completed or Failed), or an instance (no task Running). Pure logic:
// the API, clock, sleep, randomness, signals and the progress display are all injected, so every path (throttling,
// outages, timeouts, signals) runs in tests instantly. Outcomes only: main() turns them into an exit code.
import { setMaxListeners } from 'node:events';
import { RequestBudget } from '../api/budget.js';
import type { Api, CallOptions } from '../api/types.js';
import { formatElapsed } from '../duration.js';
import { DeadlineError, MalformedResponseError, NETWORK_HINT, NetworkError, RdsjobError } from '../errors.js';
import type { Job } from '../job.js';
import { verdictOf } from '../status.js';
import { OVERDUE_GRACE_MS } from '../limits.js';
import { afterAnswer, afterFailure, type Decision, pastDeadline } from './decide.js';
import { DEFAULT_REQUESTS_PER_MINUTE, MAX_BACKOFF_MS } from './defaults.js';
import { backoff, jitter } from '../pacing.js';
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
  /** Results and progress lines are keyed by it: the job id; for an instance wait, the REF the user gave. */
  readonly id: string;
  /** A job id: RDS shows a new one only after seconds, so "not found" means "not visible yet" within the grace. */
  readonly job?: boolean;
  /** One look, its requests sent through `send`; throws the API's errors. */
  look(send: Send): Promise<S>;
  /** Finished? Undefined while it still runs. */
  verdict(state: S): 'completed' | 'failed' | undefined;
  /** Tells the reporter what a look showed. */
  report(state: S, reporter: WaitReporter, at: number): void;
  /** Tells the reporter how the target ended. */
  reportEnd(result: ItemResult<S>, reporter: WaitReporter, at: number): void;
}

/** The job or task an error is about (a task looked up during an instance wait), for the retry line. */
function itemOf(error: unknown): string | undefined {
  return error instanceof RdsjobError ? error.itemId : undefined;
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
  // What never worked is a configuration problem, what worked and then stopped is an outage (errors.ts classify, through decide.ts).
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
  // wait reports what it waits on as it is, rather than "not seen yet". Nor is the last, woken at the deadline (a
  // timer fires a little after it). And a look is whole: once its first request has its slot, the others of the
  // look (an instance's status after its tasks) follow it; the caller's signal stays the hard stop.
  const sender = (unbounded: boolean): Send => {
    let opened = unbounded;
    return async (request) => {
      const slot = budget.reserve(now(), opened ? Infinity : deadline);
      if (slot === undefined) throw NO_SLOT;
      opened = true;
      if (slot > now()) await pause(slot - now());
      if (stop.signal.aborted) throw STOPPED;
      // No HTTP-level retries: the engine retries itself, within the shared request budget.
      return request({ signal: stop.signal, retries: 0 });
    };
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
      const result = await look(target, looks++ === 0 || now() >= deadline);
      if (!result.ok && (result.error === NO_SLOT || result.error === STOPPED || stop.signal.aborted)) {
        return result.error === NO_SLOT ? end('timeout', lastFailure) : cutShort();
      }
      // An answer, even an error status, shows the endpoint is the right one.
      if (result.ok || (result.error as { status?: unknown }).status !== undefined) answered = true;
      let decision: Decision;
      if (result.ok) {
        last = result.state;
        malformed = 0;
        target.report(result.state, reporter, now());
        decision = afterAnswer(target.verdict(result.state));
      } else {
        if (result.error instanceof MalformedResponseError) malformed += 1;
        decision = afterFailure(result.error, {
          id: target.id,
          job: target.job === true,
          seen: last !== undefined,
          answered,
          malformedInARow: malformed,
          elapsedMs: now() - start,
          graceMs: options.notFoundGraceMs,
        });
      }
      if (decision.kind !== 'retry') {
        failures = 0;
        lastFailure = undefined;
      }

      let delay = jitter(period, random);
      switch (decision.kind) {
        case 'done':
          if (decision.outcome === 'failed' && options.failFast) stop.abort(FAILED_FAST);
          return end(decision.outcome);
        case 'end':
          return end(decision.outcome, decision.error);
        case 'fatal':
          // Fails for every target alike: reported once, the whole wait ends (a wrong host name fails every id).
          fatal ??= decision.error;
          stop.abort(decision.error);
          return end('error', decision.error);
        case 'not-visible':
          reporter.notVisible(target.id, now());
          break;
        case 'again':
          break;
        case 'retry': {
          const error = (result as { error: unknown }).error;
          failures += 1;
          lastFailure = error;
          const { retryAfterMs } = decision;
          delay = backoff(failures, period, maxBackoff, random, retryAfterMs);
          if (retryAfterMs !== undefined) budget.pauseUntil(now() + retryAfterMs);
          // Say when the next attempt really is: at the deadline at the latest (one last look), and never when the
          // budget (a Retry-After) leaves no attempt before the deadline.
          const free = budget.earliest(now());
          const over = pastDeadline(retryAfterMs, error, free, deadline);
          if (over?.kind === 'end') return end(over.outcome, over.error);
          reporter.retrying(
            itemOf(error) ?? target.id,
            error,
            Math.min(Math.max(now() + delay, free), deadline) - now(),
            now(),
          );
          break;
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
    job: true,
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
