// How a failure reads on stderr: `error: …` and, when there is a next step, `hint: …`. Stack only with --debug.
import { RdsjobError } from '../errors.js';

/** `jobId`: with several ids, which job the error is about (unless the message already says so). */
export function formatError(error: unknown, debug: boolean, jobId?: string): string {
  const lines: string[] = [];
  if (error instanceof RdsjobError) {
    const about = jobId === undefined || error.message.includes(jobId) ? '' : `job ${jobId}: `;
    lines.push(`error: ${about}${error.message}`);
    if (error.hint) lines.push(`hint: ${error.hint}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    lines.push(`error: unexpected failure: ${message}`);
    if (!debug) lines.push('hint: run again with --debug for details, and report it if it persists');
  }
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return lines.join('\n') + '\n';
}
