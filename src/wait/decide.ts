// What a look's answer, or its failure, means for a wait: the decision table the loop (engine.ts) consults, like a
// waiter's acceptors. Pure: each function takes what the loop knows and says what follows; the loop does the
// requests, the sleeping, the reporting and the shared request budget.
import { formatDuration, formatElapsed } from '../duration.js';
import {
  ApiError,
  classify,
  DeadlineError,
  type FailureContext,
  MalformedResponseError,
  NETWORK_HINT,
  NetworkError,
  NotFoundError,
  RdsjobError,
} from '../errors.js';
import { jobNotFound } from '../job-not-found.js';
import { MAX_RETRY_AFTER_MS, OVERDUE_GRACE_MS } from '../limits.js';
import type { Verdict } from '../status.js';
import type { WaitOutcome } from './result.js';

/** How one item's wait ends: its outcome and, for most, why (ItemResult's `outcome` and `error`). */
export interface Ending {
  outcome: WaitOutcome;
  error?: unknown;
}

/** An outage: back off (at least `retryAfterMs`, when the server asked), within the deadline. */
export interface Retry {
  kind: 'retry';
  /** The failure retried: the retry line names it, and a timeout after it says nobody knows the item's state. */
  error: unknown;
  retryAfterMs?: number;
}

export type Decision =
  /** Finished: Completed or Failed. */
  | { kind: 'done'; outcome: Verdict }
  /** Still running: look again after the interval. */
  | { kind: 'again' }
  /** Not visible yet (a new job): look again after the interval, within the grace. */
  | { kind: 'not-visible' }
  | Retry
  | End
  /** Every item's wait ends: the same failure would meet them all (reported once). */
  | { kind: 'fatal'; error: unknown };

/** This item's wait ends. */
export interface End extends Ending {
  kind: 'end';
}

/** What the loop remembers of one item between looks. */
export interface Track {
  /** Looks made so far: the first is never refused for the deadline. */
  looks: number;
  /** A look answered: the item exists, so its 404 is a hiccup. */
  seen: boolean;
  /** Retries in a row (the backoff grows with them), and the failure of the last one. */
  failures: number;
  lastFailure?: unknown;
  /** Malformed bodies in a row. */
  malformedInARow: number;
}

export const FIRST_LOOK: Track = { looks: 0, seen: false, failures: 0, malformedInARow: 0 };

/** What a look brought: the item's verdict (undefined while it runs), or the failure. */
export type Looked = { ok: true; verdict: Verdict | undefined } | { ok: false; error: unknown };

/** An answer, even an error status, shows the endpoint is the right one: what fails after it is an outage. */
export function isAnswer(looked: Looked): boolean {
  return looked.ok || (looked.error as { status?: unknown }).status !== undefined;
}

/** What a decision about a failure needs beyond classify's context (errors.ts FailureContext). */
export interface FailureFacts extends Required<FailureContext> {
  /** The item the failure is about, for messages. */
  id: string;
  /** Since the wait's clock started, and the grace for "not visible yet". */
  elapsedMs: number;
  graceMs: number;
}

/** One step of an item's loop: what a look means, and what the loop remembers of it. */
export function afterLook(
  track: Track,
  looked: Looked,
  facts: Omit<FailureFacts, 'seen' | 'malformedInARow'>,
): { track: Track; decision: Decision } {
  const looks = track.looks + 1;
  if (looked.ok) {
    return {
      track: { looks, seen: true, failures: 0, malformedInARow: 0 },
      decision: afterAnswer(looked.verdict),
    };
  }
  const malformedInARow = track.malformedInARow + (looked.error instanceof MalformedResponseError ? 1 : 0);
  const decision = afterFailure(looked.error, { ...facts, seen: track.seen, malformedInARow });
  const retried =
    decision.kind === 'retry' ? { failures: track.failures + 1, lastFailure: looked.error } : { failures: 0 };
  return { track: { looks, seen: track.seen, malformedInARow, ...retried }, decision };
}

/** An answer: finished or not. */
function afterAnswer(verdict: Verdict | undefined): Decision {
  return verdict === undefined ? { kind: 'again' } : { kind: 'done', outcome: verdict };
}

