// How a command, or one item of it (a job id, a task), ended. Commands and the wait engine report outcomes and
// never exit codes; main() alone turns them into one (exit-codes.ts).

type Outcome =
  /** Done: jobs fetched, settings written, output printed. */
  | 'ok'
  /** A waited job or task reached Completed. */
  | 'completed'
  /** A job or task ended Failed. */
  | 'failed'
  /** Still 404 after the grace period. */
  | 'not-found'
  /** Still running at --timeout (with `error`: the last attempt failed, so nobody knows). */
  | 'timeout'
  /** Stopped by a signal (`error` is the InterruptedError naming it). */
  | 'interrupted'
  /** Still running when another item Failed under --fail-fast: unfinished, and never what decides the exit code. */
  | 'stopped'
  /** Ended by `error`. */
  | 'error'
  /** `config get`: nothing stored under that key. */
  | 'unset';

export interface Reported {
  outcome: Outcome;
  error?: unknown;
}

export const OK: Reported = { outcome: 'ok' };

export function errorOutcome(error: unknown): Reported {
  return { outcome: 'error', error };
}

/** How one item (a job, a task, an instance) of a wait ended. */
export type ItemOutcome = Exclude<Outcome, 'ok' | 'unset'>;

/** What an ended item says instead of its time when it had ended before the wait began (`--since`). */
export const ENDED_BEFORE_WAIT = 'before the wait began';

/** Each ending's name wherever it is shown: the live view, the step summary, the table of an instance wait. */
export const OUTCOME_LABELS: Readonly<Record<ItemOutcome, string>> = {
  completed: 'Completed',
  failed: 'Failed',
  timeout: 'timed out',
  interrupted: 'interrupted',
  // Still running when the wait ended for another item (--fail-fast, a broken instance): unfinished, not failed.
  stopped: 'stopped',
  error: 'error',
  'not-found': 'not found',
};
