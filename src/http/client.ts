// The one HTTP client: got with a keep-alive pool, AK/SK signing (or an IAM token) in a beforeRequest hook so every
// retry is re-signed with a fresh X-Sdk-Date, retries for transient failures, a body size cap and --debug tracing.
// This is the only file that imports got, so callers can load it lazily (`await import`) and keep startup fast.
import { setTimeout as sleep } from 'node:timers/promises';
import got, { type NormalizedOptions, type RequestError } from 'got';
import type { Auth } from '../config/auth.js';
import { classify, DeadlineError, MalformedResponseError, NETWORK_HINT, RdsjobError } from '../errors.js';
import { backoff } from '../pacing.js';
import { ATTEMPTS, MAX_BODY_BYTES, MAX_RETRY_AFTER_MS, DEFAULT_ATTEMPT_TIMEOUT_MS } from '../limits.js';
import { percentEncode, sign, encodeQuery } from '../signer.js';
import { clip, errorFromNetwork, errorFromResponse, header, requestIdOf, type ResponseHeaders } from './api-error.js';
import { createTracer } from './debug.js';
import { createAgentPool, throughProxy } from './proxy.js';

/** What the requests look like: production sets each of these (api/open.ts). */
export interface HttpClientOptions {
  auth: Auth;
  /** One --debug line; nothing secret is ever passed to it. */
  debug?: (line: string) => void;
  /** Per attempt, default 20 s. */
  timeoutMs?: number;
  /** Longest Retry-After we wait for; a longer one ends the retries. Default 10 minutes. */
  maxRetryAfterMs?: number;
  userAgent?: string;
  /** Names the API in error messages (a sibling service's title); default "RDS". IAM's /v3/projects is "IAM". */
  service?: string;
  /** Where HTTPS_PROXY/HTTP_PROXY/NO_PROXY are read from (see proxy.ts); default: no proxy. */
  proxyEnv?: Readonly<Record<string, string | undefined>>;
}

/** The world the client runs in, injected like every command's clock and sleep (deps.now, deps.sleep…). */
export interface HttpClientDeps {
  /** Epoch ms; the signing time of each attempt. */
  now(): number;
  /** The pause between attempts (deps.sleep: a test's controlled clock); default a real timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For the backoff jitter (deps.random); default Math.random. */
  random?: () => number;
  /** What is left of the caller's time bound (ms): a Retry-After longer than that ends the retries. Default: no bound. */
  timeLeft?: () => number;
}

interface JsonResponse {
  status: number;
  body: unknown;
  /** The body as received (what `body` was parsed from). */
  text: string;
  requestId?: string;
  headers: ResponseHeaders;
}

/** A pause between two attempts of one request, as it begins (what a spinner says while it lasts). */
export interface RetryPause {
  ms: number;
  /** The server asked for it (Retry-After), rather than our backoff after a failure. */
  asked: boolean;
  /** Who asked or failed: "RDS", "IAM", a sibling service's title. */
  service: string;
}

export interface HttpClient {
  getJson(
    baseUrl: string,
    path: string,
    query: Array<[string, string]>,
    headers?: Record<string, string>,
    signal?: AbortSignal,
    /** Retries for this request after network errors, 5xx and 429; default 2. */
    retries?: number,
    /** Told of each pause between attempts, as it begins. */
    onPause?: (pause: RetryPause) => void,
  ): Promise<JsonResponse>;
  /** Destroys the keep-alive sockets so the process can exit. */
  close(): void;
}

/** One request's retries back off from 1 s up to 20 s (a wait's own retries use its interval: wait/engine.ts). */
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 20_000;

/** What a retry line of the --debug trace says it follows: the status, or the network error's code. */
function retryReason(error: unknown): string {
  const e = error as { status?: unknown; code?: unknown };
  return typeof e.status === 'number' ? String(e.status) : String(e.code ?? 'error');
}

