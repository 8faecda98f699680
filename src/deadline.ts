// The one deadline mechanism: a signal that aborts with a DeadlineError when a time bound runs out. A command's bound
// (RDSJOB_API_TIMEOUT for get and list, --timeout for wait) and the programmatic API's waits are all built here;
// every request and the wait engine listen to that signal, and nothing else enforces a bound.
import type { Deps } from './deps.js';
import { formatDuration } from './duration.js';
import { DeadlineError } from './errors.js';
import { OVERDUE_GRACE_MS } from './limits.js';

export interface TimeBound {
  /** Aborted, with a DeadlineError naming the bound, once `boundMs` have passed. */
  signal: AbortSignal;
  /** Stops the timer (the work ended first). */
  cancel(): void;
}

/**
 * A bound of `boundMs`; `what` names it in messages (`RDSJOB_API_TIMEOUT`, `--timeout 10m …`). It runs out after
 * `spendMs` from now (default `boundMs`): less when part of the bound is already spent or kept for exiting.
 */
export function timeBound(sleep: Deps['sleep'], boundMs: number, what: string, spendMs = boundMs): TimeBound {
  const controller = new AbortController();
  const timer = new AbortController();
  const reason = new DeadlineError(`${formatDuration(boundMs)} (${what})`, { boundMs });
  sleep(Math.max(1, spendMs), timer.signal).then(
    () => controller.abort(reason),
    () => undefined,
  );
  return { signal: controller.signal, cancel: () => timer.abort() };
}

/**
 * A wait's hard stop: --timeout, plus a moment for the last look's answer. The engine plans its last look for the
 * timeout itself; a request still unanswered OVERDUE_GRACE_MS later is abandoned. 0 (no limit): undefined.
 */
export function waitBound(timeoutMs: number): { boundMs: number; what: string } | undefined {
  if (timeoutMs <= 0) return undefined;
  return {
    boundMs: timeoutMs + OVERDUE_GRACE_MS,
    what: `--timeout ${formatDuration(timeoutMs)} and ${formatDuration(OVERDUE_GRACE_MS)} for a last answer`,
  };
}
