// How an instance wait ends, in words (pure): every ending's heading and sentence, what stderr says after it, and
// the small helpers that keep other messages honest (hints once, a masked endpoint password, the suggested timeout).
import { describe, expect, it } from 'vitest';
import { shownValue } from '../../src/config/resolve.js';
import { InterruptedError, NetworkError } from '../../src/errors.js';
import { OUTCOME_LABELS } from '../../src/outcome.js';
import { hintsOnce } from '../../src/render/error.js';
import { type InstanceEnd, instanceEndLines, instanceEnding } from '../../src/wait/instance-ending.js';
import type { InstanceFacts } from '../../src/wait/instance.js';
import { subjectOf } from '../../src/wait/lines.js';
import type { ItemResult } from '../../src/wait/result.js';
import { summaryLines } from '../../src/wait/summary.js';

const running: ItemResult = {
  id: 't1',
  outcome: 'timeout',
  item: { name: 'ResizeFlavor', status: 'Running', process: '30' },
  elapsedMs: 1000,
};
const failed: ItemResult = {
  id: 't2',
  outcome: 'failed',
  item: { name: 'MysqlBindEIP', status: 'Failed' },
  elapsedMs: 0,
};
const facts = (more: Partial<InstanceFacts> = {}): InstanceFacts => ({
  looked: true,
  gone: false,
  windowSeen: false,
  status: 'ACTIVE',
  ...more,
});
const end = (more: Partial<InstanceEnd>): InstanceEnd => ({
  ref: 'orders-db',
  outcome: 'completed',
  facts: facts(),
  tasks: [],
  failFast: false,
  timeoutMs: 10_000,
  ...more,
});
const resume = { timeoutMs: 10_000, intervalMs: 5000, notFoundGraceMs: 60_000, quiet: false, json: false };
const RESUME = 'resume with: rdsjob wait --instance orders-db --timeout 10s';

describe('instanceEnding: a heading and a sentence for every ending', () => {
  it.each<[string, Partial<InstanceEnd>, string, string, string?]>([
    ['free', {}, 'free', 'free (no running task, ACTIVE)'],
    [
      'STORAGE FULL',
      { outcome: 'failed', facts: facts({ status: 'STORAGE FULL' }) },
      'STORAGE FULL',
      'STORAGE FULL: no wait makes it free',
      'instance STORAGE FULL',
    ],
    [
      'FROZEN with --fail-fast given: the status still',
      {
        outcome: 'failed',
        failFast: true,
        facts: facts({ status: 'FROZEN' }),
        tasks: [{ ...running, outcome: 'stopped' }],
      },
      'FROZEN',
      'FROZEN: no wait makes it free',
      'instance FROZEN',
    ],
    [
      '--fail-fast',
      { outcome: 'failed', failFast: true, tasks: [failed, { ...running, outcome: 'stopped' }] },
      'stopped at a Failed task (--fail-fast)',
      '1 task Failed: stopped at the first failure (--fail-fast)',
      '--fail-fast',
    ],
    ['a Failed task', { outcome: 'failed', tasks: [failed] }, '1 task Failed', '1 task Failed'],
    [
      'deleted',
      { outcome: 'not-found', facts: facts({ gone: true }), error: new NetworkError('instance orders-db gone') },
      'deleted',
      'instance orders-db gone',
      'instance deleted',
    ],
    [
      'timed out, BACKING UP',
      { outcome: 'timeout', facts: facts({ status: 'BACKING UP' }) },
      'timed out',
      'timed out after 10s: instance orders-db is BACKING UP, no task running',
    ],
    [
      'timed out with a task running',
      { outcome: 'timeout', tasks: [running] },
      'timed out',
      'timed out after 10s: 1 task still running on instance orders-db',
    ],
    [
      'timed out before a task of the window',
      { outcome: 'timeout', sinceMs: 300_000 },
      'timed out',
      'timed out after 10s: no task started on instance orders-db in the last 5m yet',
    ],
    [
      'interrupted before any look was answered',
      { outcome: 'interrupted', facts: facts({ looked: false }), error: new InterruptedError('terminated (SIGTERM)') },
      'interrupted',
      'terminated (SIGTERM): no look at instance orders-db was answered',
    ],
  ])('%s', (_, given, short, sentence, stoppedBy) => {
    expect(instanceEnding(end(given))).toEqual({ short, sentence, stoppedBy });
  });
});

describe('instanceEndLines: what stderr adds after the ending', () => {
  it.each<[string, Partial<InstanceEnd>, string[]]>([
    ['free: nothing', {}, []],
    [
      'a timeout with no task: what kept it, no dangling colon',
      { outcome: 'timeout', facts: facts({ status: 'BACKING UP' }) },
      ['error: timed out after 10s: instance orders-db is BACKING UP, no task running', RESUME],
    ],
    [
      'a timeout that never got an answer: the last failure',
      { outcome: 'timeout', facts: facts({ looked: false }), error: new NetworkError('cannot reach rds: reset') },
      [
        'error: timed out after 10s: no look at instance orders-db was answered (last attempt failed: cannot reach rds: reset)',
        RESUME,
      ],
    ],
    [
      'a timeout with a task running: the task',
      { outcome: 'timeout', tasks: [running] },
      [
        'error: timed out after 10s with 1 task still running on instance orders-db:',
        '  t1  ResizeFlavor Running 30%',
        RESUME,
      ],
    ],
    [
      'FROZEN with a task: the task, no --fail-fast, no resume (no wait helps)',
      { outcome: 'failed', facts: facts({ status: 'FROZEN' }), tasks: [{ ...running, outcome: 'stopped' }] },
      ['1 task still running on instance orders-db when it became FROZEN:', '  t1  ResizeFlavor Running 30%'],
    ],
    [
      'deleted with a task',
      { outcome: 'not-found', facts: facts({ gone: true }), tasks: [{ ...running, outcome: 'stopped' }] },
      ['1 task still running on instance orders-db when it disappeared:', '  t1  ResizeFlavor Running 30%'],
    ],
  ])('%s', (_, given, lines) => {
    expect(instanceEndLines(end(given), { ...resume, timeoutMs: 10_000, instance: 'orders-db' })).toEqual(lines);
  });
});

