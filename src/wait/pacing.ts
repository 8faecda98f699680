// When to poll next: jittered intervals, exponential backoff, and one request budget shared by every id.

/** `ms` moved by up to ±`fraction`, so many waiters started together do not poll in lockstep. */
export function jitter(ms: number, random: () => number, fraction = 0.1): number {
  return Math.round(ms * (1 + (random() * 2 - 1) * fraction));
}

/**
 * Delay before attempt `failures + 1` after `failures` consecutive transient failures: base × 2^(failures-1),
 * at most `capMs` (never below `baseMs`, so errors never make us poll faster than asked), jittered, and never
 * sooner than the server's Retry-After.
 */
export function backoff(
  failures: number,
  baseMs: number,
  capMs: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const cap = Math.max(capMs, baseMs);
  const exponential = Math.min(cap, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.max(jitter(exponential, random), retryAfterMs ?? 0);
}

/**
 * Spaces requests at least `spacingMs` apart across all callers, so any 60-second window holds at most
 * 60000 / spacingMs requests, however many ids are waited on and whatever their phase.
 */
export class RequestBudget {
  #next = -Infinity;

  constructor(readonly spacingMs: number) {}

  static perMinute(requests: number): RequestBudget {
    return new RequestBudget(requests > 0 && Number.isFinite(requests) ? 60_000 / requests : 0);
  }

  /** Books the earliest free slot at or after `now`; undefined (nothing booked) when that is after `notAfter`. */
  reserve(now: number, notAfter = Infinity): number | undefined {
    const slot = Math.max(now, this.#next);
    if (slot > notAfter) return undefined;
    this.#next = slot + this.spacingMs;
    return slot;
  }

  /** Nobody sends before `until` (the API said 429 with Retry-After: the budget is per user, not per job). */
  pauseUntil(until: number): void {
    this.#next = Math.max(this.#next, until);
  }
}
