import type { Paint } from './paint.js';

/** Completed green, Failed red, Running yellow; any other status is shown as the API sent it, uncoloured. */
export function paintStatus(status: string, chalk: Paint): string {
  switch (status) {
    case 'Completed':
      return chalk.green(status);
    case 'Failed':
      return chalk.red(status);
    case 'Running':
      return chalk.yellow(status);
    default:
      return status;
  }
}
