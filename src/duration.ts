// Durations for --timeout, --interval and --not-found-grace: `250ms`, `90` (seconds), `90s`, `5m`, `1h30m`.
import { UsageError } from './errors.js';

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
const UNIT_ORDER: readonly Unit[] = ['h', 'm', 's', 'ms'];

/**
 * The largest duration accepted: a year (`8760h`). Waits longer than one Node timer (~24.8 days) are chained
 * (process-deps.ts), and `list --since` is a window, not a timer: "the last month" must fit.
 */
export const MAX_DURATION_MS = 8760 * 3_600_000;

const GRAMMAR =
  'a whole number of seconds (90) or whole numbers with units h, m, s, ms in that order (250ms, 90s, 5m, 1h30m)';

function invalid(text: string, what: string, why?: string): UsageError {
  const reason = why === undefined ? '' : `: ${why}`;
  return new UsageError(`invalid ${what} ${JSON.stringify(text)}${reason}`, { hint: `use ${GRAMMAR}` });
}

/**
 * Milliseconds. A bare number is seconds; units must appear largest first, each at most once. `what` names the
 * value in the error (the flag, e.g. `--timeout`).
 */
export function parseDuration(text: string, what = 'duration'): number {
  const trimmed = text.trim();
  if (trimmed === '') throw invalid(text, what, 'empty');
  if (trimmed.startsWith('-')) throw invalid(text, what, 'must not be negative');
  const total = /^\d+$/.test(trimmed) ? Number(trimmed) * UNIT_MS.s : sumOfParts(text, trimmed, what);
  if (!Number.isSafeInteger(total) || total > MAX_DURATION_MS) {
    throw invalid(text, what, `too long: at most ${formatDuration(MAX_DURATION_MS)} (a year)`);
  }
  return total;
}

function sumOfParts(text: string, trimmed: string, what: string): number {
  const part = /(\d+)(ms|h|m|s)/y;
  let total = 0;
  let lastUnit = -1;
  while (part.lastIndex < trimmed.length) {
    const match = part.exec(trimmed);
    if (match === null) throw invalid(text, what);
    const unitIndex = UNIT_ORDER.indexOf(match[2] as Unit);
    if (unitIndex <= lastUnit) throw invalid(text, what, 'units must go from largest to smallest, each once');
    lastUnit = unitIndex;
    total += Number(match[1]) * UNIT_MS[match[2] as Unit];
  }
  return total;
}

/** `1h30m`, `45s`, `250ms`, `1s500ms`, `0s`: exact, and parseDuration reads it back to the same value. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  if (rest === 0) return '0s';
  let text = '';
  for (const unit of UNIT_ORDER) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * UNIT_MS[unit];
  }
  return text;
}

/** Elapsed time for people: whole seconds (`4m10s`), or `0s` under one second. */
export function formatElapsed(ms: number): string {
  return formatDuration(Math.floor(Math.max(0, ms) / 1000) * 1000);
}

/** A wait still ahead, for people: whole seconds rounded up, so a pending retry never reads `0s`. */
export function formatDelay(ms: number): string {
  return formatDuration(Math.max(1, Math.ceil(Math.max(0, ms) / 1000)) * 1000);
}

/** A duration flag that must be more than 0 (`--since`): exit 2 otherwise, naming the flag. */
export function positiveDuration(text: string, flag: string): number {
  const ms = parseDuration(text, flag);
  if (ms <= 0) throw new UsageError(`invalid ${flag} "${text}": must be more than 0`);
  return ms;
}

/**
 * A duration given in milliseconds (the programmatic API's `timeoutMs`, `since`…): checked by the rules the flag's
 * text is (`flag` names it), so the API refuses what the CLI refuses, with the CLI's usage error, before any request.
 * `least`: 0 where 0 means something (`--timeout 0`: no limit), 1 where it must be more than 0.
 */
export function durationMs(ms: unknown, name: string, flag: string, least: 0 | 1): number {
  const why =
    typeof ms !== 'number' || !Number.isFinite(ms)
      ? 'not a number of milliseconds'
      : ms < least
        ? least === 0
          ? 'must be 0 or more'
          : 'must be more than 0'
        : ms > MAX_DURATION_MS
          ? `too long (at most ${formatDuration(MAX_DURATION_MS)})`
          : undefined;
  if (why !== undefined) throw new UsageError(`invalid ${name} ${String(ms)} (${flag}): ${why}`);
  return Math.round(ms as number);
}
