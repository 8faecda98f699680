// How one wait ended, per job and overall. Outcomes only: main() turns them into an exit code.
import type { Job } from '../job.js';
import type { Outcome, Reported } from '../outcome.js';

export type WaitOutcome = Extract<Outcome, 'completed' | 'failed' | 'not-found' | 'timeout' | 'interrupted' | 'error'>;

export interface JobResult extends Reported {
  id: string;
  outcome: WaitOutcome;
  /** The job as last seen, exactly as received; undefined if it was never seen. */
  job?: Job;
  /**
   * Why the wait for this id ended, for `not-found`, `interrupted` and `error`; for `timeout`, the transient failure
   * of the last attempt, if it failed (then nobody knows whether the job is still running).
   */
  error?: unknown;
  /** From the start of the wait to the end of this id's wait. */
  elapsedMs: number;
}

export interface WaitResult {
  /** One per distinct id, in argument order. */
  results: JobResult[];
  /** An error that ended the whole wait (401/403, configuration): every unfinished id carries it too. */
  fatal?: unknown;
  elapsedMs: number;
}

export function isUnfinished(result: { outcome: WaitOutcome }): boolean {
  return result.outcome === 'timeout' || result.outcome === 'interrupted';
}