describe('the suggested --timeout covers the estimate as shown', () => {
  it.each([
    // 5 s of --timeout, 5m20s left: shown as ~6m, so 5s + 6m needs --timeout 7m (6m would not cover it)
    [5_000, 320_000, '~6m left (--timeout 7m would have covered it)'],
    [60_000, 30_000, '~30s left (--timeout 2m would have covered it)'],
    [3_600_000, 3_540_000, '~59m left (--timeout 1h59m would have covered it)'],
  ])('--timeout %i ms, %i ms left: %s', (timeoutMs, left, text) => {
    const lines = summaryLines(
      {
        results: [{ id: 'j1', outcome: 'timeout', item: { status: 'Running', process: '40%' }, elapsedMs: timeoutMs }],
      },
      { ...resume, timeoutMs, leftMs: () => left },
    );
    expect(lines[1]).toBe(`  j1  Running 40%, ${text}`);
  });
});

describe('small helpers', () => {
  it('hintsOnce: a hint repeated by a later error goes; a hint of its own stays', () => {
    expect(hintsOnce(['error: a', 'hint: same', 'error: b', 'hint: own', 'error: c', 'hint: same'])).toEqual([
      'error: a',
      'error: b',
      'hint: own',
      'error: c',
      'hint: same',
    ]);
  });

  it.each([
    ['https://u:secret@rds.example.com', ' "https://u:****@rds.example.com"'],
    ['https://u:p@ss@rds.example.com/x', ' "https://u:****@rds.example.com/x"'],
    ['https://user@rds.example.com', ' "https://user@rds.example.com"'],
    ['https://rds.example.com', ' "https://rds.example.com"'],
  ])('shownValue masks an endpoint password: %s', (url, shown) => {
    expect(shownValue('endpoint', url)).toBe(shown);
  });

  it('subjectOf: the instance of an instance wait by the name the user gave', () => {
    // The engine keys the instance's own looks by the REF the user gave.
    expect(subjectOf('orders-db', 'orders-db', 'orders-db')).toBe('instance orders-db');
    const id = '4d00c7e9d22145deb889937a72b59c8ein01';
    expect(subjectOf(id, '4d00c7e9…', id)).toBe(`instance ${id}`);
    expect(subjectOf('task1', 'task1', 'orders-db')).toBe('task1');
    expect(subjectOf('job1', 'job1')).toBe('job1');
  });
});

describe('an unfinished ending is named with the one vocabulary, for an instance as for its tasks and for jobs', () => {
  it.each(['timeout', 'interrupted'] as const)('%s: the heading is the label its tasks’ rows carry', (outcome) => {
    const ending = instanceEnding(end({ outcome, tasks: [{ ...running, outcome }] }));
    expect(ending.short).toBe(OUTCOME_LABELS[outcome]);
    expect(ending.sentence.startsWith(OUTCOME_LABELS[outcome])).toBe(true);
  });

  it('a timeout and --fail-fast read the same after a job wait and after an instance wait', () => {
    const jobs = summaryLines({ results: [running] }, resume);
    const instance = instanceEndLines(end({ outcome: 'timeout', tasks: [running] }), resume);
    expect(jobs[0]).toBe('error: timed out after 10s with 1 job unfinished:');
    expect(instance[0]).toBe('error: timed out after 10s with 1 task still running on instance orders-db:');
    const stoppedJobs = summaryLines({ results: [failed, { ...running, outcome: 'stopped' }] }, resume);
    const stoppedTasks = instanceEndLines(
      end({ outcome: 'failed', failFast: true, tasks: [failed, { ...running, outcome: 'stopped' }] }),
      resume,
    );
    expect(stoppedJobs[0]).toBe('stopped at the first failure (--fail-fast) with 1 job unfinished:');
    expect(stoppedTasks[0]).toBe(
      'stopped at the first failure (--fail-fast) with 1 task still running on instance orders-db:',
    );
  });

  it('a timeout whose last attempt failed says so in the same words for a job and an instance', () => {
    const error = new NetworkError('connection reset');
    const jobs = summaryLines({ results: [{ ...running, error }] }, resume);
    const instance = instanceEndLines(end({ outcome: 'timeout', error, facts: facts({ looked: false }) }), resume);
    expect(jobs[1]).toMatch(/ \(last attempt failed: connection reset\)$/);
    expect(instance[0]).toBe(
      'error: timed out after 10s: no look at instance orders-db was answered (last attempt failed: connection reset)',
    );
  });
});
