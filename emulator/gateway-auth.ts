// The API gateway's authentication, as unforgiving as the real one: an IAM token, or an SDK-HMAC-SHA256 signature
// recomputed from the request as it arrived. Pure: a function of (wire request, keys, clock).
import { timingSafeEqual } from 'node:crypto';
import { ALGORITHM, canonicalRequest, expectedSignature } from './signature.js';
import type { EmulatorCredential } from './types.js';
import { decodePathSegments, headerValue, parseQuery, type WireRequest } from './wire.js';

export const AUTH_ERROR_CODE = 'APIGW.0301';
const PREFIX = 'Incorrect IAM authentication information: ';
export const BAD_SIGNATURE = `${PREFIX}verify aksk signature fail`;

/** How far X-Sdk-Date may be from the gateway's clock, either way. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface GatewayKeys {
  credentials: readonly EmulatorCredential[];
  authTokens: readonly string[];
  /** Epoch ms. */
  now: () => number;
}

/**
 * The verdict, with the access key it concerns once the Authorization header named a known one, and whether the
 * failure was a signature mismatch (what the gateway's AK lockout counts).
 */
export type AuthResult =
  | { ok: true; accessKey?: string }
  | { ok: false; message: string; accessKey?: string; badSignature?: boolean };

const AUTHORIZATION = new RegExp(
  `^${ALGORITHM} Access=([^\\s,=]+), SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*), Signature=([0-9a-f]{64})$`,
);
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export function authenticate(request: WireRequest, keys: GatewayKeys): AuthResult {
  const token = headerValue(request.headers, 'x-auth-token');
  if (token !== undefined) {
    return keys.authTokens.some((known) => safeEqual(known, token)) ? { ok: true } : fail('decrypt token fail');
  }
  const header = headerValue(request.headers, 'authorization');
  if (header === undefined) return fail('no Authorization header and no X-Auth-Token');
  const parsed = AUTHORIZATION.exec(header);
  if (!parsed) return fail(`Authorization header is not "${ALGORITHM} Access=…, SignedHeaders=…, Signature=…"`);
  const [, accessKey, signedList, sentSignature] = parsed as unknown as [string, string, string, string];
  const credential = keys.credentials.find((c) => c.accessKey === accessKey);
  if (!credential) return fail('the access key does not exist');

  const signed = signedList.split(';');
  if (signed.join(';') !== [...new Set(signed)].sort().join(';')) {
    return fail('SignedHeaders must name each header once, sorted');
  }
  if (!signed.includes('x-sdk-date')) return fail('x-sdk-date must be a signed header');
  const date = headerValue(request.headers, 'x-sdk-date');
  if (date === undefined) return fail('x-sdk-date header is missing');
  const time = parseSdkDate(date);
  if (time === undefined) return fail('x-sdk-date is not in the format YYYYMMDDTHHMMSSZ');
  if (Math.abs(keys.now() - time) > MAX_CLOCK_SKEW_MS) {
    return fail('signature expired: x-sdk-date is more than 15 minutes away from the server time');
  }
  const headers = new Map<string, string>();
  for (const name of signed) {
    const value = headerValue(request.headers, name);
    if (value === undefined) return fail(`signed header ${name} is missing`);
    headers.set(name, value);
  }
  const tokenProblem = securityTokenProblem(credential, request, signed);
  if (tokenProblem) return fail(tokenProblem);

  const canonical = wireCanonicalRequest(request, headers);
  if (canonical === undefined) return fail('the request URI cannot be decoded');
  const expected = expectedSignature(credential.secretKey, date, canonical);
  return safeEqual(expected, sentSignature)
    ? { ok: true, accessKey }
    : { ok: false, message: BAD_SIGNATURE, accessKey, badSignature: true };
}

/**
 * The canonical request rebuilt from the wire: each path segment decoded and re-encoded, the raw query decoded
 * (`+` stays `+`) and re-encoded, the signed headers as received, the body's own bytes hashed.
 */
export function wireCanonicalRequest(request: WireRequest, headers: ReadonlyMap<string, string>): string | undefined {
  const segments = decodePathSegments(request.rawPath);
  const query = parseQuery(request.rawQuery);
  if (!segments || !query) return undefined;
  return canonicalRequest({ method: request.method, segments, query, headers, body: request.body });
}

export function parseSdkDate(value: string): number | undefined {
  const match = SDK_DATE.exec(value);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const time = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(time);
  // Date.UTC rolls 20240231 over to March; the gateway refuses such a date.
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? time : undefined;
}

function securityTokenProblem(
  credential: EmulatorCredential,
  request: WireRequest,
  signed: string[],
): string | undefined {
  const sent = headerValue(request.headers, 'x-security-token');
  if (credential.securityToken === undefined) {
    return sent === undefined ? undefined : 'X-Security-Token sent with a permanent access key';
  }
  if (sent === undefined) return 'temporary access key used without X-Security-Token';
  if (!signed.includes('x-security-token')) return 'x-security-token must be a signed header';
  return safeEqual(credential.securityToken, sent) ? undefined : 'the security token does not match the access key';
}

/** Constant time for equal lengths; a length mismatch is refused without comparing contents. */
function safeEqual(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

function fail(reason: string): AuthResult {
  return { ok: false, message: PREFIX + reason };
}
