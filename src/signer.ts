// SDK-HMAC-SHA256, the AK/SK request signature of Huawei Cloud's API gateway.
// Pure: a function of (request, credentials, time). Each stage is exported on its own so the tests can
// point at the stage that differs from the official SDK's vectors.
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'SDK-HMAC-SHA256';

export interface SignableRequest {
  method: string;
  /** Path as it will be requested, without query string, e.g. `/v3/{project}/jobs`. Not yet percent-encoded. */
  path: string;
  /** Query parameters in any order; the same encoding is used for signing and for the wire (see `encodeQuery`). */
  query: ReadonlyArray<readonly [string, string]>;
  /** The headers to sign (Host included by the caller when it is to be signed). X-Sdk-Date is added here. */
  headers: Readonly<Record<string, string>>;
  body?: string;
}

export interface Credentials {
  accessKey: string;
  secretKey: string;
}

interface SignedHeaders {
  'X-Sdk-Date': string;
  Authorization: string;
}

/** RFC 3986 unreserved characters stay; everything else is %XY upper-case over UTF-8 (space is %20). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `20240102T030405Z` — the X-Sdk-Date format. */
export function sdkDate(time: Date): string {
  return time
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Each segment encoded; always ends with `/` for signing, although the request itself is sent without it. */
export function canonicalUri(path: string): string {
  const encoded = path.split('/').map(percentEncode).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/**
 * Sorted by name, then value, comparing the text *before* encoding, as the official SDKs (Node, Go, Python) sort.
 * The encoded order differs once a name holds a reserved or non-ASCII character (`a=` → `a%3D` sorts before `a0`).
 */
export function encodeQuery(query: ReadonlyArray<readonly [string, string]>): string {
  return [...query]
    .sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]))
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
}

function signedHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  return Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort(compare);
}

function canonicalHeaders(headers: Readonly<Record<string, string>>): string {
  const byName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value.trim()]));
  return signedHeaderNames(headers)
    .map((name) => `${name}:${byName.get(name)}\n`)
    .join('');
}

function canonicalRequest(request: SignableRequest & { headers: Record<string, string> }): string {
  return [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    encodeQuery(request.query),
    canonicalHeaders(request.headers),
    signedHeaderNames(request.headers).join(';'),
    sha256Hex(request.body ?? ''),
  ].join('\n');
}

function stringToSign(canonical: string, date: string): string {
  return [ALGORITHM, date, sha256Hex(canonical)].join('\n');
}

function signature(secretKey: string, toSign: string): string {
  return createHmac('sha256', secretKey).update(toSign, 'utf8').digest('hex');
}

function authorization(accessKey: string, signedHeaders: string[], sig: string): string {
  return `${ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders.join(';')}, Signature=${sig}`;
}

export interface Signed {
  headers: SignedHeaders;
  canonicalRequest: string;
  stringToSign: string;
}

/** Signs `request` at `time`. An X-Sdk-Date already among the headers is kept (the published vectors fix it so). */
export function sign(request: SignableRequest, credentials: Credentials, time: Date): Signed {
  const existing = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'x-sdk-date');
  const date = existing ? existing[1] : sdkDate(time);
  const headers = existing ? { ...request.headers } : { ...request.headers, 'X-Sdk-Date': date };
  const canonical = canonicalRequest({ ...request, headers });
  const toSign = stringToSign(canonical, date);
  const sig = signature(credentials.secretKey, toSign);
  return {
    headers: {
      'X-Sdk-Date': date,
      Authorization: authorization(credentials.accessKey, signedHeaderNames(headers), sig),
    },
    canonicalRequest: canonical,
    stringToSign: toSign,
  };
}

function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
