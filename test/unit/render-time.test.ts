import { describe, expect, it } from 'vitest';
import { formatAge, roughDuration, formatLocalTime, parseRdsTime } from '../../src/render/time.js';

const T = Date.UTC(2018, 7, 6, 10, 41, 14); // 2018-08-06T10:41:14Z

describe('parseRdsTime', () => {
  const cases: [unknown, number | undefined][] = [
    ['2018-08-06T10:41:14+0000', T],
    ['2018-08-06T10:41:14Z', T],
    ['2018-08-06T10:41:14z', T],
    ['2018-08-06T18:41:14+08:00', T],
    ['2018-08-06T18:41:14+0800', T],
    ['2018-08-06T05:41:14-0500', T],
    ['2018-08-06T10:41:14', T],
    ['2018-08-06 10:41:14+0000', T],
    ['2018-08-06T10:41:14.250+0000', T + 250],
    [' 2018-08-06T10:41:14+0000 ', T],
    ['2020-02-29T00:00:00+0000', Date.UTC(2020, 1, 29)],
    ['2018-02-30T00:00:00+0000', undefined],
    ['2018-13-01T00:00:00+0000', undefined],
    ['2018-08-06T24:00:00+0000', undefined],
    ['2018-08-06T10:41:14+2500', undefined],
    ['2018-08-06', undefined],
    ['yesterday', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
    [1533552074000, undefined],
    [{}, undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input) ?? String(input)}`, () => expect(parseRdsTime(input)).toBe(expected));
  }
});

describe('formatLocalTime', () => {
  const cases: [number, string, string][] = [
    [T, 'Asia/Shanghai', '2018-08-06 18:41:14 +08:00'],
    [T, 'UTC', '2018-08-06 10:41:14 +00:00'],
    [T, 'America/New_York', '2018-08-06 06:41:14 -04:00'], // summer time
    [Date.UTC(2018, 0, 6, 10, 41, 14), 'America/New_York', '2018-01-06 05:41:14 -05:00'],
    [T, 'Asia/Kolkata', '2018-08-06 16:11:14 +05:30'],
    [Date.UTC(2018, 11, 31, 20, 0, 0), 'Asia/Shanghai', '2019-01-01 04:00:00 +08:00'], // crosses the year
    [T, 'Not/AZone', '2018-08-06 10:41:14 +00:00'], // unknown zone falls back to UTC instead of failing
  ];
  for (const [epoch, zone, expected] of cases) {
    it(`${zone} ${expected}`, () => expect(formatLocalTime(epoch, zone)).toBe(expected));
  }
  it('uses the process zone by default', () =>
    expect(formatLocalTime(T)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d/));
  it('returns "" for a non-finite time', () => expect(formatLocalTime(Number.NaN, 'UTC')).toBe(''));
});

describe('formatAge', () => {
  const s = 1000,
    m = 60 * s,
    h = 60 * m,
    d = 24 * h;
  const cases: [number, string][] = [
    [0, '0s ago'],
    [999, '0s ago'],
    [5 * s, '5s ago'],
    [59 * s, '59s ago'],
    [3 * m + 5 * s, '3m ago'],
    [2 * h + 59 * m, '2h ago'],
    [4 * d + 23 * h, '4d ago'],
    [364 * d, '364d ago'],
    [8 * 365 * d + 3 * d, '8y ago'],
    [-5 * s, 'in 5s'],
    [-500, '0s ago'],
  ];
  for (const [ago, expected] of cases) {
    it(expected, () => expect(formatAge(T, T + ago)).toBe(expected));
  }
});

describe('roughDuration', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [41_000, '41s'],
    [312_000, '5m12s'],
    [21 * 60_000 + 36_000, '21m36s'],
    [6 * 3_600_000, '6h'],
    [6 * 3_600_000 + 5_000, '6h'],
    [26 * 3_600_000, '1d2h'],
    [-1, ''],
  ];
  for (const [ms, expected] of cases) {
    it(`${ms} → ${expected || '""'}`, () => expect(roughDuration(ms)).toBe(expected));
  }
});
