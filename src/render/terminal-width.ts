// How wide the terminal that stdout is printed on is: the width result tables fit (docs/tables.md). Read at the
// moment of printing, so a terminal resized since the command started (a long wait) is measured as it is now.
import type { OutStream } from '../deps.js';

/**
 * On a terminal: `COLUMNS` when it is a positive whole number (POSIX: the user's preferred width, e.g. for a pty
 * that reports no size), else the terminal's own columns. Not a terminal, or no width known: undefined, and tables
 * print exactly what scripts have always read.
 */
export function terminalWidth(
  stream: Pick<OutStream, 'isTTY' | 'columns'>,
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  if (stream.isTTY !== true) return undefined;
  const fromEnv = /^\d+$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
  if (fromEnv > 0) return fromEnv;
  const columns = stream.columns ?? 0;
  return columns > 0 ? columns : undefined;
}
