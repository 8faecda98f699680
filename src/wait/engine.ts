// Polls until every target is finished: a job (Completed or Failed), or an instance (no task Running). Pure logic:
// the API, clock, sleep, randomness, signals and the progress display are all injected, so every path (throttling,
// outages, timeouts, signals) runs in tests instantly. Outcomes only: main() turns them into an exit code.
import { setMaxListeners } from 'node:events';
import { RequestBudget } from '../api/budget.js';
import type { Api, CallOptions } from '../api/types.js';
import { RdsjobError } from '../errors.js';
import type { Job } from '../job.js';
import { verdictOf } from '../status.js';
import {
  afterLook,
  type Ending,
  FAILED_FAST,
  FIRST_LOOK,
  isAnswer,
  type Looked,
  retryIn,
  sleepBefore,
  stoppedEnding,
} from './decide.js';
import { DEFAULT_REQUESTS_PER_MINUTE, MAX_BACKOFF_MS } from './defaults.js';
import { backoff, jitter } from '../pacing.js';
import type { WaitReporter } from './reporter.js';
import type { ItemResult, WaitResult } from './result.js';

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

type Look<S> = { ok: true; state: S } | { ok: false; error: unknown };

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

/** What every target's loop shares: the one clock and deadline, the request budget, `stop`, what the wait learned. */
interface Shared {
  io: WaitIo;
  options: WaitOptions;
  start: number;
  deadline: number;
  /** Between two looks at a target: the interval, or longer when every target's looks must fit the budget. */
  period: number;
  budget: RequestBudget;
  /** Ends every loop: a signal, the command's bound, an error that would fail for every target, or a bug. */
  stop: AbortController;
  /** The endpoint answered in this wait: what never worked is a configuration problem, what stopped an outage. */
  answered: boolean;
  /** An error that fails for every target alike: reported once. */
  fatal?: unknown;
}

/** Sleeps end early, never with an error, when the wait is stopped: the loops look at `stop` when they wake. */
function pause(w: Shared, ms: number): Promise<void> {
  return w.io.sleep(ms, w.stop.signal).catch(() => undefined);
}

/**
 * A target's first look is never refused for the deadline: however short --timeout (or slow the start-up), the
 * wait reports what it waits on as it is, rather than "not seen yet". Nor is the last, woken at the deadline (a
 * timer fires a little after it). And a look is whole: once its first request has its slot, the others of the look
 * (an instance's status after its tasks) follow it; the caller's signal stays the hard stop.
 */
function sender(w: Shared, unbounded: boolean): Send {
  const { now } = w.io;
  let opened = unbounded;
  return async (request) => {
    const slot = w.budget.reserve(now(), opened ? Infinity : w.deadline);
    if (slot === undefined) throw NO_SLOT;
    opened = true;
    if (slot > now()) await pause(w, slot - now());
    if (w.stop.signal.aborted) throw STOPPED;
    // No HTTP-level retries: the engine retries itself, within the shared request budget.
    return request({ signal: w.stop.signal, retries: 0 });
  };
}

/** One look: its state, its failure, or why it did not happen. */
async function look<S>(
  w: Shared,
  target: Target<S>,
  unbounded: boolean,
): Promise<Look<S> | typeof NO_SLOT | typeof STOPPED> {
  try {
    return { ok: true, state: await target.look(sender(w, unbounded)) };
  } catch (error) {
    if (error === NO_SLOT) return NO_SLOT;
    return error === STOPPED || w.stop.signal.aborted ? STOPPED : { ok: false, error };
  }
}