/** A failed look (docs/ci.md): errors.classify says what it is, the grace and the item say what follows. */
export function afterFailure(error: unknown, facts: FailureFacts): Decision {
  switch (classify(error, facts)) {
    case 'fatal':
      return { kind: 'fatal', error };
    case 'retry':
      return { kind: 'retry', error, retryAfterMs: retryAfterOf(error) };
    case 'not-visible':
      return facts.elapsedMs < facts.graceMs
        ? { kind: 'not-visible' }
        : { kind: 'end', outcome: 'not-found', error: notFoundAfterGrace(error, facts.id) };
    case 'end':
      return { kind: 'end', outcome: error instanceof NotFoundError ? 'not-found' : 'error', error };
  }
}

/** Past the deadline, a wait ends: timed out (the last failure named), or throttled by a Retry-After (exit 5). */
export interface PastDeadline extends End {
  outcome: 'timeout' | 'error';
}

/**
 * After a retry is planned: the next request the budget allows comes at `nextAt`. Past the deadline, the wait ends
 * now rather than claim later to have waited: a timeout (the last failure named), or — when the server's
 * Retry-After is what pushed it there — the throttling itself (exit 5).
 */
export function pastDeadline(
  retryAfterMs: number | undefined,
  lastFailure: unknown,
  nextAt: number,
  deadline: number,
): PastDeadline | undefined {
  if (nextAt <= deadline) return undefined;
  if (retryAfterMs === undefined) return { kind: 'end', outcome: 'timeout', error: lastFailure };
  return { kind: 'end', outcome: 'error', error: throttledPastDeadline(lastFailure, retryAfterMs) };
}

/**
 * When a planned retry really comes, to say so: after the backoff, not before the budget (a Retry-After) allows
 * the next request (`earliest`), at the deadline at the latest (one last look). Past the deadline, the wait ends.
 */
export function retryIn(
  retry: Retry,
  backoffMs: number,
  at: { now: number; earliest: number; deadline: number },
): { kind: 'retry-in'; ms: number } | PastDeadline {
  const over = pastDeadline(retry.retryAfterMs, retry.error, at.earliest, at.deadline);
  if (over !== undefined) return over;
  return { kind: 'retry-in', ms: Math.min(Math.max(at.now + backoffMs, at.earliest), at.deadline) - at.now };
}

/** How long the loop sleeps before its next look: waking at the deadline gives one last look; past it, a timeout. */
export function sleepBefore(
  delayMs: number,
  track: Track,
  at: { now: number; deadline: number },
): { kind: 'sleep'; ms: number } | End {
  const remaining = at.deadline - at.now;
  if (remaining <= 0) return { kind: 'end', outcome: 'timeout', error: track.lastFailure };
  return { kind: 'sleep', ms: Math.min(delayMs, remaining) };
}

/** `stop`'s reason under --fail-fast (engine.ts): another item ended Failed. */
export const FAILED_FAST = Symbol('an item failed under --fail-fast');

/**
 * An item's ending when its loop was stopped while it looked or slept: by an error that fails for every item
 * (`fatal`), --fail-fast, the caller's deadline (a DeadlineError: --timeout's hard stop) or a signal.
 * `lastFailure`: the last look failed, so nobody knows the item's state.
 */
export function stoppedEnding(stop: { reason: unknown; fatal?: unknown }, lastFailure: unknown): Ending {
  if (stop.fatal !== undefined) return { outcome: 'error', error: stop.fatal };
  // The command's bound is --timeout's hard stop: a timeout, and the API at fault if it left us hanging.
  if (stop.reason instanceof DeadlineError) return { outcome: 'timeout', error: lastFailure ?? unanswered() };
  if (stop.reason === FAILED_FAST) return { outcome: 'stopped' };
  return { outcome: 'interrupted', error: stop.reason };
}

/** A request abandoned unanswered, pastTimeoutMs after --timeout: exit 5, the API's trouble rather than a timeout. */
export function unanswered(pastTimeoutMs = OVERDUE_GRACE_MS): NetworkError {
  return new NetworkError(
    `no answer from the API: the request was still unanswered ${formatElapsed(pastTimeoutMs)} after --timeout`,
    { hint: NETWORK_HINT },
  );
}

function retryAfterOf(error: unknown): number | undefined {
  const ms = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

/**
 * Still not visible after the grace: not found (exit 4), whichever of the two RDS answered (a 404, or a 400 with a
 * `DBS.` code), and saying which.
 */
function notFoundAfterGrace(error: unknown, id: string): NotFoundError {
  if (error instanceof NotFoundError) return error;
  const e = error instanceof RdsjobError ? error : undefined;
  return jobNotFound(id, { status: e?.status, code: e?.code, requestId: e?.requestId, cause: error });
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
