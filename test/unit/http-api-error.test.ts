import { describe, expect, it } from 'vitest';
import { errorFromNetwork, errorFromResponse, parseErrorBody, retryAfterMsOf } from '../../src/http/api-error.js';
import { ApiError, AuthError, NetworkError } from '../../src/errors.js';

const NOW = Date.parse('2024-05-01T10:00:00Z');

describe('parseErrorBody handles every body shape', () => {
  it.each([
    [
      'RDS / gateway',
      '{"error_code":"DBS.200001","error_msg":"Parameter error."}',
      { code: 'DBS.200001', message: 'Parameter error.' },
    ],
    [
      'gateway with request id',
      '{"error_code":"APIGW.0301","error_msg":"verify aksk signature fail","request_id":"rq1"}',
      { code: 'APIGW.0301', message: 'verify aksk signature fail', requestId: 'rq1' },
    ],
    [
      'older RDS paths',
      '{"errCode":"DBS.280001","externalMessage":"Job not exist"}',
      { code: 'DBS.280001', message: 'Job not exist' },
    ],
    ['code/message', '{"code":"E1","message":"boom"}', { code: 'E1', message: 'boom' }],
    ['nested error', '{"error":{"code":"IAM.0001","message":"bad"}}', { code: 'IAM.0001', message: 'bad' }],
    [
      'keystone numeric code',
      '{"error":{"code":401,"message":"needs auth","title":"Unauthorized"}}',
      { code: '401', message: 'needs auth' },
    ],
    ['error string', '{"error":"denied"}', { message: 'denied' }],
    ['JSON without known fields', '{"foo":1}', {}],
    ['JSON array', '[1,2]', {}],
    ['JSON null', 'null', { message: 'null' }],
    [
      'HTML with title',
      '<html><head><title>502 Bad\n Gateway</title></head><body>nginx</body></html>',
      { message: '502 Bad Gateway' },
    ],
    ['HTML without title', '<!DOCTYPE html><html><body><h1>oops</h1></body></html>', { message: 'HTML error page' }],
    ['empty', '', {}],
    ['whitespace', '  \n ', {}],
    ['garbage', 'upstream connect error\nor disconnect', { message: 'upstream connect error' }],
    ['broken JSON', '{"error_code": "X', { message: '{"error_code": "X' }],
  ])('%s', (_name, body, expected) => {
    expect(parseErrorBody(body)).toEqual(expect.objectContaining(expected));
    for (const key of ['code', 'message', 'requestId'] as const) {
      if (!(key in expected)) expect(parseErrorBody(body)[key]).toBeUndefined();
    }
  });

  it('survives huge bodies and strips control characters, cutting long messages', () => {
    const huge = parseErrorBody('x'.repeat(5 * 1024 * 1024));
    expect(huge.message!.length).toBeLessThanOrEqual(200);
    const hostile = parseErrorBody(JSON.stringify({ error_msg: `bad\u001b[31mred\u0007 ${'word '.repeat(100)}` }));
    expect(hostile.message).not.toMatch(/[\u0000-\u001f]/);
    expect(hostile.message!.length).toBeLessThanOrEqual(200);
    expect(hostile.message!.endsWith('…')).toBe(true);
  });

  it('masks what looks like an echoed signature or token', () => {
    const echoed = parseErrorBody('Authorization: SDK-HMAC-SHA256 Access=AK, Signature=0123abcdef0123abcdef');
    expect(echoed.message).toContain('Signature=****');
    expect(parseErrorBody(`token ${'A'.repeat(300)}`).message).toBe('token ****');
  });
});