/** One target's loop: look, ask decide.ts what that means, do it (report, sleep, end). */
async function waitForOne<S>(w: Shared, target: Target<S>): Promise<ItemResult<S>> {
  const { now, random, reporter } = w.io;
  const { options, deadline, period, stop, budget } = w;
  let last: S | undefined;
  let track = FIRST_LOOK;
  const end = ({ outcome, error }: Ending): ItemResult<S> => ({
    id: target.id,
    outcome,
    item: last,
    error,
    elapsedMs: now() - w.start,
  });
  const stopped = () => end(stoppedEnding({ reason: stop.signal.reason, fatal: w.fatal }, track.lastFailure));

  for (;;) {
    if (stop.signal.aborted) return stopped();
    const result = await look(w, target, track.looks === 0 || now() >= deadline);
    if (result === NO_SLOT) return end({ outcome: 'timeout', error: track.lastFailure });
    if (result === STOPPED) return stopped();
    if (result.ok) {
      last = result.state;
      target.report(result.state, reporter, now());
    }
    const looked: Looked = result.ok ? { ok: true, verdict: target.verdict(result.state) } : result;
    w.answered ||= isAnswer(looked);
    const facts = { id: target.id, job: target.job === true, answered: w.answered, elapsedMs: now() - w.start };
    const step = afterLook(track, looked, { ...facts, graceMs: options.notFoundGraceMs });
    const decision = step.decision;
    track = step.track;

    let delay: number;
    switch (decision.kind) {
      case 'done':
        if (decision.outcome === 'failed' && options.failFast) stop.abort(FAILED_FAST);
        return end(decision);
      case 'end':
        return end(decision);
      case 'fatal':
        // Fails for every target alike: reported once, the whole wait ends (a wrong host name fails every id).
        w.fatal ??= decision.error;
        stop.abort(decision.error);
        return end({ outcome: 'error', error: decision.error });
      case 'not-visible':
        reporter.notVisible(target.id, now());
        delay = jitter(period, random);
        break;
      case 'again':
        delay = jitter(period, random);
        break;
      case 'retry': {
        delay = backoff(track.failures, period, options.maxBackoffMs ?? MAX_BACKOFF_MS, random, decision.retryAfterMs);
        // The budget is per user: a Retry-After holds every target's next request.
        if (decision.retryAfterMs !== undefined) budget.pauseUntil(now() + decision.retryAfterMs);
        const next = retryIn(decision, delay, { now: now(), earliest: budget.earliest(now()), deadline });
        if (next.kind === 'end') return end(next);
        reporter.retrying(itemOf(decision.error) ?? target.id, decision.error, next.ms, now());
        break;
      }
    }
    const next = sleepBefore(delay, track, { now: now(), deadline });
    if (next.kind === 'end') return end(next);
    await pause(w, next.ms);
  }
}

/** Runs every target's loop at once, sharing one clock, one request budget and one stop; one result per target. */
export async function waitForTargets<S>(
  targets: readonly Target<S>[],
  options: WaitOptions,
  io: WaitIo,
): Promise<WaitResult<S>> {
  const { now, sleep, reporter } = io;
  const start = options.startedAt ?? now();
  const budget = RequestBudget.perMinute(options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE, { smooth: true });
  const stop = new AbortController();
  // Every target's sleep and request listens to it: 100 ids are not a leak.
  setMaxListeners(0, stop.signal);
  const w: Shared = {
    io,
    options,
    start,
    deadline: options.timeoutMs > 0 ? start + options.timeoutMs : Infinity,
    // Each target on its own would be looked at every interval; n targets together must fit the budget.
    period: Math.max(options.intervalMs, targets.length * budget.spacingMs),
    budget,
    stop,
    answered: false,
  };
  const interrupt = () => stop.abort(io.signal?.reason);
  if (io.signal?.aborted) interrupt();
  else io.signal?.addEventListener('abort', interrupt, { once: true });

  const ticking = new AbortController();

  // Anything a loop throws is a bug (API failures are outcomes): it stops every loop at once, then surfaces.
  let bug: { error: unknown } | undefined;
  const failHard = (error: unknown) => {
    bug ??= { error };
    stop.abort(error);
  };

  let result: WaitResult<S> | undefined;
  try {
    reporter.start(
      targets.map((t) => t.id),
      start,
    );
    const ticker = ticks(reporter, { now, sleep }, ticking.signal, failHard);
    const settled = await Promise.allSettled(
      targets.map(async (target) => {
        try {
          const r = await waitForOne(w, target);
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
    result = { results, fatal: w.fatal, elapsedMs: now() - start };
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

/** The live view's clock: `reporter.tick` every `reporter.tickMs` until `signal`; what it throws is a bug. */
async function ticks(
  reporter: WaitReporter,
  { now, sleep }: Pick<WaitIo, 'now' | 'sleep'>,
  signal: AbortSignal,
  failHard: (error: unknown) => void,
): Promise<void> {
  const every = reporter.tickMs;
  if (every === undefined || every <= 0) return;
  for (;;) {
    try {
      await sleep(every, signal);
    } catch {
      return;
    }
    if (signal.aborted) return;
    try {
      reporter.tick(now());
    } catch (error) {
      return failHard(error);
    }
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
