// The wait loop's decision table (wait/decide.ts), step by step: what a look means, what the loop remembers of it,
// when a retry comes, when the loop sleeps or times out, and how a stopped loop ends. The engine only performs these.
import { describe, expect, it } from 'vitest';
import { ApiError, DeadlineError, InterruptedError, MalformedResponseError, NotFoundError } from '../../src/errors.js';
import { exitCodeOf } from '../../src/exit-codes.js';
import {
  afterLook,
  FAILED_FAST,
  FIRST_LOOK,
  isAnswer,
  type Looked,
  retryIn,
  sleepBefore,
  stoppedEnding,
  type Track,
} from '../../src/wait/decide.js';

const facts = { id: 'j1', job: true, answered: true, elapsedMs: 10_000, graceMs: 60_000 };
const outage = () => new ApiError('RDS API error 503', { status: 503 });
const malformed = () => new MalformedResponseError('not JSON', { status: 200 });
const running: Looked = { ok: true, verdict: undefined };

/** Runs looks through the table as the loop does, one after the other; the decisions and the last track. */
function run(looks: Looked[], extra: Partial<typeof facts> = {}) {
  let track: Track = FIRST_LOOK;
  const decisions = looks.map((looked) => {
    const step = afterLook(track, looked, { ...facts, ...extra });
    track = step.track;
    return step.decision.kind;
  });
  return { decisions, track };
}

describe('afterLook: one step of a wait', () => {
  it.each([
    ['running, then Completed', [running, { ok: true, verdict: 'completed' }], ['again', 'done']],
    ['an outage ridden out', [running, { ok: false, error: outage() }, running], ['again', 'retry', 'again']],
    // Seen before, its 404 is a hiccup; never seen, it is not visible yet (within the grace).
    ['a 404 after an answer: retried', [running, { ok: false, error: new NotFoundError('x') }], ['again', 'retry']],
    ['a 404 before any answer: not visible yet', [{ ok: false, error: new NotFoundError('x') }], ['not-visible']],
    // A body that stays malformed will not heal: the third in a row ends the wait; an answer between resets it.
    [
      'malformed three times in a row: ends',
      Array(3).fill({ ok: false, error: malformed() }),
      ['retry', 'retry', 'end'],
    ],
    [
      'malformed twice, an answer, malformed twice: still retried',
      [
        ...Array(2).fill({ ok: false, error: malformed() }),
        running,
        ...Array(2).fill({ ok: false, error: malformed() }),
      ],
      ['retry', 'retry', 'again', 'retry', 'retry'],
    ],
  ] as Array<[string, Looked[], string[]]>)('%s', (_name, looks, expected) => {
    expect(run(looks).decisions).toEqual(expected);
  });

  it('counts retries in a row for the backoff and remembers the last failure until an answer', () => {
    const first = outage();
    const second = outage();
    const failing = run([running, { ok: false, error: first }, { ok: false, error: second }]);
    expect(failing.track).toMatchObject({ looks: 3, seen: true, failures: 2, lastFailure: second });
    const healed = afterLook(failing.track, running, facts).track;
    expect(healed).toEqual({ looks: 4, seen: true, failures: 0, malformedInARow: 0 });
  });

  it('a retry carries the failure it retries, so its line and a later timeout name it', () => {
    const throttled = new ApiError('throttled', { status: 429, retryAfterMs: 3_000 });
    const { decision } = afterLook(FIRST_LOOK, { ok: false, error: throttled }, facts);
    expect(decision).toEqual({ kind: 'retry', error: throttled, retryAfterMs: 3_000 });
  });

  it('an error status is an answer (the endpoint is right); a network failure is not', () => {
    expect(isAnswer(running)).toBe(true);
    expect(isAnswer({ ok: false, error: outage() })).toBe(true);
    expect(isAnswer({ ok: false, error: new Error('ECONNREFUSED') })).toBe(false);
  });
});

