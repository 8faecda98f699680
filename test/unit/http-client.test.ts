import { afterEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../src/config/auth.js';
import { createHttpClient, type HttpClientDeps, type HttpClientOptions } from '../../src/http/client.js';
import { ApiError, AuthError, MalformedResponseError, NetworkError, NotFoundError } from '../../src/errors.js';
import { encodeQuery } from '../../src/signer.js';
import {
  expectedAuthorization,
  json,
  startServer,
  type Handler,
  type TestServer,
} from '../support/http-test-server.js';

const AK = 'AKTESTACCESSKEY0001';
const SK = 'sk-very-secret-value-0001';
const STS = 'sts-security-token-very-secret';
const IAM_TOKEN = 'MIIiam-token-very-secret';
const aksk: Auth = { kind: 'aksk', accessKey: AK, secretKey: SK };

let servers: TestServer[] = [];
let closers: Array<() => void> = [];
afterEach(async () => {
  for (const close of closers) close();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  closers = [];
});

async function serve(handler: Handler): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

/** A client whose clock moves a minute per reading and whose backoff sleeps ~0, recording the planned delays. */
function client(overrides: Partial<HttpClientOptions> = {}, deps: Partial<HttpClientDeps> = {}) {
  let clock = Date.parse('2024-05-01T10:00:00Z');
  const delays: number[] = [];
  const lines: string[] = [];
  const http = createHttpClient(
    { auth: aksk, debug: (line) => lines.push(line), ...overrides },
    {
      now: () => (clock += 60_000),
      sleep: async (planned) => {
        delays.push(planned);
      },
      ...deps,
    },
  );
  closers.push(() => http.close());
  return { http, delays, lines };
}

const get = (
  http: ReturnType<typeof client>['http'],
  server: TestServer,
  query: Array<[string, string]> = [['id', 'job-1']],
  retries?: number,
) => http.getJson(server.url, '/v3/proj-1/jobs', query, { 'X-Project-Id': 'proj-1' }, undefined, retries);

describe('signing', () => {
  it('signs host, x-project-id and x-sdk-date; the server can verify the signature', async () => {
    const server = await serve((_req, res) => json(res, 200, { job: { id: 'job-1' } }, { 'x-request-id': 'req-1' }));
    const { http } = client();
    const result = await get(http, server);
    expect(result).toMatchObject({ status: 200, body: { job: { id: 'job-1' } }, requestId: 'req-1' });
    const [request] = server.requests;
    expect(request!.headers['x-project-id']).toBe('proj-1');
    expect(request!.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request!.headers.authorization).toContain(`Access=${AK}, SignedHeaders=host;x-project-id;x-sdk-date,`);
    expect(request!.headers.authorization).toBe(expectedAuthorization(request!, AK, SK));
    expect(request!.headers['x-auth-token']).toBeUndefined();
  });

  it('sends and signs X-Security-Token with temporary credentials', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const { http } = client({ auth: { ...aksk, securityToken: STS } });
    await get(http, server);
    const [request] = server.requests;
    expect(request!.headers['x-security-token']).toBe(STS);
    expect(request!.headers.authorization).toContain('SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,');
    expect(request!.headers.authorization).toBe(expectedAuthorization(request!, AK, SK));
  });

  it('token mode sends X-Auth-Token and X-Project-Id, no signature', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const { http } = client({ auth: { kind: 'token', token: IAM_TOKEN } });
    await get(http, server);
    const [request] = server.requests;
    expect(request!.headers['x-auth-token']).toBe(IAM_TOKEN);
    expect(request!.headers['x-project-id']).toBe('proj-1');
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.headers['x-sdk-date']).toBeUndefined();
  });

  it.each([
    ['spaces, plus and unicode', 'a b+c/é'],
    ['reserved characters', "x&y=z?*'()!~"],
    ['a plain UUID', '9a1c2f3e-0000-4000-8000-000000000001'],
  ])('sends the query exactly as signed: %s', async (_name, id) => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const { http } = client();
    await get(http, server, [['id', id]]);
    const [request] = server.requests;
    expect(request!.rawUrl).toBe(`/v3/proj-1/jobs?${encodeQuery([['id', id]])}`);
    expect(request!.headers.authorization).toBe(expectedAuthorization(request!, AK, SK));
  });

  it('keeps a path prefix of the base URL, signed', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const { http } = client();
    await http.getJson(`${server.url}/rds/`, '/v3/p/jobs', [['id', 'x']]);
    expect(server.requests[0]!.rawUrl).toBe('/rds/v3/p/jobs?id=x');
    expect(server.requests[0]!.headers.authorization).toBe(expectedAuthorization(server.requests[0]!, AK, SK));
  });
});