export function createHttpClient(options: HttpClientOptions, deps: HttpClientDeps): HttpClient {
  const agents = createAgentPool(options.proxyEnv ?? {}, options.debug);
  const trace = createTracer(options.debug);
  const { now } = deps;
  const random = deps.random ?? Math.random;
  const pause = deps.sleep ?? ((ms: number, signal?: AbortSignal) => sleep(ms, undefined, { signal }));

  async function getJson(
    baseUrl: string,
    path: string,
    query: Array<[string, string]>,
    extraHeaders: Record<string, string> = {},
    signal?: AbortSignal,
    retries?: number,
    onPause?: (pause: RetryPause) => void,
  ): Promise<JsonResponse> {
    const base = new URL(baseUrl);
    // The path is signed unencoded (the signer encodes each segment) and sent encoded the same way.
    const fullPath = decodePath(base.pathname.replace(/\/+$/, '')) + path;
    const queryString = encodeQuery(query);
    const url = `${base.protocol}//${base.host}${encodePath(fullPath)}${queryString ? `?${queryString}` : ''}`;
    const service = path.startsWith('/v3/projects') ? 'IAM' : (options.service ?? 'RDS');
    const limit = retries ?? ATTEMPTS - 1;
    const maxRetryAfter = options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS;

    /** Why the request stopped when `signal` did: the command's bound names the host that kept us waiting. */
    const stopped = (): unknown => {
      const reason: unknown = signal?.reason;
      if (!(reason instanceof DeadlineError)) return reason;
      return new DeadlineError(`cannot reach ${base.host}: no complete answer within ${reason.message}`, {
        boundMs: reason.boundMs,
        hint: NETWORK_HINT,
      });
    };

    // Each attempt is a request of its own, and the retry policy is ours: got's own retries reuse one request, and
    // since Node 24.20 a refused connection's socket reports a second, generic error on close that ends them
    // (sindresorhus/got#2469), so a retry would say "Socket closed before the connection was established".
    for (let attempt = 1; ; attempt++) {
      try {
        return await attemptOnce(url, base, fullPath, query, extraHeaders, service, signal);
      } catch (error) {
        if (signal?.aborted) throw stopped();
        const delay = attempt <= limit ? retryDelayFor(error, attempt, maxRetryAfter) : undefined;
        if (delay === undefined) throw error;
        trace.retry(delay, retryReason(error));
        onPause?.({ ms: Math.max(0, delay), asked: (error as RdsjobError).retryAfterMs !== undefined, service });
        try {
          await pause(Math.max(0, delay), signal);
        } catch {
          throw stopped();
        }
      }
    }
  }

  /** The delay before the next attempt, or undefined when this failure is not worth another. */
  function retryDelayFor(error: unknown, attempt: number, maxRetryAfter: number): number | undefined {
    // One request: the endpoint has not (knowingly) answered before, so a wrong host or certificate fails fast.
    if (!(error instanceof RdsjobError) || classify(error) !== 'retry') return undefined;
    // Compared with the time left, not the whole bound: a pause past the bound would end in a false "no answer".
    const longest = Math.min(maxRetryAfter, deps.timeLeft?.() ?? Infinity);
    if (error.retryAfterMs !== undefined) return error.retryAfterMs > longest ? undefined : error.retryAfterMs;
    return backoff(attempt, BACKOFF_BASE_MS, BACKOFF_CAP_MS, random);
  }

  async function attemptOnce(
    url: string,
    base: URL,
    fullPath: string,
    query: Array<[string, string]>,
    extraHeaders: Record<string, string>,
    service: string,
    signal: AbortSignal | undefined,
  ): Promise<JsonResponse> {
    let attemptStart = now();
    let tooLarge = false;
    const authorize = (request: NormalizedOptions): void => {
      attemptStart = now();
      const signable: Record<string, string> = { host: base.host, ...extraHeaders };
      const auth = options.auth;
      if (auth.kind === 'token') {
        Object.assign(request.headers, lower(signable), { 'x-auth-token': auth.token });
      } else {
        if (auth.securityToken) signable['X-Security-Token'] = auth.securityToken;
        const signed = sign({ method: 'GET', path: fullPath, query, headers: signable }, auth, new Date(attemptStart));
        Object.assign(request.headers, lower(signable), {
          'x-sdk-date': signed.headers['X-Sdk-Date'],
          authorization: signed.headers.Authorization,
        });
      }
      trace.request('GET', url, request.headers as Record<string, string>);
    };

    const request = got(url, {
      method: 'GET',
      agent: agents.for(url),
      signal,
      responseType: 'text',
      followRedirect: false,
      // ListJobInfo answers are a few hundred bytes: ask for them uncompressed, which also keeps zlib (and got's
      // decompression module, left out of the bundle) off the start-up path.
      decompress: false,
      timeout: { request: options.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS },
      headers: {
        accept: 'application/json',
        'accept-encoding': 'identity',
        'user-agent': options.userAgent ?? 'rdsjob',
      },
      retry: { limit: 0 },
      hooks: {
        beforeRequest: [authorize],
        afterResponse: [
          (response) => {
            trace.response(response.statusCode, now() - attemptStart, requestIdOf(response.headers));
            return response;
          },
        ],
      },
    });
    // Refuse oversized bodies as they arrive (Content-Length first, then the bytes counted), never buffering them.
    request.on('downloadProgress', (progress) => {
      if (tooLarge) return;
      if ((progress.total ?? 0) > MAX_BODY_BYTES || progress.transferred > MAX_BODY_BYTES) {
        tooLarge = true;
        request.cancel();
      }
    });

    let response;
    try {
      response = await request;
    } catch (error) {
      if (signal?.aborted) throw error; // the caller says why
      if (tooLarge) {
        throw new MalformedResponseError(`response too large (over ${MAX_BODY_BYTES} bytes) from ${base.host}`, {
          hint: 'check --endpoint: the RDS API answers with small JSON documents',
        });
      }
      const failed = error as RequestError;
      if (failed.response && failed.name === 'HTTPError') {
        throw errorFromResponse({
          status: failed.response.statusCode,
          body: typeof failed.response.body === 'string' ? failed.response.body : '',
          headers: failed.response.headers,
          service,
          now: now(),
          endpoint: base.href,
          path: fullPath,
        });
      }
      const shownProxy = agents.shownProxy(url);
      const networkError = errorFromNetwork(error, url);
      throw shownProxy === undefined ? networkError : throughProxy(networkError, shownProxy);
    }

    const requestId = requestIdOf(response.headers);
    const text = response.body;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      const type = clip(header(response.headers, 'content-type') ?? 'no content type');
      throw new MalformedResponseError(
        `${service} API returned a body that is not JSON (HTTP ${response.statusCode}, ${type}` +
          (requestId ? `, request id ${requestId})` : ')'),
        { status: response.statusCode, requestId, hint: 'check --endpoint: it should be the RDS API endpoint' },
      );
    }
    return { status: response.statusCode, body, text, requestId, headers: response.headers };
  }

  return {
    getJson,
    close() {
      agents.destroy();
    },
  };
}

function encodePath(path: string): string {
  return path.split('/').map(percentEncode).join('/');
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
