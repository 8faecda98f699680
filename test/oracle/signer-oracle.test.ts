// Our signer against the official Node.js SDK's own signer, on hundreds of generated requests (seeded, so a
// failure reproduces). The SDK is the oracle for everything rdsjob can send; where the two differ on purpose the
// last block pins the difference and says why ours is the one the gateway agrees with.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { canonicalUri, encodeQuery, percentEncode, sign } from '../../src/signer.js';
import { loadService } from '../../src/services/load.js';
import { SERVICE_NAMES } from '../../src/services/names.js';
import { AKSKSigner, basicCredentials, sdkHttpRequest } from './sdk.js';

const RUNS = { seed: 42, numRuns: 300 } as const;

/** Every Unicode code point (no lone surrogates), so reserved, control, multi-byte and astral characters all appear. */
const anyText = (maxLength = 12) => fc.string({ unit: 'binary', maxLength });

/**
 * Characters the SDK's `url.parse` leaves alone in a path, so it signs exactly the segment it was given. (The
 * others — space, quotes, `<>^{|}` — it escapes first and then signs escaped: see the last block.)
 */
const PATH_SAFE = [...'!$%&()*+,-.0123456789:;=@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz~'];
const pathSegment = fc.string({
  unit: fc.oneof(fc.constantFrom(...PATH_SAFE), fc.constantFrom('é', '一', '😀', 'ß', '\u00a0', 'Ω')),
  maxLength: 10,
});

const idText = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const queryValue = fc.oneof(anyText(), fc.array(anyText(), { maxLength: 3 }));
const queryParams = fc
  .uniqueArray(fc.tuple(anyText(8), queryValue), { selector: ([name]) => name, maxLength: 5 })
  .map((entries) => Object.fromEntries(entries) as Record<string, string | string[]>);
const signingTime = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

const request = fc.record({
  ak: fc.stringMatching(/^[A-Z0-9]{20}$/),
  sk: anyText(40).filter((sk) => sk.length > 0),
  endpoint: fc.constantFrom(
    'https://rds.cn-north-4.myhuaweicloud.com',
    'https://rds.eu-west-101.myhuaweicloud.eu',
    'https://gaussdbformysql.ap-southeast-1.myhuaweicloud.com',
    'https://gaussdb-opengauss.cn-north-4.myhuaweicloud.com',
    'https://dds.eu-west-101.myhuaweicloud.eu',
    'https://gaussdb-nosql.cn-north-4.myhuaweicloud.com',
    'http://127.0.0.1:40123',
  ),
  method: fc.constantFrom('GET', 'DELETE', 'POST', 'PUT'),
  projectId: fc.option(idText, { nil: undefined }),
  securityToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=_-]{1,80}$/), { nil: undefined }),
  jsonContentType: fc.boolean(),
  segments: fc.array(pathSegment, { maxLength: 4 }),
  query: queryParams,
  data: fc.option(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), {
    nil: undefined,
  }),
  time: signingTime,
});

/** Pairs in the SDK's object form flattened the way rdsjob passes them, before the SDK sorts its arrays in place. */
function pairs(query: Record<string, string | string[]>): Array<[string, string]> {
  return Object.entries(query).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => [name, v] as [string, string]),
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('signer oracle: the official SDK signs every generated request exactly as we do', () => {
  it('canonical request, X-Sdk-Date and Authorization through the SDK pipeline (credentials → AKSKSigner)', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const captured = vi.spyOn(AKSKSigner, 'buildCanonicalRequest');
        vi.setSystemTime(r.time);
        const tail = r.segments.map((s) => `/${s}`).join('');
        const template = r.projectId === undefined ? `/v3${tail}/jobs` : `/v3/{project_id}${tail}/jobs`;
        const headers: Record<string, string> = r.jsonContentType ? { 'content-type': 'application/json' } : {};
        const queryForUs = pairs(r.query);
        const body = r.data === undefined || r.method === 'GET' ? undefined : r.data;

        const credentials = basicCredentials(r.ak, r.sk, r.projectId, r.securityToken);
        const sdk = await credentials.processAuthRequest(
          null,
          sdkHttpRequest({
            endpoint: r.endpoint,
            url: template,
            method: r.method,
            headers,
            queryParams: r.query,
            data: body,
          }),
        );
        const sdkCanonical = captured.mock.results.at(-1)!.value as string;

        const ourHeaders: Record<string, string> = { host: new URL(r.endpoint).host, ...headers };
        if (r.projectId !== undefined) ourHeaders['X-Project-Id'] = r.projectId;
        if (r.securityToken !== undefined) ourHeaders['X-Security-Token'] = r.securityToken;
        const ours = sign(
          {
            method: r.method,
            path: template.replace('{project_id}', r.projectId ?? ''),
            query: queryForUs,
            headers: ourHeaders,
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          },
          { accessKey: r.ak, secretKey: r.sk },
          new Date(),
        );

        expect(ours.canonicalRequest).toBe(sdkCanonical);
        expect(ours.headers['X-Sdk-Date']).toBe(sdk.headers['X-Sdk-Date']);
        expect(ours.headers.Authorization).toBe(sdk.headers.Authorization);
        captured.mockRestore();
      }),
      RUNS,
    );
  });

  it('percent-encoding of any Unicode text (names, values, segments)', () => {
    fc.assert(
      fc.property(anyText(30), (text) => {
        expect(percentEncode(text)).toBe(AKSKSigner.urlEncode(text));
      }),
      RUNS,
    );
  });

  it('canonical URI of any path, reserved and non-ASCII segments included', () => {
    const segment = fc.string({
      unit: fc.oneof(
        fc.constantFrom(...PATH_SAFE),
        anyText(1).filter((c) => c !== '/' && c !== ''),
      ),
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.boolean(), (segments, trailing) => {
        const path = `/${segments.join('/')}${trailing ? '/' : ''}`;
        expect(canonicalUri(path)).toBe(AKSKSigner.CanonicalURI(path));
      }),
      RUNS,
    );
  });

  it('sorts query names before encoding them, as the SDK does (found by this oracle)', () => {
    const query = { a0: '1', 'a=': '2', é: '3', z: '4' };
    expect(AKSKSigner.CanonicalQueryString({ queryParams: query })).toBe('a0=1&a%3D=2&z=4&%C3%A9=3');
    expect(encodeQuery(Object.entries(query))).toBe('a0=1&a%3D=2&z=4&%C3%A9=3');
  });

  it('canonical query string of any parameters: empty, reserved, unicode and repeated names', () => {
    fc.assert(
      fc.property(queryParams, (query) => {
        const ours = encodeQuery(pairs(query));
        expect(ours).toBe(AKSKSigner.CanonicalQueryString({ queryParams: query }));
      }),
      RUNS,
    );
  });
});

