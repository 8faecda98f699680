// The input checks accept exactly their grammar: strings generated from it always pass, strings from outside it
// (one bad character, one too many, arbitrary Unicode) never do. Each check is compared with an independent
// character-by-character reading of the contract, not with its own regular expression.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEndpoint,
  isValidJobId,
  isValidProfileName,
  isValidProjectId,
  isValidRegion,
} from '../../src/config/validate.js';

const RUNS = { seed: 42, numRuns: 400 } as const;
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ID_CHARS = `${LOWER + LOWER.toUpperCase() + DIGITS}-_`;
const PROFILE_CHARS = `${ID_CHARS}.`;

const only = (chars: string) => (s: string) => [...s].every((c) => chars.includes(c));
const idOracle = (s: string) => s.length >= 1 && s.length <= 64 && only(ID_CHARS)(s);
const profileOracle = (s: string) => s.length >= 1 && s.length <= 64 && only(PROFILE_CHARS)(s);
function regionOracle(s: string): boolean {
  const [first, ...rest] = s.split('-');
  return (
    first!.length >= 2 &&
    only(LOWER)(first!) &&
    rest.length >= 1 &&
    rest.every((p) => p.length > 0 && only(LOWER + DIGITS)(p))
  );
}

/** Strings from `chars`, then the same with one character from `bad` spliced in somewhere. */
function grammarAndNearMisses(chars: string, bad: fc.Arbitrary<string>, maxLength: number) {
  const good = fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength });
  const spliced = fc
    .tuple(good, bad, fc.nat())
    .map(([s, c, at]) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1)));
  return { good, spliced };
}

const badChar = fc.oneof(
  fc.constantFrom(' ', '/', '.', '%', '\n', '\u0000', 'é', '\u200b', '０', ':', '?', '#'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const anything = fc.oneof(fc.string({ unit: 'binary', maxLength: 70 }), fc.string({ maxLength: 70 }));

describe.each([
  ['job id', isValidJobId, idOracle, ID_CHARS],
  ['project id', isValidProjectId, idOracle, ID_CHARS],
  ['profile name', isValidProfileName, profileOracle, PROFILE_CHARS],
])('%s', (_name, check, oracle, chars) => {
  const { good, spliced } = grammarAndNearMisses(chars, badChar, 64);
  it('accepts every string of 1–64 allowed characters', () => {
    fc.assert(
      fc.property(good, (s) => {
        expect(check(s)).toBe(true);
      }),
      RUNS,
    );
  });
  it('agrees with the contract on near misses, 65 characters and arbitrary text', () => {
    const tooLong = fc.string({ unit: fc.constantFrom(...chars), minLength: 65, maxLength: 100 });
    fc.assert(
      fc.property(fc.oneof(spliced, tooLong, anything, fc.constant('')), (s) => {
        expect(check(s)).toBe(oracle(s));
      }),
      RUNS,
    );
  });
});

describe('region', () => {
  const word = (chars: string, min: number) =>
    fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: 8 });
  const region = fc
    .tuple(word(LOWER, 2), fc.array(word(LOWER + DIGITS, 1), { minLength: 1, maxLength: 4 }))
    .map(([a, rest]) => [a, ...rest].join('-'));
  it('accepts every lower-case id such as cn-north-4', () => {
    fc.assert(
      fc.property(region, (s) => {
        expect(isValidRegion(s)).toBe(true);
      }),
      RUNS,
    );
  });
  it('agrees with the contract on near misses and arbitrary text', () => {
    const nearMiss = fc.oneof(
      fc
        .tuple(region, fc.constantFrom('_', 'A', ' ', '--', '.', '/', 'é'), fc.nat())
        .map(([s, c, at]) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1))),
      region.map((s) => s.toUpperCase()),
      region.map((s) => `${s}-`),
      region.map((s) => `-${s}`),
      word(LOWER, 1),
    );
    fc.assert(
      fc.property(fc.oneof(nearMiss, anything), (s) => {
        expect(isValidRegion(s)).toBe(regionOracle(s));
      }),
      RUNS,
    );
  });
});

describe('endpoint', () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
  // The last label starts with a letter: an all-digit one would make WHATWG URL read the host as an IPv4 address.
  const top = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
  const host = fc.tuple(fc.array(label, { maxLength: 3 }), top).map(([l, t]) => [...l, t].join('.'));
  const port = fc.option(
    fc.integer({ min: 1, max: 65535 }).map((p) => `:${p}`),
    { nil: '' },
  );
  const path = fc.option(fc.stringMatching(/^(\/[a-z0-9]{1,6}){0,2}\/?$/), { nil: '' });
  const loopback = fc.oneof(
    fc.constant('localhost'),
    fc.constant('[::1]'),
    fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `127.${a}.${b}.${c}`),
  );

  it('accepts any https URL, and plain http only on loopback', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          host.map((h) => `https://${h}`),
          loopback.map((h) => `http://${h}`),
        ),
        port,
        path,
        (base, p, rest) => {
          expect(checkEndpoint(base + p + rest)).toBeUndefined();
        },
      ),
      RUNS,
    );
  });

  it('refuses http to any other host, other schemes, credentials, queries and fragments', () => {
    const nonLoopback = host.filter((h) => h !== 'localhost' && !/^127\./.test(h));
    const refused = fc.oneof(
      fc.tuple(nonLoopback, port).map(([h, p]) => `http://${h}${p}`),
      fc
        .tuple(fc.constantFrom('ftp', 'file', 'ws', 'wss', 'gopher', 'javascript'), host)
        .map(([s, h]) => `${s}://${h}`),
      host.map((h) => `https://user:pass@${h}`),
      host.map((h) => `https://${h}/?a=1`),
      host.map((h) => `https://${h}/#x`),
      host.map((h) => ` https://${h}`),
      host.map((h) => h),
      fc.constantFrom(
        'http://10.0.0.1',
        'http://128.0.0.1',
        'http://[::2]',
        'http://localhost.evil.com',
        'http://127.0.0.1.nip.io',
        'https://',
      ),
    );
    fc.assert(
      fc.property(refused, (url) => {
        expect(checkEndpoint(url)).toEqual(expect.any(String));
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(anything, (s) => {
        const why = checkEndpoint(s);
        expect(why === undefined || typeof why === 'string').toBe(true);
      }),
      RUNS,
    );
  });
});