describe('errorFromResponse', () => {
  const call = (status: number, body: string, headers: Record<string, string> = {}) =>
    errorFromResponse({ status, body, headers, now: NOW });

  it('names status, API code and request id', () => {
    const error = call(503, '{"error_code":"SYS.0503","error_msg":"Service unavailable"}', { 'X-Request-Id': '5b7e' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('RDS API error 503 (SYS.0503: Service unavailable, request id 5b7e)');
    expect(error).toMatchObject({ status: 503, code: 'SYS.0503', requestId: '5b7e' });
  });

  it.each([
    ['X-Request-Id first', { 'x-request-id': 'h1', 'x-iam-trace-id': 't1' }, '{"request_id":"b1"}', 'h1'],
    ['then the body', { 'x-iam-trace-id': 't1' }, '{"request_id":"b1"}', 'b1'],
    ['then X-IAM-Trace-Id', { 'x-iam-trace-id': 't1' }, '{}', 't1'],
    ['none', {}, '', undefined],
  ])('request id: %s', (_name, headers, body, expected) => {
    expect(call(500, body, headers).requestId).toBe(expected);
  });

  it.each([
    [
      401,
      '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail"}',
      AuthError,
      /check the access key and secret key/,
    ],
    [403, '{"error_code":"APIGW.0302","error_msg":"forbidden"}', AuthError, /rds:task:listAll/],
    [
      401,
      '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: signature expired"}',
      AuthError,
      /check the system clock: requests more than 15 minutes off are refused/,
    ],
    [401, '{"error_code":"APIGW.0307","error_msg":"The token expires."}', AuthError, /IAM token has expired/],
    // The gateway knows no such API: a wrong endpoint, never "not found" (docs/ci.md): exit 5.
    [404, '{"error_code":"APIGW.0101","error_msg":"The API does not exist"}', ApiError, /check --endpoint/],
    [429, '{"error_code":"APIGW.0308","error_msg":"throttled"}', ApiError, /60 requests per minute/],
    [500, '', ApiError, /try again later/],
    [400, '{"error_code":"DBS.200001","error_msg":"Parameter error."}', ApiError, undefined],
  ])('%i → the right class and hint', (status, body, type, hint) => {
    const error = call(status, body);
    expect(error).toBeInstanceOf(type);
    if (hint) expect(error.hint).toMatch(hint);
    else expect(error.hint).toBeUndefined();
  });

  it('falls back on the HTTP reason phrase when the body says nothing', () => {
    expect(call(502, '').message).toBe('RDS API error 502 (Bad Gateway)');
    expect(call(502, '<html><title>502 Bad Gateway</title></html>').message).toBe(
      'RDS API error 502 (502 Bad Gateway)',
    );
  });

  it('does not repeat a numeric code equal to the status, and names the service', () => {
    const error = errorFromResponse({
      status: 401,
      body: '{"error":{"code":401,"message":"needs auth"}}',
      headers: {},
      service: 'IAM',
    });
    expect(error.message).toBe('IAM API error 401 (needs auth)');
    expect(error.code).toBeUndefined();
  });

  it.each([
    ['seconds', '7', 7000],
    ['fractional seconds', '1.5', 1500],
    ['HTTP date', new Date(NOW + 30_000).toUTCString(), 30_000],
    ['date in the past', new Date(NOW - 30_000).toUTCString(), 0],
    ['garbage', 'soon', undefined],
  ])('Retry-After as %s', (_name, value, expected) => {
    expect(retryAfterMsOf(value, NOW)).toBe(expected);
    expect(call(429, '', { 'Retry-After': value }).retryAfterMs).toBe(expected);
  });

  it('never throws, whatever it is given', () => {
    for (const body of [undefined, null, 42, {}, '\u0000\u0001', '{'.repeat(10000)] as unknown as string[]) {
      expect(() => call(500, body)).not.toThrow();
    }
  });
});

describe('errorFromNetwork', () => {
  const failure = (code: string, name = 'RequestError') => Object.assign(new Error(`raw ${code}`), { code, name });

  // The same failure as Node 20, 22 and 24 report it: the message must read the same on each.
  it.each<[string, unknown]>([
    ["got's RequestError (every version)", failure('ECONNREFUSED')],
    [
      'got wrapping the raw error as its cause',
      Object.assign(new Error('wrapped'), {
        name: 'RequestError',
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      }),
    ],
    [
      'an AggregateError from trying every address of localhost (Node 20+)',
      Object.assign(
        new AggregateError(
          [
            Object.assign(new Error('connect ECONNREFUSED ::1:8443'), { code: 'ECONNREFUSED' }),
            Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8443'), { code: 'ECONNREFUSED' }),
          ],
          '',
        ),
        { name: 'RequestError' },
      ),
    ],
  ])('a refused connection reads the same whatever Node wraps it in: %s', (_name, error) => {
    expect(errorFromNetwork(error, 'https://rds.x.example:8443/v3').message).toBe(
      'cannot reach rds.x.example:8443: connection refused',
    );
  });

  it("Node 24.20+'s socket closed while connecting is named, not shown as its raw message", () => {
    const error = errorFromNetwork(
      failure('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Error'),
      'https://rds.x.example:8443/v3',
    );
    expect(error.message).toBe('cannot reach rds.x.example:8443: connection closed before it was established');
    expect(error.code).toBe('ERR_SOCKET_CLOSED_BEFORE_CONNECTION');
  });

  it.each([
    ['ECONNREFUSED', 'cannot reach rds.x.example:8443: connection refused'],
    ['ECONNRESET', 'cannot reach rds.x.example:8443: connection reset'],
    ['ENOTFOUND', 'cannot reach rds.x.example:8443: host not found (DNS)'],
    ['EAI_AGAIN', 'cannot reach rds.x.example:8443: temporary DNS failure'],
    ['ETIMEDOUT', 'cannot reach rds.x.example:8443: no response in time'],
    ['CERT_HAS_EXPIRED', 'cannot reach rds.x.example:8443: TLS certificate has expired'],
    ['EWHATEVER', 'cannot reach rds.x.example:8443: raw EWHATEVER'],
  ])('%s', (code, message) => {
    const error = errorFromNetwork(failure(code), 'https://rds.x.example:8443/v3/p/jobs');
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(message);
    expect(error.hint).toBeTruthy();
  });

  it('takes the host from a got error, and copes with anything', () => {
    const gotLike = Object.assign(failure('ECONNREFUSED'), { options: { url: new URL('https://iam.example/v3') } });
    expect(errorFromNetwork(gotLike).message).toBe('cannot reach iam.example: connection refused');
    expect(errorFromNetwork(undefined).message).toBe('cannot reach the API: undefined');
    expect(errorFromNetwork(new Error('x'), 'not a url').message).toBe('cannot reach the API: x');
  });
});
