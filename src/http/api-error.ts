// HTTP status + body → one of our errors. Bodies come from RDS, the API gateway, IAM or a proxy in between, so any
// shape (or none) is accepted and nothing here throws.
import { STATUS_CODES } from 'node:http';
import {
  ApiError,
  AuthError,
  type ErrorDetails,
  isUnknownApi,
  NETWORK_HINT,
  NetworkError,
  NotFoundError,
  type RdsjobError,
} from '../errors.js';
import { isObject } from '../values.js';

export type ResponseHeaders = Readonly<Record<string, string | string[] | number | undefined>>;

export interface ErrorResponse {
  status: number;
  body: string;
  headers: ResponseHeaders;
  /** Names the API in the message: `RDS API error 503 (…)`. */
  service?: string;
  /** Epoch ms, to turn an HTTP-date Retry-After into a delay. */
  now?: number;
  /** The endpoint the request went to (no query), named when the gateway knows no such API there. */
  endpoint?: string;
  /** The API's path (`/v3/{project_id}/instances`): a 403 names the permission that API needs. */
  path?: string;
}

export interface ParsedErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
}

const MAX_MESSAGE = 200;
/** A body longer than this is not worth parsing as JSON; the client refuses bodies over 1 MiB anyway. */
const MAX_PARSE = 1024 * 1024;

export function header(headers: ResponseHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value[0] : String(value);
  }
  return undefined;
}

/** Request id for support: X-Request-Id, else the body's request_id, else IAM's X-IAM-Trace-Id. */
export function requestIdOf(headers: ResponseHeaders, bodyRequestId?: string): string | undefined {
  return header(headers, 'x-request-id') || bodyRequestId || header(headers, 'x-iam-trace-id') || undefined;
}

export function parseErrorBody(body: string): ParsedErrorBody {
  const text = body.trim();
  if (text === '') return {};
  if (text.length <= MAX_PARSE && (text.startsWith('{') || text.startsWith('['))) {
    const parsed = tryJson(text);
    if (parsed !== undefined) return fromJson(parsed);
  }
  if (/^<(!doctype|html|head|body|\?xml)/i.test(text) || /<\/(html|body|title)>/i.test(text)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text.slice(0, 64 * 1024))?.[1];
    const clean = title ? clip(title.replace(/\s+/g, ' ').trim()) : '';
    return { message: clean ? clean : 'HTML error page' };
  }
  return { message: clip(text.split(/\r?\n/, 1)[0] ?? '') || undefined };
}

function fromJson(value: unknown): ParsedErrorBody {
  if (!isObject(value)) return {};
  const nested = isObject(value.error) ? value.error : undefined;
  const code =
    str(value.error_code) ?? str(value.errCode) ?? str(value.code) ?? str(nested?.code) ?? str(nested?.error_code);
  const message =
    str(value.error_msg) ??
    str(value.externalMessage) ??
    str(value.message) ??
    str(nested?.message) ??
    str(nested?.error_msg) ??
    str(value.error_description) ??
    str(value.error) ??
    str(nested?.title);
  const requestId = str(value.request_id) ?? str(nested?.request_id);
  // Code and request id come from the same untrusted body as the message: one short printable line each.
  return { code: clipped(code), message: clipped(message), requestId: clipped(requestId) };
}

function clipped(text: string | undefined): string | undefined {
  return text === undefined ? undefined : clip(text) || undefined;
}

export function errorFromResponse(response: ErrorResponse): RdsjobError {
  const { status, headers } = response;
  const parsed = safeParse(response.body);
  const requestId = requestIdOf(headers, parsed.requestId);
  // IAM puts the HTTP status in `code`; repeating it says nothing.
  const code = parsed.code && parsed.code !== String(status) ? parsed.code : undefined;
  const text = parsed.message || STATUS_CODES[status] || 'no message';
  const inner = [code ? `${code}: ${text}` : text, requestId ? `request id ${requestId}` : undefined]
    .filter(Boolean)
    .join(', ');
  const message = `${response.service ?? 'RDS'} API error ${status} (${inner})`;
  const details = { status, code, requestId };

  if (status === 401 || status === 403) {
    return new AuthError(message, { ...details, hint: authHint(status, text, response.path) });
  }
  if (status === 404 && isUnknownApi(details)) return unknownApi(response, inner, details);
  if (status === 404) return new NotFoundError(message, details);
  if (status === 429) {
    const retryAfterMs = retryAfterMsOf(header(headers, 'retry-after'), response.now ?? Date.now());
    return new ApiError(message, {
      ...details,
      retryAfterMs,
      hint: 'the API is throttling requests: RDS allows 60 requests per minute per user',
    });
  }
  if (status >= 500) {
    const retryAfterMs = retryAfterMsOf(header(headers, 'retry-after'), response.now ?? Date.now());
    return new ApiError(message, { ...details, retryAfterMs, hint: 'the service is having trouble; try again later' });
  }
  return new ApiError(message, details);
}

