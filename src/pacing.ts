// When to poll next: jittered intervals and exponential backoff (the request budget is api/budget.ts).

/** `ms` moved by up to ±`fraction`, so many waiters started together do not poll in lockstep. */
export function jitter(ms: number, random: () => number, fraction = 0.1): number {
  return Math.round(ms * (1 + (random() * 2 - 1) * fraction));
}

/**
 * Delay before attempt `failures + 1` after `failures` consecutive transient failures: base × 2^(failures-1),
 * jittered, at most `capMs` after the jitter too (never below `baseMs`, so errors never make us poll faster than
 * asked), and never sooner than the server's Retry-After.
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
  return Math.max(Math.min(jitter(exponential, random), cap), retryAfterMs ?? 0);
}
