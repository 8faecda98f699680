// Defaults of the wait options (docs/ci.md), as the user would type them.

export const DEFAULT_TIMEOUT = '60m';
export const DEFAULT_INTERVAL = '5s';
export const DEFAULT_NOT_FOUND_GRACE = '60s';
/** The same defaults in milliseconds, for the programmatic API and the resume command (a test keeps them equal). */
export const DEFAULT_WAIT_MS = { timeoutMs: 3_600_000, intervalMs: 5_000, notFoundGraceMs: 60_000 } as const;

/** --rate-limit: RDS's documented per-user limit; every id of one wait shares this budget. */
export { RDS_REQUESTS_PER_MINUTE as DEFAULT_REQUESTS_PER_MINUTE } from '../limits.js';

/** Longest pause between two attempts after transient failures (unless the interval itself is longer). */
export const MAX_BACKOFF_MS = 60_000;

/** Without a TTY, a "still waiting" line at least this often so CI watchdogs see life. */
export const DEFAULT_HEARTBEAT_MS = 5 * 60_000;
