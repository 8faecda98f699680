// One error hierarchy. Every failure the user can meet is one of these; `exitCodeFor` (in exit-codes.ts) maps them.

export interface ErrorDetails {
  /** The next step for the user, printed as `hint: …` under the error. */
  hint?: string;
  /** X-Request-Id (or X-IAM-Trace-Id) of the response, which Huawei support asks for. */
  requestId?: string;
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** The API's error code, e.g. APIGW.0301 or DBS.200001. */
  code?: string;
  /** Milliseconds the server asked us to wait (Retry-After), for 429/503. */
  retryAfterMs?: number;
  /** The job or task the error is about, when it names one. */
  itemId?: string;
  cause?: unknown;
}

/** The next step after a network failure, wherever one is reported. */
export const NETWORK_HINT = 'check the endpoint and your network or proxy; rerun with --debug for details';

export class RdsjobError extends Error {
  readonly hint?: string;
  readonly requestId?: string;
  readonly status?: number;
  readonly code?: string;
  readonly retryAfterMs?: number;
  readonly itemId?: string;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.hint = details.hint;
    this.requestId = details.requestId;
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
    this.itemId = details.itemId;
  }
}

/** Bad command line: unknown option, invalid job id, duration or flag value. Nothing was sent. */
export class UsageError extends RdsjobError {}

/** Missing or invalid configuration: no region, no credentials, unreadable or corrupt config file. */
export class ConfigError extends RdsjobError {}

/** The API refused the credentials (HTTP 401/403). Never retried: the gateway locks an AK after 5 bad signatures. */
export class AuthError extends RdsjobError {}

/** The job (or another resource) does not exist (HTTP 404). */
export class NotFoundError extends RdsjobError {}

/**
 * What a wait was waiting on is gone for good, or never came: the instance was deleted, no task started in the
 * `--since` window. Unlike a 404 for a job already seen (an API hiccup), it ends the wait: exit 4.
 */
export class GoneError extends NotFoundError {}

/** The API answered with an error (5xx, 429 too long, other 4xx) after retries. */
export class ApiError extends RdsjobError {}

/** The endpoint could not be reached, the connection failed or a single request timed out, after retries. */
export class NetworkError extends RdsjobError {}

/**
 * Network failures that waiting cannot fix while the endpoint has never answered: the host name does not resolve,
 * the TLS certificate is not trusted or does not match the host. Once it has answered, they are an outage.
 */
function neverWorked(error: NetworkError): boolean {
  const code = error.code;
  return code === 'ENOTFOUND' || (code !== undefined && /CERT|TLS/.test(code));
}

/** The gateway's "the API does not exist or has not been published": a wrong endpoint or path, for every request. */
export function isUnknownApi(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^APIGW?\.0101$/.test(code);
}

/**
 * What a failure means (docs/ci.md):
 * - `retry`: an outage (5xx, 429, a network failure once the endpoint answered): try again, within the bound;
 * - `not-visible`: a job never seen that RDS will not show yet (a 404, or a 400 with an RDS `DBS.` code; what RDS
 *   answers then is not documented, and ids are checked before sending): not found once the grace is over;
 * - `end`: this item's answer (a 404 of something else, another 4xx, a body that stays malformed, a bound run out);
 * - `fatal`: the same for every request (credentials, configuration, a signal, a host that never resolved, an API
 *   the gateway does not know): reported once, and everything ends.
 */
export type Failure = 'retry' | 'not-visible' | 'end' | 'fatal';

export interface FailureContext {
  /** The endpoint answered before (any status): what never worked is configuration, what stopped is an outage. */
  answered?: boolean;
  /** The item was seen before: RDS keeps jobs for a month, so its 404 is a hiccup, not "not found". */
  seen?: boolean;
  /** The item is a job id, which RDS shows only seconds after it was created ("not visible yet"). */
  job?: boolean;
  /** Malformed 2xx bodies in a row, this one included, where a caller retries them (a wait); else never retried. */
  malformedInARow?: number;
}

/**
 * A 2xx body without what the API promises is more often a proxy or gateway hiccup than a changed API, so a wait
 * retries it like a transient failure — but only this many times in a row: a body that stays malformed will not heal.
 */
const MAX_CONSECUTIVE_MALFORMED = 3;

/** The one rule for what a failure means, used by the HTTP client's retries, get, list, wait and instance lookups. */
export function classify(error: unknown, context: FailureContext = {}): Failure {
  if (error instanceof DeadlineError) return 'end';
  if (error instanceof InterruptedError || error instanceof AuthError || error instanceof ConfigError) return 'fatal';
  if (isUnknownApi(error)) return 'fatal';
  if (error instanceof NetworkError) return context.answered || !neverWorked(error) ? 'retry' : 'fatal';
  if (error instanceof GoneError) return 'end';
  if (error instanceof NotFoundError) return context.seen ? 'retry' : context.job ? 'not-visible' : 'end';
  if (error instanceof ApiError) {
    if (error.status === undefined || error.status >= 500 || error.status === 429) return 'retry';
    const rdsCode = error.status === 400 && error.code?.startsWith('DBS.') === true;
    return rdsCode && context.job && !context.seen ? 'not-visible' : 'end';
  }
  if (error instanceof MalformedResponseError) {
    const inARow = context.malformedInARow;
    return inARow !== undefined && inARow < MAX_CONSECUTIVE_MALFORMED ? 'retry' : 'end';
  }
  return 'end';
}

/** Worth trying again (classify's `retry`): the programmatic API's name for it. */
export function isTransient(error: unknown, endpointAnswered = false): boolean {
  return classify(error, { answered: endpointAnswered }) === 'retry';
}

/** The API answered 2xx with a body that is not what ListJobInfo returns. */
export class MalformedResponseError extends RdsjobError {}

/** stdout could not be written (a full disk, a closed descriptor): the result did not reach its reader. */
export class OutputError extends RdsjobError {}

/** A command's time bound ran out (RDSJOB_API_TIMEOUT, --timeout) with a request still unanswered. */
export class DeadlineError extends NetworkError {
  readonly boundMs: number;
  constructor(message: string, details: ErrorDetails & { boundMs: number }) {
    super(message, details);
    this.boundMs = details.boundMs;
  }
}

/** `wait` reached --timeout with jobs still running. */
export class WaitTimeoutError extends RdsjobError {}

/** The signals that stop rdsjob cleanly: Ctrl-C, CI cancellation or `timeout`, a closed terminal. */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** Stopped by a signal (SIGINT unless said otherwise). */
export class InterruptedError extends RdsjobError {
  readonly signal: StopSignal;
  constructor(message: string, details: ErrorDetails & { signal?: StopSignal } = {}) {
    super(message, details);
    this.signal = details.signal ?? 'SIGINT';
  }
}

// Each class's name, as error.name and in stack traces. Written out because the bundle minifies identifiers
// (new.target.name would read "e"), and keeping every name costs every run ~5 ms (docs/performance.md).
for (const [name, type] of Object.entries({
  RdsjobError,
  UsageError,
  ConfigError,
  AuthError,
  NotFoundError,
  GoneError,
  ApiError,
  NetworkError,
  MalformedResponseError,
  OutputError,
  DeadlineError,
  WaitTimeoutError,
  InterruptedError,
})) {
  Object.defineProperty(type.prototype, 'name', { value: name, writable: true, configurable: true });
}
