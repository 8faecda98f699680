import { describe, expect, it } from 'vitest';
import { heartbeatLine } from '../../src/wait/lines.js';
import { backoff } from '../../src/pacing.js';
import { liveReporter } from '../../src/wait/reporter-live.js';
import { plainReporter } from '../../src/wait/reporter-plain.js';
import { MemoryStream } from '../support/fakes.js';
import { TerminalScreen } from '../support/screen.js';

const S = 1000;

describe('backoff: never past its cap, jitter included', () => {
  it.each([
    [7, 0.999],
    [7, 0],
    [30, 0.999],
    [1, 0.999],
  ])('after %i failures (random %d): at most 60s', (failures, r) => {
    expect(backoff(failures, 5 * S, 60 * S, () => r)).toBeLessThanOrEqual(60 * S);
  });

  it('still honours a longer Retry-After', () => {
    expect(backoff(7, 5 * S, 60 * S, () => 0.999, 90 * S)).toBe(90 * S);
  });
});

describe('heartbeats count what is waited on, by its name', () => {
  it.each([
    [1, 'job', 'still waiting (5m elapsed): 1 job running'],
    [2, 'job', 'still waiting (5m elapsed): 2 jobs running'],
    [1, 'task', 'still waiting (5m elapsed): 1 task running'],
  ] as const)('%i %s', (n, noun, line) => expect(heartbeatLine(5 * 60 * S, n, noun)).toBe(line));

  it('wait --instance: the instance is not counted as a task', () => {
    const stream = new MemoryStream();
    const reporter = plainReporter({ stream, instance: 'inst-1', heartbeatMs: 5 * 60 * S });
    reporter.start(['orders-db'], 0);
    reporter.observed('task-1', { name: 'ResizeFlavor', status: 'Running', process: '30' }, 1);
    reporter.tick(5 * 60 * S);
    expect(stream.text).toMatch(/still waiting \(5m elapsed\): 1 task running\n$/);
  });

  it('wait --instance --since: one line at the first look while the window is empty, and heartbeats that say so', () => {
    const stream = new MemoryStream();
    const reporter = plainReporter({ stream, instance: 'orders-db', heartbeatMs: 5 * 60 * S });
    reporter.start(['orders-db'], 0);
    for (const at of [0, 5 * S, 10 * S]) {
      reporter.sinceWindow?.(5 * 60 * S, false, at);
      reporter.instanceStatus?.('ACTIVE', at);
    }
    reporter.tick(5 * 60 * S);
    expect(stream.text.split('\n').filter(Boolean)).toEqual([
      '1970-01-01T00:00:00Z no task started on instance orders-db in the last 5m yet; a change just started takes a few seconds to appear, still looking',
      '1970-01-01T00:05:00Z still waiting (5m elapsed): no task started on instance orders-db in the last 5m yet',
    ]);
  });

  it('wait --instance --since: once a task of the window is listed, heartbeats count tasks again', () => {
    const stream = new MemoryStream();
    const reporter = plainReporter({ stream, instance: 'orders-db', heartbeatMs: 5 * 60 * S });
    reporter.start(['orders-db'], 0);
    reporter.sinceWindow?.(5 * 60 * S, false, 0);
    reporter.sinceWindow?.(5 * 60 * S, true, 5 * S);
    reporter.observed('task-1', { name: 'ResizeFlavor', status: 'Running', process: '30' }, 5 * S);
    reporter.tick(5 * 60 * S);
    expect(stream.text).toMatch(/still waiting \(5m elapsed\): 1 task running\n$/);
  });
});

describe('wait --instance: both reporters name the instance as the user gave it, from one option', () => {
  // An id-shaped REF longer than the short ids (16): a view that shortened it would name another thing than the user
  // typed, and than the summary and the resume command do.
  const REF = '4d00c7e9d22145deb889937a72b59c8ein01';
  const busy = new Error('RDS API error 503 (SYS.0503): busy');

  it('plain lines: its status and its retries', () => {
    const stream = new MemoryStream();
    const reporter = plainReporter({ stream, instance: REF });
    reporter.start([REF], 0);
    reporter.instanceStatus?.('BACKING UP', 1);
    reporter.retrying(REF, busy, 2 * S, 2);
    expect(stream.text).toContain(`instance ${REF}: BACKING UP (not free yet)\n`);
    expect(stream.text).toContain(`instance ${REF} RDS API error 503 (SYS.0503): busy; retrying in 2s\n`);
  });

  it('the live view: its line and its retries', () => {
    const stream = new MemoryStream(true, 120, 20);
    const reporter = liveReporter({ stream, color: false, instance: REF });
    reporter.start([REF], 0);
    reporter.instanceStatus?.('BACKING UP', 1);
    reporter.retrying(REF, busy, 2 * S, 2);
    reporter.tick(3);
    const screen = new TerminalScreen(120, 20).write(stream.text).lines().join('\n');
    expect(screen).toMatch(new RegExp(`instance ${REF}: .*BACKING UP`));
    expect(screen).toContain(`instance ${REF} RDS API error 503 (SYS.0503): busy; retrying in 2s`);
    reporter.stop({ results: [], elapsedMs: 3 }, 3);
  });
});