describe('retryIn: when a planned retry really comes', () => {
  const retry = { kind: 'retry', error: outage() } as const;
  it.each([
    ['after the backoff', { now: 0, earliest: 0, deadline: 60_000 }, 8_000, 8_000],
    ['not before the budget allows the next request', { now: 0, earliest: 12_000, deadline: 60_000 }, 8_000, 12_000],
    ['at the deadline at the latest: one last look', { now: 55_000, earliest: 55_000, deadline: 60_000 }, 8_000, 5_000],
  ])('%s', (_name, at, backoffMs, ms) => {
    expect(retryIn(retry, backoffMs, at)).toEqual({ kind: 'retry-in', ms });
  });

  it("past the deadline: a timeout naming the failure (5), or the Retry-After's throttling (5)", () => {
    const at = { now: 0, earliest: 70_000, deadline: 60_000 };
    const timedOut = retryIn(retry, 1_000, at);
    expect(timedOut).toEqual({ kind: 'end', outcome: 'timeout', error: retry.error });
    const throttled = retryIn({ ...retry, retryAfterMs: 70_000 }, 1_000, at);
    expect(throttled).toMatchObject({ kind: 'end', outcome: 'error' });
    expect(exitCodeOf(throttled as { outcome: 'error'; error: unknown })).toBe(5);
  });
});

describe('sleepBefore: the pause before the next look', () => {
  const failing = { ...FIRST_LOOK, failures: 1, lastFailure: outage() };
  it.each([
    ['the delay, well before the deadline', 5_000, { now: 0, deadline: 60_000 }, { kind: 'sleep', ms: 5_000 }],
    ['until the deadline, for one last look', 5_000, { now: 58_000, deadline: 60_000 }, { kind: 'sleep', ms: 2_000 }],
    ['no deadline (--timeout 0)', 5_000, { now: 0, deadline: Infinity }, { kind: 'sleep', ms: 5_000 }],
  ])('%s', (_name, delay, at, expected) => {
    expect(sleepBefore(delay, FIRST_LOOK, at)).toEqual(expected);
  });

  it('at the deadline: timed out, naming the last failure if the last look failed (5), else 6', () => {
    const at = { now: 60_000, deadline: 60_000 };
    expect(sleepBefore(5_000, FIRST_LOOK, at)).toEqual({ kind: 'end', outcome: 'timeout', error: undefined });
    expect(exitCodeOf(sleepBefore(5_000, FIRST_LOOK, at) as { outcome: 'timeout' })).toBe(6);
    const ended = sleepBefore(5_000, failing, at) as { outcome: 'timeout'; error: unknown };
    expect(ended.error).toBe(failing.lastFailure);
    expect(exitCodeOf(ended)).toBe(5);
  });
});

describe('stoppedEnding: a loop stopped while it looked or slept', () => {
  const bound = new DeadlineError('60s (--timeout)', { boundMs: 60_000 });
  const signal = new InterruptedError('interrupted (SIGINT)');
  it.each([
    ['an error that fails every item: that error', { reason: signal, fatal: outage() }, undefined, 'error', 5],
    ['--fail-fast: stopped, which never decides the exit code', { reason: FAILED_FAST }, undefined, 'stopped', 0],
    ['the hard stop at --timeout, last look answered: 5 (no answer)', { reason: bound }, undefined, 'timeout', 5],
    ['the hard stop at --timeout, last look failed: 5, naming it', { reason: bound }, outage(), 'timeout', 5],
    ['a signal: interrupted (130)', { reason: signal }, undefined, 'interrupted', 130],
  ])('%s', (_name, stop, lastFailure, outcome, code) => {
    const ending = stoppedEnding(stop, lastFailure);
    expect(ending.outcome).toBe(outcome);
    expect(exitCodeOf(ending)).toBe(code);
    if (lastFailure !== undefined) expect(ending.error).toBe(lastFailure);
  });

  it('the hard stop with a request still unanswered says so', () => {
    const ending = stoppedEnding({ reason: bound }, undefined);
    expect((ending.error as Error).message).toMatch(/^no answer from the API: the request was still unanswered/);
  });
});
