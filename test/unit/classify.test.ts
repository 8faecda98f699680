// What a failure means (errors.classify) and what follows for a wait (wait/decide.ts): one rule, table-tested, for
// get, list, wait, instance resolution and the HTTP client's retries.
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthError,
  ConfigError,
  classify,
  DeadlineError,
  type FailureContext,
  GoneError,
  InterruptedError,
  isTransient,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  UsageError,
} from '../../src/errors.js';
import { exitCodeOf } from '../../src/exit-codes.js';
import { afterFailure, type FailureFacts, pastDeadline } from '../../src/wait/decide.js';

const api = (status: number, code?: string, retryAfterMs?: number) =>
  new ApiError(`RDS API error ${status}`, { status, code, retryAfterMs });
const network = (code: string) => new NetworkError(`cannot reach rds.x: ${code}`, { code });
const deadline = new DeadlineError('3s (RDSJOB_API_TIMEOUT)', { boundMs: 3000 });
const JOB: FailureContext = { job: true };

describe('classify(error, context)', () => {
  it.each<[string, unknown, FailureContext, ReturnType<typeof classify>]>([
    ['a 503', api(503), {}, 'retry'],
    ['a 429', api(429), {}, 'retry'],
    ['a reset connection', network('ECONNRESET'), {}, 'retry'],
    ['a host that never resolved', network('ENOTFOUND'), {}, 'fatal'],
    ['the same once the endpoint answered (an outage)', network('ENOTFOUND'), { answered: true }, 'retry'],
    ['an untrusted certificate, never answered', network('SELF_SIGNED_CERT_IN_CHAIN'), {}, 'fatal'],
    ['a 401', new AuthError('refused', { status: 401 }), {}, 'fatal'],
    ['a configuration error', new ConfigError('no region'), {}, 'fatal'],
    ['a signal', new InterruptedError('interrupted'), {}, 'fatal'],
    ['the gateway knows no such API (APIGW.0101)', api(404, 'APIGW.0101'), JOB, 'fatal'],
    ['… spelled APIG.0101', api(404, 'APIG.0101'), JOB, 'fatal'],
    ['a job never seen: 404', new NotFoundError('job x not found', { status: 404 }), JOB, 'not-visible'],
    ['a job never seen: 400 with a DBS. code', api(400, 'DBS.200001'), JOB, 'not-visible'],
    ['a job seen before: 404 is a hiccup', new NotFoundError('job x not found'), { job: true, seen: true }, 'retry'],
    ['a job seen before: 400 DBS. ends it', api(400, 'DBS.200001'), { job: true, seen: true }, 'end'],
    ['an instance not found (no grace for instances)', new NotFoundError('instance x not found'), {}, 'end'],
    ['a deleted instance, seen before', new GoneError('deleted'), { seen: true }, 'end'],
    ['a 400 that is no RDS answer', api(400, 'APIGW.0201'), JOB, 'end'],
    ['a 400 DBS. outside a job wait (ListTasks)', api(400, 'DBS.200001'), {}, 'end'],
    [
      'a malformed body, second in a row, in a wait',
      new MalformedResponseError('no job'),
      { malformedInARow: 2 },
      'retry',
    ],
    ['a malformed body, third in a row', new MalformedResponseError('no job'), { malformedInARow: 3 }, 'end'],
    ['a malformed body outside a wait', new MalformedResponseError('no job'), {}, 'end'],
    ['the command bound running out', deadline, {}, 'end'],
    ['a shared instance name', new UsageError('2 instances are named x'), {}, 'end'],
    ['not one of ours (a bug)', new TypeError('x is undefined'), {}, 'end'],
  ])('%s → %s', (_name, error, context, expected) => {
    expect(classify(error, context)).toBe(expected);
  });

  it('isTransient (exported to programs) is classify saying retry', () => {
    expect(isTransient(api(503))).toBe(true);
    expect(isTransient(network('ENOTFOUND'))).toBe(false);
    expect(isTransient(network('ENOTFOUND'), true)).toBe(true);
    expect(isTransient(new NotFoundError('x'))).toBe(false);
  });
});

describe('afterFailure: what a wait does next', () => {
  const facts = (extra: Partial<FailureFacts> = {}): FailureFacts => ({
    id: 'j1',
    job: true,
    seen: false,
    answered: true,
    malformedInARow: 0,
    elapsedMs: 10_000,
    graceMs: 60_000,
    ...extra,
  });

  it('not visible yet within the grace; not found after it, whichever RDS answered (exit 4)', () => {
    expect(afterFailure(new NotFoundError('x'), facts())).toEqual({ kind: 'not-visible' });
    for (const error of [new NotFoundError('job j1 not found'), api(400, 'DBS.200001')]) {
      const after = afterFailure(error, facts({ elapsedMs: 60_000 }));
      expect(after).toMatchObject({ kind: 'end', outcome: 'not-found' });
      const ended = after as { outcome: 'not-found'; error: unknown };
      expect(ended.error).toBeInstanceOf(NotFoundError);
      expect(exitCodeOf({ outcome: ended.outcome, error: ended.error })).toBe(4);
    }
  });

  it("a retry carries the failure it retries and the server's Retry-After", () => {
    const throttled = api(429, 'APIGW.0308', 3_000);
    expect(afterFailure(throttled, facts())).toEqual({ kind: 'retry', error: throttled, retryAfterMs: 3_000 });
    const down = api(503);
    expect(afterFailure(down, facts())).toEqual({ kind: 'retry', error: down, retryAfterMs: undefined });
  });

  it("fatal for every item: reported once; an item's own end keeps its error", () => {
    const refused = new AuthError('refused', { status: 401 });
    expect(afterFailure(refused, facts())).toEqual({ kind: 'fatal', error: refused });
    const bad = api(409, 'DBS.200011');
    expect(afterFailure(bad, facts())).toEqual({ kind: 'end', outcome: 'error', error: bad });
  });
});

describe('pastDeadline: the next attempt against --timeout', () => {
  it.each([
    ['before the deadline: go on', undefined, 9_000, undefined],
    ['past it, no Retry-After: a timeout naming the last failure (5)', undefined, 11_000, 'timeout'],
    [
      'past it because of a Retry-After: the throttling itself (5), never a false "timed out"',
      3_600_000,
      11_000,
      'error',
    ],
  ] as const)('%s', (_name, retryAfterMs, nextAt, outcome) => {
    const last = api(429, 'APIGW.0308', retryAfterMs);
    const decision = pastDeadline(retryAfterMs, last, nextAt, 10_000);
    if (outcome === undefined) expect(decision).toBeUndefined();
    else {
      expect(decision).toMatchObject({ kind: 'end', outcome });
      const { error } = decision as { error: unknown };
      expect(exitCodeOf({ outcome: outcome, error })).toBe(5);
      if (outcome === 'error')
        expect((error as Error).message).toBe('throttled: RDS asks to wait 1h, beyond --timeout');
    }
  });
});