describe('retries', () => {
  it('retries a 503 and re-signs the retry with a fresh X-Sdk-Date', async () => {
    const server = await serve((_req, res, i) =>
      i === 0 ? json(res, 503, { error_code: 'SYS.0503' }) : json(res, 200, { ok: 1 }),
    );
    const { http, delays } = client();
    const result = await get(http, server);
    expect(result.body).toEqual({ ok: 1 });
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(first!.headers['x-sdk-date']).not.toBe(second!.headers['x-sdk-date']);
    expect(second!.headers.authorization).toBe(expectedAuthorization(second!, AK, SK));
    expect(second!.headers.authorization).not.toBe(first!.headers.authorization);
    expect(delays).toHaveLength(1);
  });

  it('a request can ask for fewer retries than the client (wait polls: none)', async () => {
    const server = await serve((_req, res) => json(res, 503, { error_code: 'SYS.0503' }));
    const { http } = client();
    await expect(http.getJson(server.url, '/v3/proj-1/jobs', [['id', 'x']], {}, undefined, 0)).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(server.requests).toHaveLength(1);
    await expect(http.getJson(server.url, '/v3/proj-1/jobs', [['id', 'x']])).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1 + 3); // the client's default: two retries
  });

  it('retries a reset connection, then succeeds', async () => {
    const server = await serve((req, res, i) => (i === 0 ? req.socket.destroy() : json(res, 200, { ok: 1 })));
    const { http } = client();
    expect((await get(http, server)).body).toEqual({ ok: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it('backs off exponentially with jitter', async () => {
    const server = await serve((_req, res) => json(res, 502, ''));
    const { http, delays } = client({}, { random: () => 0.5 });
    await expect(get(http, server, undefined, 3)).rejects.toBeInstanceOf(ApiError);
    expect(delays).toEqual([1000, 2000, 4000]);
  });

  it.each([
    [401, AuthError],
    [403, AuthError],
    [404, NotFoundError],
    [400, ApiError],
    [409, ApiError],
  ])('never retries %i', async (status, type) => {
    const server = await serve((_req, res) => json(res, status, { error_code: 'X.1', error_msg: 'no' }));
    const { http, delays } = client();
    const error = await get(http, server).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, code: 'X.1' });
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('honours a 429 Retry-After in seconds', async () => {
    const server = await serve((_req, res, i) =>
      i === 0 ? json(res, 429, { error_code: 'APIGW.0308' }, { 'retry-after': '3' }) : json(res, 200, {}),
    );
    const { http, delays } = client();
    await get(http, server);
    expect(delays).toEqual([3000]);
  });

  it('tells the caller of each pause as it begins: asked for (Retry-After) or a backoff after a failure', async () => {
    const server = await serve((_req, res, i) =>
      i === 0
        ? json(res, 429, { error_code: 'APIGW.0308' }, { 'retry-after': '12' })
        : i === 1
          ? json(res, 503, {})
          : json(res, 200, {}),
    );
    const { http, delays } = client();
    const pauses: unknown[] = [];
    await http.getJson(server.url, '/v3/proj-1/jobs', [['id', 'x']], {}, undefined, 2, (p) => pauses.push(p));
    expect(pauses).toEqual([
      { ms: 12_000, asked: true, service: 'RDS' },
      { ms: delays[1], asked: false, service: 'RDS' },
    ]);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const server = await serve((_req, res, i) =>
      i === 0 ? json(res, 503, {}, { 'retry-after': new Date(Date.now() + 10_000).toUTCString() }) : json(res, 200, {}),
    );
    // The date is read against the client's clock (the one it signs with): here the real one.
    const { http, delays } = client({}, { now: Date.now });
    await get(http, server);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(5_000);
    expect(delays[0]).toBeLessThanOrEqual(10_000);
  });

  it("gives up at once when Retry-After is longer than maxRetryAfterMs (open.ts passes the command's bound)", async () => {
    const server = await serve((_req, res) => json(res, 429, { error_code: 'APIGW.0308' }, { 'retry-after': '120' }));
    const { http, delays } = client({ maxRetryAfterMs: 60_000 });
    const error = await get(http, server).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000 });
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('compares Retry-After with what is left of the bound, not the whole bound', async () => {
    const server = await serve((_req, res) => json(res, 429, { error_code: 'APIGW.0308' }, { 'retry-after': '3' }));
    // 3 s is well within a 60 s bound, but only 2 s of it are left: waiting would end past it, in a false "no answer".
    const { http, delays } = client({ maxRetryAfterMs: 60_000 }, { timeLeft: () => 2_000 });
    const error = await get(http, server).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3_000 });
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('exhausted retries on 5xx end in an ApiError carrying the request id', async () => {
    const server = await serve((_req, res) =>
      json(res, 503, { error_code: 'SYS.0503', error_msg: 'Service unavailable' }, { 'x-request-id': 'r-9' }),
    );
    const { http } = client();
    const error = await get(http, server).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe('RDS API error 503 (SYS.0503: Service unavailable, request id r-9)');
    expect(server.requests).toHaveLength(3);
  });

  it('an unreachable endpoint ends in a NetworkError after the retries', async () => {
    const server = await serve(() => {});
    const url = server.url;
    await server.close();
    servers = [];
    const { http, delays } = client();
    const error = await http.getJson(url, '/v3/p/jobs', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe(`cannot reach ${new URL(url).host}: connection refused`);
    expect(delays).toHaveLength(2);
  });

  it('a request that gets no answer in time ends in a NetworkError', async () => {
    const server = await serve(() => {}); // never answers
    const { http } = client({ timeoutMs: 100 });
    const error = await get(http, server, undefined, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/no response in time/);
    expect(server.requests).toHaveLength(2);
  });
});

describe('response bodies', () => {
  it('refuses a body over 1 MiB announced by Content-Length', async () => {
    const server = await serve((_req, res) => json(res, 200, JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) })));
    const { http } = client();
    await expect(get(http, server)).rejects.toThrow(MalformedResponseError);
    await expect(get(http, server)).rejects.toThrow(/response too large/);
  });

  it('refuses a chunked body once it passes 1 MiB, without waiting for the end', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 20; i++) res.write(chunk); // 1.25 MiB, and the response is never ended
    });
    const { http } = client();
    await expect(get(http, server)).rejects.toThrow(/response too large/);
  });

  it.each([
    ['HTML', '<html><title>hi</title></html>'],
    ['truncated JSON', '{"job": {"id": '],
    ['empty', ''],
  ])('a 2xx body that is not JSON is a MalformedResponseError: %s', async (_name, body) => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'x-request-id': 'r-2' });
      res.end(body);
    });
    const { http } = client();
    const error = await get(http, server).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toMatch(/not JSON .*request id r-2/);
  });

  it('rejects with the abort reason when the signal fires', async () => {
    const server = await serve(() => {});
    const { http } = client();
    const controller = new AbortController();
    const pending = http.getJson(server.url, '/v3/p/jobs', [], {}, controller.signal);
    const reason = new Error('interrupted');
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('--debug trace', () => {
  it('shows requests, responses and retries, and never a secret', async () => {
    const server = await serve((_req, res, i) =>
      i === 0 ? json(res, 503, {}, { 'x-request-id': 'r-a' }) : json(res, 200, {}, { 'x-request-id': 'r-b' }),
    );
    for (const auth of [
      { ...aksk, securityToken: STS },
      { kind: 'token', token: IAM_TOKEN },
    ] as Auth[]) {
      const { http, lines } = client({ auth }, { random: () => 0 });
      await get(http, server, [['id', 'job 1']]);
      const trace = lines.join('\n');
      expect(lines[0]).toBe(`> GET ${server.url}/v3/proj-1/jobs?id=job%201`);
      expect(trace).toMatch(/^< 503 \(\d+ ms\) request id r-a$/m);
      expect(trace).toMatch(/^retrying in 0\.9s after 503$/m);
      expect(trace).toMatch(/^< 200 \(\d+ ms\) request id r-b$/m);
      expect(trace).toContain('x-project-id: proj-1');
      for (const secret of [SK, STS, IAM_TOKEN, AK]) expect(trace).not.toContain(secret);
      const signatures = server.requests.map((r) => /Signature=(\w+)/.exec(String(r.headers.authorization))?.[1]);
      for (const sig of signatures) if (sig) expect(trace).not.toContain(sig);
      if (auth.kind === 'aksk') {
        expect(trace).toContain(
          'authorization: SDK-HMAC-SHA256 Access=AKTE…, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature=****',
        );
        expect(trace).toContain('x-security-token: ****');
      } else {
        expect(trace).toContain('x-auth-token: ****');
      }
      server.requests.length = 0;
    }
  });
});

describe('error messages name the API', () => {
  it.each([
    ['/v3/p/jobs', 'RDS'],
    ['/v3/projects', 'IAM'],
  ])('%s → %s', async (path, service) => {
    const server = await serve((_req, res) => json(res, 400, { error_code: 'E.1', error_msg: 'bad' }));
    const { http } = client();
    await expect(http.getJson(server.url, path, [])).rejects.toThrow(`${service} API error 400 (E.1: bad)`);
  });
});
