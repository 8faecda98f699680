// The numbers that bound what rdsjob may spend, in one table (docs/reliability.md states them).
import { parseDuration } from './duration.js';
import { UsageError } from './errors.js';

/**
 * `get`, `list` and `config list` finish within this, whatever the server does (docs/reliability.md § What a
 * pipeline can rely on): every request of the command, its retries and their backoff included. RDSJOB_API_TIMEOUT
 * changes it.
 */
export const API_BOUND_MS = 60_000;
export const API_BOUND_ENV = 'RDSJOB_API_TIMEOUT';

/**
 * Of that bound, what is kept for the end: printing the result, closing sockets and exiting. The bound is measured
 * from the process's start (Deps.startedAt), so start-up counts against it too.
 */
export const PRINT_AND_EXIT_MS = 1_000;

/** The API bound in force: RDSJOB_API_TIMEOUT (a duration, more than 0), else 60 s; exit 2 when unreadable. */
export function apiBoundMs(env: Readonly<Record<string, string | undefined>>): number {
  const text = env[API_BOUND_ENV];
  if (text === undefined || text === '') return API_BOUND_MS;
  const ms = parseDuration(text, API_BOUND_ENV);
  if (ms <= 0) throw new UsageError(`invalid ${API_BOUND_ENV} ${JSON.stringify(text)}: must be more than 0`);
  return ms;
}

/** How many tasks a listing shows (`list --limit`, the programmatic listTasks' `limit`): by default, and at most. */
export const LIST_LIMIT = { default: 20, max: 1000 } as const;

/** RDS's documented rate limit: requests per minute per user (the gateway answers 429 beyond it). */
export const RDS_REQUESTS_PER_MINUTE = 60;

/** Attempts per request for `get` and `list`: the first and two retries (network errors, 5xx, 429). */
export const ATTEMPTS = 3;

/** One attempt gets an equal share of the bound, so a server that never answers costs exactly the bound. */
export function attemptTimeoutMs(boundMs: number): number {
  return Math.max(1, Math.floor(boundMs / ATTEMPTS));
}

/** An attempt's timeout for a client opened without a bound (api/open.ts always gives one): the default's share. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = attemptTimeoutMs(API_BOUND_MS);

/** Retry-After is honoured up to this long; a server asking for more is not taken literally. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** The API answers with small JSON documents: a larger body is refused without being buffered. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How long a request may still run after --timeout (the last look) before it is abandoned. */
export const OVERDUE_GRACE_MS = 5_000;
