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
});
