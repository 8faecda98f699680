import { describe, expect, it } from 'vitest';
import {
  createTracer,
  maskAuthorization,
  maskHeader,
  requestLines,
  responseLine,
  retryLine,
} from '../../src/http/debug.js';

const AUTH = 'SDK-HMAC-SHA256 Access=HPUAXXXXXXXXXXXX, SignedHeaders=host;x-sdk-date, Signature=deadbeefcafe0123';

describe('masking', () => {
  it.each([
    ['Authorization', AUTH, 'SDK-HMAC-SHA256 Access=HPUA…, SignedHeaders=host;x-sdk-date, Signature=****'],
    ['authorization', 'Bearer something-secret', '****'],
    ['X-Security-Token', 'sts-secret', '****'],
    ['X-Auth-Token', 'MIIsecret', '****'],
    ['Cookie', 'session=secret', '****'],
    ['X-Something-New', 'maybe-secret', '****'],
    ['X-Project-Id', 'proj-1', 'proj-1'],
    ['X-Sdk-Date', '20240501T100000Z', '20240501T100000Z'],
    ['Host', 'rds.example', 'rds.example'],
  ])('%s', (name, value, expected) => {
    expect(maskHeader(name, value)).toBe(expected);
  });

  it('an Authorization it cannot parse is masked whole', () => {
    expect(maskAuthorization('garbage Signature=abc')).toBe('****');
  });
});

describe('lines', () => {
  it('request: method, URL and sorted header names with masked values', () => {
    expect(
      requestLines('get', 'https://h/p?id=1', { 'x-sdk-date': 'D', authorization: AUTH, skipped: undefined }),
    ).toEqual([
      '> GET https://h/p?id=1',
      '>   authorization: SDK-HMAC-SHA256 Access=HPUA…, SignedHeaders=host;x-sdk-date, Signature=****',
      '>   x-sdk-date: D',
    ]);
  });

  it('response and retry', () => {
    expect(responseLine(200, 123.4, 'abc')).toBe('< 200 (123 ms) request id abc');
    expect(responseLine(503, 5)).toBe('< 503 (5 ms)');
    expect(retryLine(1234, '503')).toBe('retrying in 1.2s after 503');
    expect(retryLine(3000, 'ECONNRESET')).toBe('retrying in 3.0s after ECONNRESET');
  });

  it('a tracer without a sink writes nothing and does not fail', () => {
    expect(() => createTracer().request('GET', 'u', { authorization: AUTH })).not.toThrow();
    const lines: string[] = [];
    createTracer((line) => lines.push(line)).response(200, 1);
    expect(lines).toEqual(['< 200 (1 ms)']);
  });
});