describe('each service’s job request, over each host its endpoint rule gives, signed as the SDK signs it', () => {
  const REGIONS = ['cn-north-4', 'eu-west-101', 'ap-southeast-1', 'af-south-1', 'cn-east-2', 'cn-southwest-3'];
  const projectId = '0483b6b16e954cb88930a360d2c4e663';
  const credentials = { accessKey: 'HPUAEXAMPLEAK0000001', secretKey: 'ExampleSecretKey0123456789abcdefghijklmnop' };

  it.each(SERVICE_NAMES)('%s', async (name) => {
    const service = await loadService(name);
    vi.setSystemTime(new Date('2026-12-05T09:40:00Z'));
    for (const region of REGIONS) {
      const endpoint = service.endpoint(region);
      const query: Array<[string, string]> = [['id', 'a9767ede-fe0f-4888-9003-e843a4c90514']];
      const sdk = await basicCredentials(credentials.accessKey, credentials.secretKey, projectId).processAuthRequest(
        null,
        sdkHttpRequest({
          endpoint,
          url: '/v3/{project_id}/jobs',
          method: 'GET',
          headers: { 'content-type': 'application/json' },
          queryParams: Object.fromEntries(query),
        }),
      );
      const ours = sign(
        {
          method: 'GET',
          path: `/v3/${projectId}/jobs`,
          query,
          headers: { host: new URL(endpoint).host, 'content-type': 'application/json', 'X-Project-Id': projectId },
        },
        credentials,
        new Date(),
      );
      expect(ours.headers.Authorization, endpoint).toBe(sdk.headers.Authorization);
    }
  });
});

describe('where the Node SDK signs differently, and why we do not follow it', () => {
  const credentials = { accessKey: 'HPUAEXAMPLEAK0000001', secretKey: 'ExampleSecretKey0123456789abcdefghijklmnop' };
  const time = new Date('2024-01-02T03:04:05Z');

  it('a path character that must be escaped on the wire: the SDK signs its escaped form again (%2520)', async () => {
    vi.setSystemTime(time);
    const captured = vi.spyOn(AKSKSigner, 'buildCanonicalRequest');
    await basicCredentials(credentials.accessKey, credentials.secretKey).processAuthRequest(
      null,
      sdkHttpRequest({
        endpoint: 'https://rds.cn-north-4.myhuaweicloud.com',
        url: '/v3/a b/jobs',
        method: 'GET',
        headers: {},
        queryParams: {},
      }),
    );
    // The gateway (like the APIG reference signers) decodes the path before encoding each segment: one %20.
    expect((captured.mock.results.at(-1)!.value as string).split('\n')[1]).toBe('/v3/a%2520b/jobs/');
    expect(
      sign({ method: 'GET', path: '/v3/a b/jobs', query: [], headers: {} }, credentials, time).canonicalRequest.split(
        '\n',
      )[1],
    ).toBe('/v3/a%20b/jobs/');
  });

  it('a header value with surrounding spaces: the SDK signs it untrimmed, the signing guide (and HTTP) trim it', () => {
    vi.setSystemTime(time);
    const sdk = AKSKSigner.sign(
      {
        endpoint: 'https://h.example.com/p',
        url: '/p',
        method: 'GET',
        headers: { 'X-Project-Id': ' p1 ' },
        queryParams: {},
        pathParams: {},
      },
      { getAk: () => credentials.accessKey, getSk: () => credentials.secretKey },
    );
    const ours = sign(
      { method: 'GET', path: '/p', query: [], headers: { host: 'h.example.com', 'X-Project-Id': ' p1 ' } },
      credentials,
      time,
    );
    expect(ours.canonicalRequest).toContain('\nx-project-id:p1\n');
    expect(sdk.Authorization).not.toBe(ours.headers.Authorization);
  });
});
