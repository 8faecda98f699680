// The one wait, for `rdsjob wait` and the programmatic API alike: it owns the clock (started where the caller
// started: the process for the CLI, the call for the API), bounds everything under it — the configuration, the IAM
// lookup, resolving an instance, every look — runs the loop (engine.ts, consulting decide.ts) and returns one result.
// The CLI renders it, index.ts returns it; neither decides an ending.
import type { Api } from '../api/types.js';
import { waitBound } from '../deadline.js';
import { DeadlineError, InterruptedError } from '../errors.js';
import type { Job } from '../job.js';
import type { Reported } from '../outcome.js';
import type { Task } from '../task.js';
import { answersByDeadline } from './answer-by-deadline.js';
import { waitForJobs, type WaitIo, type WaitOptions } from './engine.js';
import { type InstanceFacts, type InstanceState, NO_LOOK, waitForInstanceTasks } from './instance.js';
import type { ItemResult, WaitOutcome } from './result.js';

/** What to wait for: job ids, or an instance (by the REF the user gave) until it is free. */
export type WaitTarget = { jobs: readonly string[] } | { instance: string; sinceMs?: number };

export interface CoreWorld extends Omit<WaitIo, 'signal'> {
  /** Where the caller's clock started (epoch ms): --timeout runs from there. */
  startedAt: number;
  /** The caller's stop signal (a signal handler, an AbortSignal given to the API). */
  signal?: AbortSignal;
  /**
   * Bounds everything that follows to `boundMs` counted from `from` (deadline.ts timeBound); returns the signal that
   * every request, the configuration and the IAM lookup included, listens to.
   */
  limit(boundMs: number, what: string, from: number): AbortSignal;
  /** Opens the API (reads the configuration, looks the project id up) under the signal `limit` returned. */
  api(): Promise<Api>;
}

/** How a wait ended: one shape for jobs and instances, for the CLI and the API. */
interface CoreResultBase<T> {
  results: ItemResult<T>[];
  /** An error that ended the whole wait (401/403, configuration, a wrong endpoint): reported once. */
  fatal?: unknown;
  elapsedMs: number;
}

/** Jobs: one result per distinct id, in argument order. */
export type JobsCoreResult = CoreResultBase<Job>;

/** `wait --instance`: every task of the wait in `results`, in the order first seen, and the instance's own ending. */
export interface InstanceCoreResult extends CoreResultBase<Task> {
  /** How the wait for the instance itself ended, and its status at the last look. */
  instance: ItemResult<InstanceState>;
  /** What the looks found out about the instance (its id, last status, gone…). */
  facts: InstanceFacts;
}

export type CoreResult = JobsCoreResult | InstanceCoreResult;

/**
 * What decides a wait's exit code (main() and the programmatic API map it with exitCodeOf): an error that ended the
 * whole wait alone; else the instance's own ending beside its tasks, or every job. Mapped by the callers, not here:
 * main() loads exit-codes.ts on every run, and a module shared by main and the lazily loaded wait would be a file of
 * its own on every run (docs/performance.md).
 */
export function reportedOf(result: CoreResult): Reported[] {
  if (result.fatal !== undefined) return [{ outcome: 'error', error: result.fatal }];
  return 'instance' in result ? [result.instance, ...result.results] : result.results;
}

/** Stopped or out of time before the first look (a hanging IAM lookup): unfinished, not failed. Else rethrown. */
function endedEarly(error: unknown): 'interrupted' | 'timeout' {
  if (error instanceof InterruptedError) return 'interrupted';
  if (error instanceof DeadlineError) return 'timeout';
  throw error;
}

export async function runWaitCore(
  target: { jobs: readonly string[] },
  options: WaitOptions,
  world: CoreWorld,
): Promise<JobsCoreResult>;
export async function runWaitCore(
  target: { instance: string; sinceMs?: number },
  options: WaitOptions,
  world: CoreWorld,
): Promise<InstanceCoreResult>;
export async function runWaitCore(target: WaitTarget, options: WaitOptions, world: CoreWorld): Promise<CoreResult> {
  const { startedAt, now } = world;
  const bound = waitBound(options.timeoutMs);
  const signal = bound === undefined ? world.signal : world.limit(bound.boundMs, bound.what, startedAt);
  const io: WaitIo = { ...world, signal };
  const settings = { ...options, startedAt };
  let api: Api;
  try {
    api = await world.api();
  } catch (error) {
    const outcome: WaitOutcome = endedEarly(error);
    const ended = (id: string) => ({ id, outcome, error, elapsedMs: now() - startedAt });
    return 'jobs' in target
      ? { results: [...new Set(target.jobs)].map(ended), elapsedMs: now() - startedAt }
      : {
          results: [],
          instance: ended(target.instance),
          facts: NO_LOOK,
          elapsedMs: now() - startedAt,
        };
  }
  // A request still in flight at --timeout is abandoned a moment after it (answer-by-deadline.ts), not at the hard stop.
  if (bound !== undefined) api = answersByDeadline(api, startedAt + options.timeoutMs, world);
  if ('jobs' in target) return waitForJobs(target.jobs, settings, { ...io, api });
  const waited = await waitForInstanceTasks(target.instance, { ...settings, sinceMs: target.sinceMs }, { ...io, api });
  return {
    results: waited.results,
    instance: waited.end,
    facts: waited.facts,
    fatal: waited.fatal,
    elapsedMs: waited.end.elapsedMs,
  };
}
