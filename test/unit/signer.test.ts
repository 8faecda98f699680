import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { canonicalUri, encodeQuery, percentEncode, sdkDate, sign } from '../../src/signer.js';

// A copy of shared/reference/signing-vectors.json (official SDK + published vectors), kept in the repo so CI needs nothing else.
const vectors = JSON.parse(readFileSync(new URL('../fixtures/signing-vectors.json', import.meta.url), 'utf8'));

interface SdkVector {
  name: string;
  input: {
    ak: string;
    sk: string;
    fixed_time_utc: string;
    method?: string;
    endpoint_used_for_host_and_path?: string;
    query_params?: Record<string, string>;
    headers_before_signing?: Record<string, string>;
    project_id?: string;
    security_token?: string | null;
    sdk_options?: { method: string; url: string; queryParams: Record<string, string>; headers: Record<string, string> };
  };
  canonical_request: string;
  string_to_sign: string;
  output_headers: Record<string, string>;
}

/** Rebuilds the request each SDK vector describes, headers as the Node SDK had them just before signing. */
function sdkRequest(v: SdkVector) {
  const i = v.input;
  if (i.sdk_options) {
    const o = i.sdk_options;
    const url = new URL(`https://rds.cn-north-4.myhuaweicloud.com${o.url.replace('{project_id}', i.project_id!)}`);
    const headers: Record<string, string> = { ...o.headers, host: url.host, 'X-Project-Id': i.project_id! };
    if (i.security_token) headers['X-Security-Token'] = i.security_token;
    return { method: o.method, path: url.pathname, query: Object.entries(o.queryParams), headers };
  }
  const url = new URL(i.endpoint_used_for_host_and_path!);
  return {
    method: i.method!,
    path: url.pathname,
    query: Object.entries(i.query_params ?? {}),
    headers: { ...i.headers_before_signing, host: url.host },
  };
}

describe('signer against the official SDK vectors', () => {
  for (const v of vectors.sdk_vectors as SdkVector[]) {
    describe(v.name, () => {
      const signed = sign(
        sdkRequest(v),
        { accessKey: v.input.ak, secretKey: v.input.sk },
        new Date(v.input.fixed_time_utc),
      );
      it('canonical request', () => expect(signed.canonicalRequest).toBe(v.canonical_request));
      it('string to sign', () => expect(signed.stringToSign).toBe(v.string_to_sign));
      it('X-Sdk-Date', () => expect(signed.headers['X-Sdk-Date']).toBe(v.output_headers['X-Sdk-Date']));
      it('Authorization', () => expect(signed.headers.Authorization).toBe(v.output_headers.Authorization));
    });
  }
});

describe('signer against the published vectors', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the vectors file's own shape
  const published = Object.entries(vectors.published_vectors as Record<string, any>);
  it('covers all three', () => expect(published.length).toBe(3));
  for (const [name, v] of published) {
    describe(name, () => {
      const url = new URL(v.input.url);
      const signed = sign(
        {
          method: v.input.method,
          path: url.pathname,
          query: [...url.searchParams],
          headers: v.input.signed_headers_in,
          body: v.input.body,
        },
        { accessKey: v.input.ak ?? 'AK', secretKey: v.input.sk },
        new Date(0),
      );
      it('signed headers', () =>
        expect(signed.headers.Authorization).toContain(`SignedHeaders=${v.expect.signed_headers},`));
      if (v.expect.hashed_canonical_request) {
        it('hashed canonical request', () =>
          expect(signed.stringToSign.split('\n')[2]).toBe(v.expect.hashed_canonical_request));
      }
      it('signature', () =>
        expect(signed.headers.Authorization).toMatch(new RegExp(`Signature=${v.expect.signature}$`)));
    });
  }
});

describe('encoding stages', () => {
  it.each([
    ['a b/c~', 'a%20b%2Fc~'],
    ["db-1 (test)!*'", 'db-1%20%28test%29%21%2A%27'],
    ['\u4e00', '%E4%B8%80'],
    ['A-Z_a.z~0', 'A-Z_a.z~0'],
    ['+=&?#', '%2B%3D%26%3F%23'],
    ['', ''],
  ])('percentEncode(%j) = %j', (input, out) => expect(percentEncode(input)).toBe(out));

  it.each([
    ['/v3/p/jobs', '/v3/p/jobs/'],
    ['/v3/p/jobs/', '/v3/p/jobs/'],
    ['/', '/'],
    ['/a b/c', '/a%20b/c/'],
  ])('canonicalUri(%j) = %j', (input, out) => expect(canonicalUri(input)).toBe(out));

  it('sorts query pairs by name, then value', () => {
    expect(
      encodeQuery([
        ['b', '2'],
        ['a', 'z'],
        ['a', 'y'],
      ]),
    ).toBe('a=y&a=z&b=2');
  });

  it('formats X-Sdk-Date in UTC without separators', () => {
    expect(sdkDate(new Date('2024-01-02T03:04:05.678Z'))).toBe('20240102T030405Z');
  });

  it("does not modify the caller's headers", () => {
    const headers = { host: 'h' };
    sign({ method: 'GET', path: '/', query: [], headers }, { accessKey: 'a', secretKey: 's' }, new Date(0));
    expect(headers).toEqual({ host: 'h' });
  });
});
