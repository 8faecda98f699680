// Long fail reasons cut to a terminal's width. Apart from the table because measuring display width (string-width,
// cli-truncate) costs ~60 ms to load: only a table on a terminal with a Failed row pays it (src/lazy.ts).
import { displayWidth, truncateToWidth } from './width.js';

/** However narrow the terminal, this much of a reason stays on its row. */
const REASON_MIN = 20;

/**
 * Cuts a row whose reason (its last column) runs past the terminal's edge. A row already wider than the terminal
 * (it wraps) keeps at least REASON_MIN columns of its reason and is cut at the edge of the screen row that reaches:
 * never an extra row. `reasons[i]` belongs to the line after the header, `i + 1`.
 */
export function fitReasons(text: string, reasons: readonly (string | undefined)[], width: number): string {
  return text
    .split('\n')
    .map((line, i) => {
      const reason = i === 0 ? undefined : reasons[i - 1];
      if (reason === undefined) return line;
      const lineWidth = displayWidth(line);
      const reasonStart = lineWidth - displayWidth(reason);
      const limit = Math.ceil((reasonStart + REASON_MIN) / width) * width;
      return lineWidth <= limit ? line : truncateToWidth(line, limit);
    })
    .join('\n');
}
