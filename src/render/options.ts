import type { ColorLevel } from './color-level.js';

export interface RenderOptions {
  /** `true` means basic colour (level 1); a level picks the exact depth; `false`/0 emits no ANSI escapes. */
  color: boolean | ColorLevel;
  /** The clock used for ages, epoch milliseconds. */
  now: number;
  /** IANA zone for displayed times; defaults to the process's zone (via Intl). */
  timeZone?: string;
  /** The terminal's width when stdout is one: tables are fitted to it (docs/tables.md). Undefined when piped: whole. */
  width?: number;
}
