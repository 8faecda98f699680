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

/**
 * The one rule for "worth trying again", used by the HTTP client's retries and by the wait engine: 5xx and 429, and
 * network failures (a refused or reset connection, an attempt that timed out) — except, until the endpoint has
 * answered once (`endpointAnswered`), a host that does not resolve or a TLS certificate that does not fit it: what
 * never worked is a configuration problem, what worked and then stopped is an outage. 401/403, 404, other 4xx,
 * malformed bodies, configuration errors and the command's own deadline are not.
 */
export function isTransient(error: unknown, endpointAnswered = false): boolean {
  if (error instanceof DeadlineError) return false;
  if (error instanceof NetworkError) return endpointAnswered || !neverWorked(error);
  if (error instanceof ApiError) return error.status === undefined || error.status >= 500 || error.status === 429;
  return false;
}

/**
 * Fails for every id and every request alike (credentials, configuration, a stop signal): reported once, ends a
 * wait at once. (The command's time bound is not: it fails only the requests still unanswered.)
 */
export function failsForEveryRequest(error: unknown): boolean {
  return error instanceof AuthError || error instanceof ConfigError || error instanceof InterruptedError;
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
// (new.target.name would read "e"), and keeping every name costs every run ~5 ms (README § Performance).
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
