// Input checks from docs/reliability.md § Errors: pure predicates, plus the job-id assertion every command runs first.
import { UsageError } from '../errors.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/;
const PROFILE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

export const ID_RULE = 'use 1–64 characters of A-Z a-z 0-9 - _';
export const PROFILE_RULE = 'use 1–64 characters of A-Z a-z 0-9 _ . -';

export function isValidJobId(id: string): boolean {
  // The programmatic API is called from JavaScript too: `getJob(process.env.JOB_ID)` must not ask for "undefined".
  return typeof id === 'string' && ID.test(id);
}

export function isValidProjectId(id: string): boolean {
  return ID.test(id);
}

export function isValidRegion(region: string): boolean {
  return REGION.test(region);
}

export function isValidProfileName(name: string): boolean {
  return PROFILE_NAME.test(name);
}

/**
 * Quotes user input for an error message: JSON escaping keeps control characters (terminal escapes, newlines) inert,
 * and a very long value is cut so the message stays one line.
 */
export function quote(value: string, max = 80): string {
  if (typeof value !== 'string') return String(value); // a JavaScript caller's undefined, null or number, as it is
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

/** What to type instead, by the command that got no job id. */
const NO_ID_HINT = {
  get: 'pass one or more job ids, e.g. `rdsjob get 2d3f…` (`rdsjob list` shows recent tasks)',
  wait: 'pass one or more job ids, e.g. `rdsjob wait 2d3f…`, or an instance: `rdsjob wait --instance orders-db`',
} as const;

/** Throws UsageError (exit 2) naming the first invalid id, before anything is sent. */
export function assertJobIds(ids: readonly string[], command: keyof typeof NO_ID_HINT = 'get'): void {
  if (!Array.isArray(ids))
    throw new UsageError(`invalid job ids ${quote(ids as unknown as string)}: pass an array of job ids`);
  if (ids.length === 0) throw new UsageError('no job id given', { hint: NO_ID_HINT[command] });
  // findIndex, not find: the bad id may itself be undefined.
  const bad = ids.findIndex((id) => !isValidJobId(id));
  if (bad !== -1) throw new UsageError(`invalid job id ${quote(ids[bad]!)}: ${ID_RULE}`);
}

/** `--instance` takes an instance id, under the job-id rule; UsageError (exit 2) naming it otherwise. */
export function instanceIdOf(value: string): string {
  if (!isValidJobId(value)) throw new UsageError(`invalid --instance ${quote(value)}: ${ID_RULE}`);
  return value;
}

/**
 * An instance wait has nothing to look for without `--since`, so a not-found grace given to it is a mistake the user
 * should hear about (the CLI's --not-found-grace, the API's notFoundGraceMs alike).
 */
export function assertGraceNeedsSince(hasSince: boolean, graceGiven: boolean): void {
  if (graceGiven && !hasSince)
    throw new UsageError('--not-found-grace applies to job ids, or to --instance with --since');
}

function isLoopbackHost(hostname: string): boolean {
  // WHATWG URL has already normalised the host: lower case, IPv4 shorthands (127.1) expanded, IPv6 compressed.
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Why `url` cannot be used as an endpoint, or undefined when it can. Plain http is refused except on loopback so
 * signatures, tokens and security tokens never cross a network unencrypted.
 */
export function checkEndpoint(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (url.trim() !== url) return 'contains leading or trailing spaces';
  if (parsed.protocol === 'http:') {
    if (!isLoopbackHost(parsed.hostname)) {
      return 'plain http:// is only allowed for localhost, 127.0.0.0/8 or [::1]; use https://';
    }
  } else if (parsed.protocol !== 'https:') {
    return `must start with https:// (got ${parsed.protocol}//)`;
  }
  if (parsed.hostname === '') return 'has no host';
  if (parsed.username !== '' || parsed.password !== '') return 'must not contain a user name or password';
  if (parsed.search !== '' || url.includes('?')) return 'must not contain a query string';
  if (parsed.hash !== '' || url.includes('#')) return 'must not contain a fragment';
  return undefined;
}

/** The endpoint as the user wrote it, minus trailing slashes (paths are appended to it). Assumes checkEndpoint passed. */
export function normalizeEndpoint(url: string): string {
  return url.replace(/\/+$/, '');
}
