// SDK-HMAC-SHA256 as the API gateway recomputes it, written from the signing guide (huawei-rds-api.md § AK/SK
// signing) and deliberately sharing no code with rdsjob's signer: an emulator that verified with the client's own
// functions would agree with any bug in them. test/oracle/emulator-fidelity.test.ts holds this file to the
// official SDK's client.
import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'SDK-HMAC-SHA256';

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/** RFC 3986: unreserved characters stay, every other UTF-8 byte becomes %XY (upper-case hex). */
export function rfc3986(text: string): string {
  let out = '';
  for (const char of text) {
    if (UNRESERVED.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export interface CanonicalInput {
  method: string;
  /** Path segments, already decoded from the wire. */
  segments: readonly string[];
  /** Query pairs, already decoded from the wire. */
  query: ReadonlyArray<readonly [string, string]>;
  /** The signed headers: lower-case names, values as received. */
  headers: ReadonlyMap<string, string>;
  body: Buffer;
}

/** The guide's CanonicalRequest: the URI always ends in `/`; pairs sorted by decoded name, then value. */
export function canonicalRequest(input: CanonicalInput): string {
  const uri = input.segments.map(rfc3986).join('/');
  const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const query = [...input.query]
    .sort((a, b) => byteOrder(a[0], b[0]) || byteOrder(a[1], b[1]))
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .join('&');
  const names = [...input.headers.keys()].sort(byteOrder);
  return [
    input.method.toUpperCase(),
    uri.endsWith('/') ? uri : `${uri}/`,
    query,
    names.map((name) => `${name}:${input.headers.get(name)!.trim()}\n`).join(''),
    names.join(';'),
    createHash('sha256').update(input.body).digest('hex'),
  ].join('\n');
}

export function expectedSignature(secretKey: string, date: string, canonical: string): string {
  const toSign = `${ALGORITHM}\n${date}\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
  return createHmac('sha256', secretKey).update(toSign, 'utf8').digest('hex');
}
