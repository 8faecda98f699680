// How a failure reads on stderr: `error: …` and, when there is a next step, `hint: …`. Stack only with --debug.
import { RdsjobError } from '../errors.js';

/** `jobId`: with several ids, which job the error is about (unless the error already names that job). */
export function formatError(error: unknown, debug: boolean, jobId?: string): string {
  const lines: string[] = [];
  if (error instanceof RdsjobError) {
    const about = jobId === undefined || error.itemId === jobId ? '' : `job ${jobId}: `;
    lines.push(`error: ${about}${error.message}`);
    if (error.hint) lines.push(`hint: ${error.hint}`);
  } else {
    // Not one of ours: a bug. Said so, rather than passed off as an API failure (exit 70, exit-codes.ts).
    const message = error instanceof Error ? error.message : String(error);
    lines.push(`error: internal error (a bug in rdsjob): ${message.split('\n', 1)[0]}`);
    lines.push(
      debug
        ? 'hint: please report it with the trace below'
        : 'hint: please report it, with the output of the same command run with --debug',
    );
  }
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return `${lines.join('\n')}\n`;
}

/**
 * Lines of several errors with each hint said once: a hint repeated by a later error goes (62 ids not found read as
 * 62 error lines and one hint, not 124 lines). A hint of its own stays under its error.
 */
export function hintsOnce(lines: readonly string[]): string[] {
  return lines.filter((line, i) => !line.startsWith('hint: ') || !lines.includes(line, i + 1));
}
