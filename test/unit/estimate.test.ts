import { describe, expect, it } from 'vitest';
import { estimateLeftMs, formatLeft, type Sample, withSample } from '../../src/wait/estimate.js';

const M = 60_000;
const history = (...points: Array<[number, number]>) =>
  points.reduce<Sample[]>((h, [minute, percent]) => withSample(h, { at: minute * M, percent }), []);

describe('estimateLeftMs', () => {
  it.each<[string, Sample[], number, number | undefined]>([
    ['nothing seen', [], 0, undefined],
    ['one percentage', history([0, 10]), 1 * M, undefined],
    ['advanced once', history([0, 10], [1, 20]), 1 * M, undefined],
    ['steady: 10% a minute from 30%', history([0, 10], [1, 20], [2, 30]), 2 * M, 7 * M],
    ['a stall: the same rate over a longer time, so more left', history([0, 10], [1, 20], [2, 30]), 4 * M, 14 * M],
    ['a jump backwards starts again: not enough yet', history([0, 10], [1, 20], [2, 30], [3, 5]), 3 * M, undefined],
    ['repeated percentages do not count as advances', history([0, 10], [1, 10], [2, 20], [3, 20]), 3 * M, undefined],
    [
      'sitting at 99%: a little left, growing as it sits',
      history([0, 90], [1, 95], [2, 99]),
      10 * M,
      Math.round(1 / (9 / (10 * M))),
    ],
    ['at 100%: nothing to estimate', history([0, 80], [1, 90], [2, 100]), 2 * M, undefined],
  ])('%s', (_name, h, now, expected) => {
    expect(estimateLeftMs(h, now)).toBe(expected);
  });
});

describe('formatLeft', () => {
  it.each([
    [5_000, '~10s'],
    [41_000, '~50s'],
    [4 * M + 1, '~5m'],
    [7 * M, '~7m'],
    [60 * M, '~1h'],
    [65 * M, '~1h5m'],
  ])('%i ms → %s', (ms, text) => expect(formatLeft(ms)).toBe(text));
});
