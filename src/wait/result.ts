// How one wait ended, per item (a job, a task) and overall: one result type for every kind of item, returned by the
// engine, the commands and the programmatic API alike. Outcomes only: main() turns them into an exit code.
import type { Job } from '../job.js';
import type { ItemOutcome, Reported } from '../outcome.js';
import type { Task } from '../task.js';

export type WaitOutcome = ItemOutcome;

/** What progress shows of a job or a task: both are shown the same way. */
export interface ProgressItem {
  name?: unknown;
  status?: unknown;
  process?: unknown;
  fail_reason?: unknown;
}

/**
 * How the wait for one item ended — the one result type, from the engine to the views and the programmatic API.
 * `T`: what a look at it shows (a Job, a Task); views see any of them as a ProgressItem.
 */
export interface ItemResult<T = ProgressItem> extends Reported {
  /** The job id, the task id. */
  id: string;
  outcome: WaitOutcome;
  /** The item as last seen, exactly as received (its final state once it ended); undefined if never seen. */
  item?: T;
  /**
   * Why the wait for it ended, for `not-found`, `interrupted` and `error`; for `timeout`, the transient failure of
   * the last attempt, if it failed (then nobody knows whether it is still running).
   */
  error?: unknown;
  /** From the start of the wait (a task: from when it was first seen) to the end of this item's wait. */
  elapsedMs: number;
  /**
   * A task already finished at the wait's first look (`--since`): nobody saw it run, so `elapsedMs` says nothing
   * (its ENDED and TOOK read `-` in the table for the same reason: it has no `endedAt`).
   */
  endedBeforeWait?: boolean;
  /**
   * A task of `wait --instance` seen running, then finished: when the wait saw it end (epoch ms) — ListTasks'
   * `end_time` is its planned end, not when it ended. Its ENDED, and its TOOK from its creation (render/time.ts).
   */
  endedAt?: number;
}

export type JobResult = ItemResult<Job>;
export type TaskResult = ItemResult<Task>;

export interface WaitResult<T = Job | Task> {
  /** One per distinct item, in argument order (tasks: in the order first seen). */
  results: ItemResult<T>[];
  /** An error that ended the whole wait (401/403, configuration): every unfinished item carries it too. */
  fatal?: unknown;
  elapsedMs: number;
}

/** It reached a final status (Completed, Failed): a ✔/✖ line, and a duration of its own. */
export function hasEnded(result: { outcome: WaitOutcome }): boolean {
  return result.outcome === 'completed' || result.outcome === 'failed';
}

export function isUnfinished(result: { outcome: WaitOutcome }): boolean {
  return result.outcome === 'timeout' || result.outcome === 'interrupted' || result.outcome === 'stopped';
}