/**
 * The gateway's APIGW.0101, "the API does not exist or has not been published": the request went to a wrong
 * endpoint or path. Never "not found" (that would blame the job id or the instance): exit 5 at once, naming where.
 */
function unknownApi(response: ErrorResponse, inner: string, details: ErrorDetails): ApiError {
  const service = response.service ?? 'RDS';
  const where = endpointText(response.endpoint);
  const fix =
    service === 'IAM'
      ? 'check --iam-endpoint (or HUAWEICLOUD_SDK_IAM_ENDPOINT) and --region'
      : `check --endpoint (or RDSJOB_ENDPOINT): it should be the ${service} endpoint of your region, with no path; and --service and --region`;
  return new ApiError(`the API gateway${where} knows no such ${service} API (HTTP 404, ${inner})`, {
    ...details,
    hint: fix,
  });
}

/** ` at https://host/path`, without credentials or query; empty when unknown. */
function endpointText(endpoint: string | undefined): string {
  if (endpoint === undefined) return '';
  try {
    const url = new URL(endpoint);
    return ` at ${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '';
  }
}

/**
 * The IAM permission each API needs, by its path (huawei-rds-api.md): ListInstances its own; ListJobInfo and ListTasks
 * (and a path not known here) `rds:task:listAll`.
 */
const PERMISSIONS: ReadonlyArray<readonly [RegExp, string]> = [[/\/instances$/, 'rds:instance:listAll']];
const TASK_PERMISSION = 'rds:task:listAll';

function permissionFor(path: string | undefined): string {
  return PERMISSIONS.find(([pattern]) => path !== undefined && pattern.test(path))?.[1] ?? TASK_PERMISSION;
}

function authHint(status: number, message: string, path: string | undefined): string {
  if (/expire/i.test(message)) {
    return /token/i.test(message)
      ? 'the IAM token has expired: get a new one (tokens are valid for 24 hours)'
      : 'check the system clock: requests more than 15 minutes off are refused';
  }
  const keys = 'check the access key and secret key (or the IAM token) and that they belong to this account';
  return status === 403 ? `${keys}, and that the user has the IAM permission ${permissionFor(path)}` : keys;
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMsOf(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'timed out',
  ESOCKETTIMEDOUT: 'timed out',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'temporary DNS failure',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  EADDRNOTAVAIL: 'address not available',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate chain is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate issuer is not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
  // Node 24.20+ reports a socket that closed while connecting (a refused connection, among others) this way.
  ERR_SOCKET_CLOSED_BEFORE_CONNECTION: 'connection closed before it was established',
  // Node 20+'s family autoselection ("happy eyeballs") gave up on every address.
  ERR_SOCKET_CONNECTION_TIMEOUT: 'timed out connecting',
};

/**
 * The code of a failed connection, wherever the Node version put it: on the error, on its cause (got wraps), or on
 * the first of an AggregateError's errors (Node 20+ tries every address of `localhost`, IPv6 and IPv4).
 */
function networkCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof e.code === 'string') return e.code;
    current = Array.isArray(e.errors) && e.errors.length > 0 ? e.errors[0] : e.cause;
  }
  return undefined;
}

/** A failed connection or request → NetworkError: `cannot reach rds.x…: connection refused`. */
export function errorFromNetwork(error: unknown, url?: string): NetworkError {
  const err = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown; options?: { url?: unknown } };
  const host = hostOf(url ?? (err.options?.url === undefined ? undefined : String(err.options.url)));
  const code = networkCode(error);
  const isTimeout = err.name === 'TimeoutError' || code === 'ETIMEDOUT';
  const reason = isTimeout
    ? 'no response in time'
    : (code && NETWORK_REASONS[code]) ||
      clip(typeof err.message === 'string' ? err.message : String(error)) ||
      'failed';
  const tls = code !== undefined && /CERT|TLS/.test(code);
  const hint = tls
    ? 'check --endpoint; if a proxy inspects TLS, point NODE_EXTRA_CA_CERTS at its CA certificate'
    : code === 'ENOTFOUND'
      ? 'check --endpoint (or RDSJOB_ENDPOINT) and --region: the host name does not resolve'
      : NETWORK_HINT;
  return new NetworkError(`cannot reach ${host ?? 'the API'}: ${reason}`, { code, hint, cause: error });
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

function safeParse(body: unknown): ParsedErrorBody {
  try {
    return parseErrorBody(typeof body === 'string' ? body : body === undefined || body === null ? '' : String(body));
  } catch {
    return {};
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * One short printable line. Control characters go (a hostile body must not drive the terminal), and long
 * token-like runs are cut, in case a proxy echoes request headers back.
 */
export function clip(text: string): string {
  const printable = text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/Signature=[0-9a-fA-F]+/g, 'Signature=****')
    .replace(/[A-Za-z0-9+/=_-]{48,}/g, '****')
    .trim();
  return printable.length > MAX_MESSAGE ? `${printable.slice(0, MAX_MESSAGE - 1)}…` : printable;
}
