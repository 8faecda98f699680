import { describe, expect, it } from 'vitest';
import { formatProgress } from '../../src/render/progress.js';
import { parseProgress } from '../../src/status.js';

const cases: [unknown, number | undefined][] = [
  ['60%', 60],
  ['60% ', 60],
  [' 5 %', 5],
  ['100%', 100],
  ['0%', 0],
  ['60', 60],
  ['12.5%', 12.5],
  ['150%', 100],
  ['-5%', 0],
  ['', undefined],
  ['   ', undefined],
  ['%', undefined],
  ['abc', undefined],
  ['60%%', undefined],
  ['6 0%', undefined],
  ['about 60%', undefined],
  [undefined, undefined],
  [null, undefined],
  [60, 60],
  [0.5, 0.5],
  [250, 100],
  [-1, 0],
  [Number.NaN, undefined],
  [Number.POSITIVE_INFINITY, undefined],
  [true, undefined],
  [['60%'], undefined],
  [{ percent: 60 }, undefined],
];

describe('parseProgress', () => {
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input) ?? String(input)} → ${expected}`, () => expect(parseProgress(input)).toBe(expected));
  }
});

describe('formatProgress', () => {
  it('shows whole percent', () => expect(formatProgress(60)).toBe('60%'));
  it('never rounds a running job up to 100%', () => expect(formatProgress(99.6)).toBe('99%'));
});
