// RDS timestamps in, human times out: local wall-clock time with its offset, ages and durations.

// `2018-08-06T10:41:14+0000` is what RDS sends; `Z`, `+08:00`, fractions and a space separator are accepted too.
const RDS_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Epoch milliseconds, or undefined when the value is not a valid time. A missing offset is read as UTC,
 * which is what RDS uses for every time it reports.
 */
export function parseRdsTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = RDS_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  const hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = offsetMinutes(offset);
  if (zone === undefined) return undefined;
  const date = new Date(0);
  // setUTCFullYear rather than Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined; // 2018-02-30
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  return date.getTime() + ((hour * 60 + minute) * 60 + second) * 1000 + ms - zone * 60_000;
}

function offsetMinutes(offset: string | undefined): number | undefined {
  if (!offset || offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const mins = Number(digits.slice(2, 4));
  if (hours > 23 || mins > 59) return undefined;
  const minutes = hours * 60 + mins;
  return offset.startsWith('-') ? -minutes : minutes;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat | undefined>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat | undefined {
  if (!offsetFormats.has(timeZone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      format = undefined; // unknown zone: callers fall back to UTC rather than fail the whole render
    }
    offsetFormats.set(timeZone, format);
  }
  return offsetFormats.get(timeZone);
}

/**
 * The zone's offset from UTC at that instant, in seconds (historic zones can have odd seconds). Without a zone,
 * the process's local zone (TZ or the system's), taken from Date.
 */
function zoneOffsetSeconds(epochMs: number, timeZone: string | undefined): number {
  if (timeZone === undefined) return -new Date(epochMs).getTimezoneOffset() * 60;
  const part = offsetFormat(timeZone)
    ?.formatToParts(epochMs)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = part ? /^GMT([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(part) : null;
  if (!m) return 0; // "GMT" itself, or an unknown zone
  const seconds = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -seconds : seconds;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `2018-08-06 18:41:14 +08:00`: wall-clock time in `timeZone` (default: the process's local zone) followed by that
 * zone's offset at the instant.
 */
export function formatLocalTime(epochMs: number, timeZone?: string): string {
  if (!Number.isFinite(epochMs)) return '';
  const offset = zoneOffsetSeconds(epochMs, timeZone);
  const wall = new Date(epochMs + offset * 1000);
  if (Number.isNaN(wall.getTime())) return '';
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  return `${date} ${time} ${zone}`;
}

const UNITS: readonly [string, number][] = [
  ['y', 365 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/** `5s ago`, `3m ago`, `2h ago`, `4d ago`, `8y ago`; `in 5s` for a time ahead of `now` (clock skew). */
export function formatAge(epochMs: number, now: number): string {
  const diff = now - epochMs;
  if (!Number.isFinite(diff)) return '';
  const largest = largestUnit(Math.abs(diff));
  return diff < 0 && largest !== '0s' ? `in ${largest}` : `${largest} ago`;
}

function largestUnit(ms: number): string {
  for (const [unit, size] of UNITS) if (ms >= size) return `${Math.floor(ms / size)}${unit}`;
  return '0s';
}

/**
 * How long an item took — one rule for every view of a job or a task: from its creation (`created`, a task's
 * `create_time`) to its end — as the item says it (a job's `ended`), or `seenEndAt`, when a wait saw it end (a task:
 * ListTasks' `end_time` is its planned end), then approximate: `~8d10h`. Undefined when either is unknown.
 */
export function itemDuration(item: unknown, seenEndAt?: number): string | undefined {
  const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  const start = parseRdsTime(record.created ?? record.create_time);
  const end = seenEndAt ?? parseRdsTime(record.ended);
  if (start === undefined || end === undefined || end < start) return undefined;
  return `${seenEndAt === undefined ? '' : '~'}${roughDuration(end - start)}`;
}

/**
 * A rough duration for people, its two largest units: `41s`, `5m12s`, `6h`, `1d2h` (the table's "took"). Flag
 * values and elapsed times use duration.ts instead, whose output is exact.
 */
export function roughDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  let rest = Math.floor(ms / 1000) * 1000;
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (parts.length === 2) break;
    const n = Math.floor(rest / size);
    if (n > 0 || parts.length > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  const trimmed = parts.filter((p, i) => i === 0 || !p.startsWith('0'));
  return trimmed.length > 0 ? trimmed.join('') : '0s';
}
