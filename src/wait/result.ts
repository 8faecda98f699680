// How one wait ended, per job and overall.
import { exitCodeFor, mostImportant, EXIT, type ExitCode } from '../exit-codes.js';
import type { Job } from '../job.js';

export type WaitOutcome = 'completed' | 'failed' | 'not-found' | 'timeout' | 'interrupted' | 'error';

export interface JobResult {
  id: string;
  outcome: WaitOutcome;
  /** The job as last seen, exactly as received; undefined if it was never seen. */
  job?: Job;
  /**
   * Why the wait for this id ended, for `not-found` and `error`; for `timeout`, the transient failure of the
   * last attempt, if it failed (then nobody knows whether the job is still running).
   */
  error?: unknown;
  /** From the start of the wait to the end of this id's wait. */
  elapsedMs: number;
}

export interface WaitResult {
  /** One per distinct id, in argument order. */
  results: JobResult[];
  exitCode: ExitCode;
  /** An error that ended the whole wait (401/403, configuration): every unfinished id carries it too. */
  fatal?: unknown;
  elapsedMs: number;
}

export function exitCodeOf(result: JobResult): ExitCode {
  switch (result.outcome) {
    case 'completed':
      return EXIT.ok;
    case 'failed':
      return EXIT.jobFailed;
    case 'not-found':
      return EXIT.notFound;
    case 'timeout':
      // The API being down at the deadline is an API failure (5), not a job still known to be running (6).
      return result.error === undefined ? EXIT.timeout : exitCodeFor(result.error);
    case 'interrupted':
      return EXIT.interrupted;
    case 'error':
      return exitCodeFor(result.error);
  }
}

export function overallExitCode(results: readonly JobResult[]): ExitCode {
  return mostImportant(results.map(exitCodeOf));
}

export function isUnfinished(result: JobResult): boolean {
  return result.outcome === 'timeout' || result.outcome === 'interrupted';
}
