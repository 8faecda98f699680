// Defaults of the wait options (contract § Waiting), as the user would type them.

export const DEFAULT_TIMEOUT = '60m';
export const DEFAULT_INTERVAL = '5s';
export const DEFAULT_NOT_FOUND_GRACE = '60s';

/** RDS documents 60 requests per minute per user; every id of one wait shares this budget. */
export const DEFAULT_REQUESTS_PER_MINUTE = 60;

/** Longest pause between two attempts after transient failures (unless the interval itself is longer). */
export const MAX_BACKOFF_MS = 60_000;

/** Without a TTY, a "still waiting" line at least this often so CI watchdogs see life. */
export const DEFAULT_HEARTBEAT_MS = 5 * 60_000;

/** Retry-After is honoured up to this long; a server asking for more is not taken literally. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** How long a request may still run after --timeout before it is abandoned (the wait then ends as timed out). */
export const OVERDUE_GRACE_MS = 5_000;
