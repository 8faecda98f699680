// Durations (--timeout, --interval, --not-found-grace): everything in the grammar parses to its value, formatting
// round-trips, and everything outside the grammar is refused as a usage error (exit 2) — never another exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { exitCodeFor } from '../../src/exit-codes.js';
import { formatDuration, MAX_DURATION_MS, parseDuration } from '../../src/duration.js';

const RUNS = { seed: 42, numRuns: 500 } as const;
const UNITS = [
  ['h', 3_600_000n],
  ['m', 60_000n],
  ['s', 1_000n],
  ['ms', 1n],
] as const;

/** The grammar, independently: a bare number of seconds, or number+unit parts with units largest first, each once. */
function oracle(text: string): bigint | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return BigInt(t) * 1000n;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(t);
  if (t === '' || !match) return undefined;
  return UNITS.reduce((sum, [, ms], i) => sum + (match[i + 1] === undefined ? 0n : BigInt(match[i + 1]!) * ms), 0n);
}

function outcome(text: string): number | 'refused' {
  try {
    return parseDuration(text);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect(exitCodeFor(error)).toBe(2);
    expect((error as Error).message).toMatch(/^invalid duration /);
    return 'refused';
  }
}

const digits = fc.oneof(fc.nat({ max: 200 }).map(String), fc.stringMatching(/^\d{1,22}$/));
const inGrammar = fc.oneof(
  digits,
  fc
    .tuple(...UNITS.map(() => fc.option(digits, { nil: undefined })))
    .filter((parts) => parts.some((p) => p !== undefined))
    .map((parts) => parts.map((p, i) => (p === undefined ? '' : p + UNITS[i]![0])).join('')),
);
const whitespace = fc.constantFrom('', ' ', '\t', '\u00a0');
const nearGrammar = fc.string({ unit: fc.constantFrom(...'0123456789hms -+.:dHMS'), maxLength: 10 });

describe('parseDuration', () => {
  it('formatDuration round-trips every duration it can express', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DURATION_MS }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
      RUNS,
    );
  });

  it('text generated from the grammar parses to its value (or is refused as too long)', () => {
    fc.assert(
      fc.property(whitespace, inGrammar, whitespace, (before, text, after) => {
        const expected = oracle(text)!;
        expect(outcome(before + text + after)).toBe(expected <= BigInt(MAX_DURATION_MS) ? Number(expected) : 'refused');
      }),
      RUNS,
    );
  });

  it('accepts exactly the grammar: near misses and arbitrary text are refused', () => {
    fc.assert(
      fc.property(fc.oneof(nearGrammar, fc.string({ unit: 'binary', maxLength: 12 })), (text) => {
        const expected = oracle(text);
        const accepted = expected !== undefined && expected <= BigInt(MAX_DURATION_MS);
        expect(outcome(text)).toBe(accepted ? Number(expected) : 'refused');
      }),
      RUNS,
    );
  });

  it.each(['-5s', '5m1h', '1h1h', '1.5s', '5 m', 'ms', '1d', '', ' ', '5S', '0x10', '1e3', '+5'])(
    'refuses %j',
    (text) => {
      expect(outcome(text)).toBe('refused');
    },
  );
});
