import { describe, expect, it } from 'vitest';
import { heartbeatLine } from '../../src/wait/lines.js';
import { backoff } from '../../src/pacing.js';
import { plainReporter } from '../../src/wait/reporter-plain.js';
import { MemoryStream } from '../support/fakes.js';

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
    reporter.start(['inst-1'], 0);
    reporter.observed('task-1', { name: 'ResizeFlavor', status: 'Running', process: '30' }, 1);
    reporter.tick(5 * 60 * S);
    expect(stream.text).toMatch(/still waiting \(5m elapsed\): 1 task running\n$/);
  });

  it('wait --instance --since: one line at the first look while the window is empty, and heartbeats that say so', () => {
    const stream = new MemoryStream();
    const reporter = plainReporter({ stream, instance: 'inst-1', instanceRef: 'orders-db', heartbeatMs: 5 * 60 * S });
    reporter.start(['inst-1'], 0);
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
    const reporter = plainReporter({ stream, instance: 'inst-1', instanceRef: 'orders-db', heartbeatMs: 5 * 60 * S });
    reporter.start(['inst-1'], 0);
    reporter.sinceWindow?.(5 * 60 * S, false, 0);
    reporter.sinceWindow?.(5 * 60 * S, true, 5 * S);
    reporter.observed('task-1', { name: 'ResizeFlavor', status: 'Running', process: '30' }, 5 * S);
    reporter.tick(5 * 60 * S);
    expect(stream.text).toMatch(/still waiting \(5m elapsed\): 1 task running\n$/);
  });
});
