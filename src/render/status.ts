import type { Paint } from './paint.js';

/** Completed green, Failed red, Running yellow; any other status is shown as the API sent it, uncoloured. */
export function paintStatus(status: string, chalk: Paint): string {
  return statusColor(status, chalk)(status);
}

/** The colour of a status, for text that says it (a status cut to fit, `Running 30%`). */
export function statusColor(status: string | undefined, chalk: Paint): (text: string) => string {
  switch (status) {
    case 'Completed':
      return chalk.green;
    case 'Failed':
      return chalk.red;
    case 'Running':
      return chalk.yellow;
    default:
      return (text) => text;
  }
}
