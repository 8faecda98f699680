import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { MAX_DURATION_MS, formatDuration, formatElapsed, parseDuration } from '../../src/duration.js';
import { DEFAULT_INTERVAL, DEFAULT_NOT_FOUND_GRACE, DEFAULT_TIMEOUT } from '../../src/wait/defaults.js';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['90', 90_000],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2h5m10s', 7_510_000],
    ['1s500ms', 1_500],
    ['0', 0],
    ['0s', 0],
    ['007s', 7_000],
    [' 5m ', 300_000],
    ['90m', 5_400_000],
  ])('%j → %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['-5m', /negative/],
    ['-1', /negative/],
    ['abc', /invalid duration "abc"/],
    ['1.5h', /invalid duration/],
    ['5 m', /invalid duration/],
    ['5M', /invalid duration/],
    ['m', /invalid duration/],
    ['30m1h', /largest to smallest/],
    ['5m5m', /largest to smallest/],
    ['1d', /invalid duration/],
    ['99999999999999999999', /too long/],
    ['8761h', /too long/],
    ['1e3', /invalid duration/],
  ])('%j is refused', (text, message) => {
    expect(() => parseDuration(text)).toThrow(UsageError);
    expect(() => parseDuration(text)).toThrow(message);
  });

  it('names the grammar in its hint', () => {
    try {
      parseDuration('soon');
      expect.unreachable();
    } catch (error) {
      expect((error as UsageError).hint).toMatch(/90s, 5m, 1h30m/);
    }
  });

  it('parses the defaults', () => {
    expect([DEFAULT_TIMEOUT, DEFAULT_INTERVAL, DEFAULT_NOT_FOUND_GRACE].map((text) => parseDuration(text))).toEqual([
      3_600_000, 5_000, 60_000,
    ]);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [45_000, '45s'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [3_600_000, '1h'],
    [1_500, '1s500ms'],
    [7_510_000, '2h5m10s'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('round-trips through parseDuration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DURATION_MS }), (ms) => parseDuration(formatDuration(ms)) === ms),
    );
  });

  it('elapsed time is shown to the second', () => {
    expect([formatElapsed(250_999), formatElapsed(999), formatElapsed(80_400)]).toEqual(['4m10s', '0s', '1m20s']);
  });
});
