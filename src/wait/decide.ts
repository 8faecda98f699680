// What a look's answer, or its failure, means for a wait: the decision table the loop (engine.ts) consults, like a
// waiter's acceptors. Pure: the loop does the sleeping, the reporting and the bookkeeping.
import { formatDuration } from '../duration.js';
import { ApiError, classify, NotFoundError, RdsjobError } from '../errors.js';
import { jobNotFound } from '../job-not-found.js';
import { MAX_RETRY_AFTER_MS } from '../limits.js';
import type { Verdict } from '../status.js';
import type { WaitOutcome } from './result.js';

export type Decision =
  /** Finished: Completed or Failed. */
  | { kind: 'done'; outcome: Verdict }
  /** Still running: look again after the interval. */
  | { kind: 'again' }
  /** Not visible yet (a new job): look again after the interval, within the grace. */
  | { kind: 'not-visible' }
  /** An outage: back off (at least `retryAfterMs`, when the server asked), within the deadline. */
  | { kind: 'retry'; retryAfterMs?: number }
  /** This item's wait ends. */
  | { kind: 'end'; outcome: WaitOutcome; error?: unknown }
  /** Every item's wait ends: the same failure would meet them all (reported once). */
  | { kind: 'fatal'; error: unknown };

/** An answer: finished or not. */
export function afterAnswer(verdict: Verdict | undefined): Decision {
  return verdict === undefined ? { kind: 'again' } : { kind: 'done', outcome: verdict };
}

export interface FailureFacts {
  /** The item the failure is about, for messages. */
  id: string;
  /** A job id (RDS's "not visible yet" applies), not an instance. */
  job: boolean;
  /** Seen before: its 404 is a hiccup. */
  seen: boolean;
  /** The endpoint answered before, in this wait. */
  answered: boolean;
  /** Malformed bodies in a row, this one included. */
  malformedInARow: number;
  /** Since the wait's clock started, and the grace for "not visible yet". */
  elapsedMs: number;
  graceMs: number;
}

/** A failed look (docs/ci.md): errors.classify says what it is, the grace and the item say what follows. */
export function afterFailure(error: unknown, facts: FailureFacts): Decision {
  switch (classify(error, facts)) {
    case 'fatal':
      return { kind: 'fatal', error };
    case 'retry':
      return { kind: 'retry', retryAfterMs: retryAfterOf(error) };
    case 'not-visible':
      return facts.elapsedMs < facts.graceMs
        ? { kind: 'not-visible' }
        : { kind: 'end', outcome: 'not-found', error: notFoundAfterGrace(error, facts.id) };
    case 'end':
      return { kind: 'end', outcome: error instanceof NotFoundError ? 'not-found' : 'error', error };
  }
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
): Decision | undefined {
  if (nextAt <= deadline) return undefined;
  if (retryAfterMs === undefined) return { kind: 'end', outcome: 'timeout', error: lastFailure };
  return { kind: 'end', outcome: 'error', error: throttledPastDeadline(lastFailure, retryAfterMs) };
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
