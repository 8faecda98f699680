import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prettyJson, rawMember } from '../../src/raw-json.js';

describe('rawMember', () => {
  it.each([
    ['{"job": {"id": "a", "size": 12345678901234567890}}', 'job', '{"id": "a", "size": 12345678901234567890}'],
    ['{ "other" : [1, {"job": 2}], "job" : 1.0 }', 'job', '1.0'],
    ['{"job": "x\\"}"}', 'job', '"x\\"}"'],
    ['{"job": 1, "job": {"v": 2}}', 'job', '{"v": 2}'],
    ['{"jo\\u0062": null}', 'job', 'null'],
    ['{}', 'job', undefined],
    ['[{"job": 1}]', 'job', undefined],
  ])('%s', (text, key, expected) => expect(rawMember(text, key)).toBe(expected));
});

describe('prettyJson', () => {
  it('keeps every token as received: big integers, 1.0, escapes', () => {
    expect(prettyJson('{"size":12345678901234567890,"ratio":1.0,"name":"caf\\u00e9","e":{},"a":[]}')).toBe(
      '{\n  "size": 12345678901234567890,\n  "ratio": 1.0,\n  "name": "caf\\u00e9",\n  "e": {},\n  "a": []\n}',
    );
  });

  it('lays out any JSON exactly as JSON.stringify(…, null, 2) when nothing needs keeping', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(prettyJson(text)).toBe(JSON.stringify(value, null, 2));
        expect(prettyJson(JSON.stringify(value, null, 3))).toBe(JSON.stringify(value, null, 2));
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
