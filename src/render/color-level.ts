// Decides how much colour the terminal gets. Pure: the caller passes the TTY flag, the environment and --no-color.
// Kept apart from chalk (color.ts) so deciding costs nothing at start-up.

export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorInput {
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  noColorFlag: boolean;
}

/**
 * Precedence, strongest first:
 *   1. `--no-color`                 → 0
 *   2. `NO_COLOR` set and non-empty  → 0
 *   3. `FORCE_COLOR` set            → `0`/`false` → 0; empty/`1`/`true` → 1; `2` → 2; `3` (or more) → 3;
 *                                     any other value → 1 (whoever sets it wants colour)
 *   4. not a TTY                    → 0
 *   5. TTY: `TERM=dumb` → 0; `COLORTERM=truecolor|24bit` → 3; `TERM` mentioning 256 → 2; else 1
 *
 * NO_COLOR beats FORCE_COLOR on purpose: it is the user's standing opt-out (no-color.org), and `gh` also lets
 * NO_COLOR win over its force switch. (Node's own tty colour depth lets FORCE_COLOR win; we follow `gh`.)
 * FORCE_COLOR still forces colour onto a pipe, which is what CI log viewers that render ANSI ask for.
 */
export function colorLevel(input: ColorInput): ColorLevel {
  const { env } = input;
  if (input.noColorFlag) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined) return forcedLevel(forced);
  if (!input.isTTY) return 0;
  if (env.TERM === 'dumb') return 0;
  const colorterm = (env.COLORTERM ?? '').toLowerCase();
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  if ((env.TERM ?? '').includes('256')) return 2;
  return 1;
}

function forcedLevel(value: string): ColorLevel {
  const v = value.trim().toLowerCase();
  if (v === '0' || v === 'false') return 0;
  if (v === '' || v === 'true') return 1;
  if (/^\d+$/.test(v)) return Math.min(Number(v), 3) as ColorLevel;
  return 1;
}
