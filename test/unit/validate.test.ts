import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  assertJobIds,
  checkEndpoint,
  isValidJobId,
  isValidProfileName,
  isValidProjectId,
  isValidRegion,
  normalizeEndpoint,
} from '../../src/config/validate.js';

const table = (fn: (v: string) => boolean, good: string[], bad: string[]) => {
  for (const v of good) it(`accepts ${JSON.stringify(v)}`, () => expect(fn(v)).toBe(true));
  for (const v of bad) it(`rejects ${JSON.stringify(v)}`, () => expect(fn(v)).toBe(false));
};

const idGood = ['a', 'ff80808157127d9301571bf8160c001d', 'job_1-A', 'x'.repeat(64), '-', '_'];
const idBad = ['', 'x'.repeat(65), 'x y', ' abc', 'abc ', 'a/b', 'a.b', '../etc', 'a?b', 'ä', 'a\nb', '%41'];

describe('isValidJobId', () => table(isValidJobId, idGood, idBad));
describe('isValidProjectId', () => table(isValidProjectId, idGood, idBad));

describe('isValidRegion', () =>
  table(
    isValidRegion,
    ['cn-north-4', 'eu-west-101', 'ap-southeast-1', 'my-kualalumpur-1', 'ae-ad-1', 'cn-north-4-a'],
    ['', 'cn', 'CN-NORTH-4', 'cn-', 'c-north-4', 'cn_north_4', 'cn-north-4 ', '-cn-north', 'cn--north', 'cn-north-4/x'],
  ));

describe('isValidProfileName', () =>
  table(isValidProfileName, ['default', 'prod.eu', 'ci_1-x', 'a'.repeat(64)], ['', 'a b', 'a/b', 'a'.repeat(65), 'ü']));

describe('checkEndpoint', () => {
  const ok = [
    'https://rds.cn-north-4.myhuaweicloud.com',
    'https://rds.cn-north-4.myhuaweicloud.com/',
    'https://proxy.example.com:8443/rds',
    'http://127.0.0.1:8080',
    'http://127.1.2.3',
    'http://[::1]:1',
    'http://localhost',
    'http://LOCALHOST:9000/',
  ];
  const refused: [string, RegExp][] = [
    ['http://10.0.0.1', /https/],
    ['http://rds.cn-north-4.myhuaweicloud.com', /https/],
    ['http://localhost.example.com', /https/],
    ['http://128.0.0.1', /https/],
    ['https://user:pw@x.example.com', /user name or password/],
    ['https://user@x.example.com', /user name or password/],
    ['ftp://x.example.com', /https/],
    ['file:///etc/passwd', /https/],
    ['https://x.example.com/?a=1', /query/],
    ['https://x.example.com/?', /query/],
    ['https://x.example.com/#frag', /fragment/],
    ['rds.cn-north-4.myhuaweicloud.com', /not a valid URL/],
    ['', /not a valid URL/],
    [' https://x.example.com', /spaces/],
  ];
  for (const url of ok) it(`accepts ${url}`, () => expect(checkEndpoint(url)).toBeUndefined());
  for (const [url, reason] of refused)
    it(`refuses ${JSON.stringify(url)}`, () => expect(checkEndpoint(url)).toMatch(reason));
  it('never echoes the password in the reason', () =>
    expect(checkEndpoint('https://u:hunter2@x.example.com')).not.toContain('hunter2'));
});

describe('normalizeEndpoint', () => {
  it('drops trailing slashes', () =>
    expect(normalizeEndpoint('https://x.example.com//')).toBe('https://x.example.com'));
  it('keeps a path', () => expect(normalizeEndpoint('https://x.example.com/rds/')).toBe('https://x.example.com/rds'));
  it('leaves a clean URL alone', () =>
    expect(normalizeEndpoint('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080'));
});

describe('assertJobIds', () => {
  const usage = (ids: string[]) => {
    try {
      assertJobIds(ids);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    }
    throw new Error('no error thrown');
  };
  it('accepts valid ids', () => expect(() => assertJobIds(['a', 'b-1_C'])).not.toThrow());
  it('names the first bad id', () =>
    expect(usage(['ok', 'x y', 'a/b'])).toBe('invalid job id "x y": use 1–64 characters of A-Z a-z 0-9 - _'));
  it('refuses an empty list', () => expect(usage([])).toMatch(/no job id/));
  it('refuses an empty id', () =>
    expect(usage([''])).toBe('invalid job id "": use 1–64 characters of A-Z a-z 0-9 - _'));
  it('escapes control characters in the message', () => expect(usage(['a\u001b[31mb'])).not.toContain('\u001b'));
  it('shortens a very long id', () => expect(usage(['y'.repeat(500)]).length).toBeLessThan(160));
});
