// The programmatic API: `import { getJob, waitForJob } from 'rdsjob'`. The same configuration resolution, API
// opener and wait engine as the CLI; errors are the CLI's error classes, and `exitCodeFor` / `exitCode` tell what
// the CLI would have exited with (the same mapping main() uses). Like bin/rdsjob.js, this is an entry point: the
// one other place that falls back to process.env and the home directory.
import { homedir as osHomedir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { resolveInstance as resolveInstanceRef } from './api/instances.js';
import { openApi } from './api/open.js';
import type { Api, TaskFilters, TaskListing } from './api/types.js';
import { loadConfig as loadResolvedConfig } from './config/load.js';
import type { ResolvedConfig } from './config/types.js';
import { assertJobIds, instanceIdOf } from './config/validate.js';
import { listTaskPages, sinceWindow, taskQuery } from './api/tasks.js';
import { LIST_LIMIT } from './limits.js';
import { InterruptedError, UsageError, WaitTimeoutError } from './errors.js';
import { exitCodeOf, type ExitCode } from './exit-codes.js';
import { settingFlags, type GlobalFlags } from './flags.js';
import type { Instance } from './instance.js';
import type { Job } from './job.js';
import type { Task } from './task.js';
import { timeBound, waitBound } from './deadline.js';
import { DEFAULT_WAIT_MS } from './wait/defaults.js';
import { waitForJobs as runWaitEngine, type WaitIo } from './wait/engine.js';
import { waitForInstanceTasks } from './wait/instance.js';
import { quietReporter, type ProgressItem, type WaitReporter } from './wait/reporter.js';
import { VERSION } from './version.js';
import type { TaskResult, WaitOutcome, WaitResult } from './wait/result.js';

export type { Job, JobEntities, JobInstanceEntity } from './job.js';
export type { Task, TaskStatus } from './task.js';
export type { Instance } from './instance.js';
export { TASK_STATUSES } from './task.js';
export type { TaskFilters, TaskListing } from './api/types.js';
export { isFinished, FINAL_STATUSES } from './status.js';
export {
  RdsjobError,
  UsageError,
  GoneError,
  ConfigError,
  AuthError,
  NotFoundError,
  ApiError,
  NetworkError,
  MalformedResponseError,
  WaitTimeoutError,
  InterruptedError,
  isTransient,
  type ErrorDetails,
} from './errors.js';
export { EXIT, exitCodeFor, type ExitCode } from './exit-codes.js';
export { resolveConfig } from './config/resolve.js';
export { loadConfigFiles } from './config/files.js';
export { describeSource, maskSecret } from './config/describe.js';
export type { ResolvedConfig, Setting, Source, ConfigFiles } from './config/types.js';
export type { GlobalFlags } from './flags.js';
export type { Api as RdsApi } from './api/types.js';
/** @deprecated the client lists tasks too: use RdsApi. */
export type { Api as JobsApi } from './api/types.js';
export type { ItemResult, JobResult, TaskResult, WaitOutcome } from './wait/result.js';

export interface RdsjobOptions extends GlobalFlags {
  /** Where environment variables are read from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** For `~/.hcloud`, the default config file and the project-id cache; default `os.homedir()`. */
  homedir?: string;
  /** Cancels requests (and waits). */
  signal?: AbortSignal;
  /** Receives the `--debug` trace lines (secrets masked). */
  debug?: (line: string) => void;
}

export interface WaitForJobOptions extends RdsjobOptions {
  /** Give up after this many ms (0 = never); default 60 minutes. */
  timeoutMs?: number;
  /** Between two polls of one job; default 5 s. */
  intervalMs?: number;
  /** A 404 this soon after the start means "not visible yet"; default 60 s. */
  notFoundGraceMs?: number;
  /** Every successful poll. */
  onProgress?: (job: Job) => void;
}

/** How a wait ended, and the exit code `rdsjob wait` would have given it. */
export interface WaitForJobsResult extends WaitResult<Job> {
  exitCode: ExitCode;
}

function environment(options: RdsjobOptions) {
  return { env: options.env ?? process.env, homedir: options.homedir ?? osHomedir() };
}

/** Reads the config files and resolves every setting with its source, exactly as the CLI does. */
export async function loadConfig(options: RdsjobOptions = {}): Promise<ResolvedConfig> {
  const { env, homedir } = environment(options);
  return (await loadResolvedConfig(settingFlags(options), env, homedir)).config;
}

/** A client with one keep-alive pool for many calls; call `close()` when done. */
export async function openRdsApi(options: RdsjobOptions = {}): Promise<Api> {
  const { env, homedir } = environment(options);
  return openApi(await loadConfig(options), {
    env,
    homedir,
    now: Date.now,
    signal: options.signal,
    debug: options.debug,
    userAgent: `rdsjob/${VERSION}`,
  });
}

/** @deprecated the client lists tasks too: use openRdsApi. */
export function openJobsApi(options: RdsjobOptions = {}): Promise<Api> {
  return openRdsApi(options);
}

async function withApi<T>(options: RdsjobOptions, use: (api: Api) => Promise<T>): Promise<T> {
  const api = await openRdsApi(options);
  try {
    return await use(api);
  } finally {
    api.close();
  }
}

/** ListJobInfo: the `job` object exactly as the API returned it. */
export async function getJob(id: string, options: RdsjobOptions = {}): Promise<Job> {
  assertJobIds([id]);
  return withApi(options, (api) => api.getJob(id, { signal: options.signal }));
}

/**
 * The engine's world for a programmatic wait, as the CLI builds it: real time, the caller's signal, and the one
 * deadline mechanism (deadline.ts) for `timeoutMs`. `done()` stops the deadline's timer.
 */
function waitIo(timeoutMs: number, options: RdsjobOptions, onProgress?: (item: ProgressItem) => void) {
  const sleep: WaitIo['sleep'] = (ms, signal) => delay(ms, undefined, { signal });
  const bound = waitBound(timeoutMs);
  const deadline = bound === undefined ? undefined : timeBound(sleep, bound.boundMs, bound.what);
  const signals = [options.signal, deadline?.signal].filter((s): s is AbortSignal => s !== undefined);
  const reporter: WaitReporter = onProgress
    ? { ...quietReporter, observed: (_id, item) => onProgress(item) }
    : quietReporter;
  const io: WaitIo = {
    now: Date.now,
    sleep,
    random: Math.random,
    signal: signals.length > 0 ? AbortSignal.any(signals) : undefined,
    reporter,
  };
  return { io, done: () => deadline?.cancel() };
}

/** Polls until every job is Completed or Failed (or the timeout); never throws for a job's outcome. */
export async function waitForJobs(ids: readonly string[], options: WaitForJobOptions = {}): Promise<WaitForJobsResult> {
  assertJobIds(ids);
  const waitOptions = {
    timeoutMs: options.timeoutMs ?? DEFAULT_WAIT_MS.timeoutMs,
    intervalMs: options.intervalMs ?? DEFAULT_WAIT_MS.intervalMs,
    notFoundGraceMs: options.notFoundGraceMs ?? DEFAULT_WAIT_MS.notFoundGraceMs,
  };
  const onProgress = options.onProgress;
  const { io, done } = waitIo(waitOptions.timeoutMs, options, onProgress && ((job) => onProgress(job as Job)));
  try {
    const result = await withApi(options, (api) => runWaitEngine(ids, waitOptions, { ...io, api }));
    const exitCode =
      result.fatal === undefined ? exitCodeOf(result.results) : exitCodeOf({ outcome: 'error', error: result.fatal });
    return { ...result, exitCode };
  } finally {
    done();
  }
}

export interface ListTasksFilters extends TaskFilters {
  /** Only tasks created this recently (ms); sets startTime/endTime to now − sinceMs … now. */
  sinceMs?: number;
  /** At most this many tasks (1–LIST_LIMIT.max); default LIST_LIMIT.default. Pages of 50 are read one after another. */
  limit?: number;
}

/** ListTasks, the task center: up to `limit` tasks, each exactly as the API returned it, and the total count. */
export async function listTasks(filters: ListTasksFilters = {}, options: RdsjobOptions = {}): Promise<TaskListing> {
  const limit = filters.limit ?? LIST_LIMIT.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT.max)
    throw new UsageError(`invalid limit ${limit}: use a whole number from 1 to ${LIST_LIMIT.max}`);
  if (filters.instanceId !== undefined) instanceIdOf(filters.instanceId);
  const { sinceMs, limit: _limit, ...rest } = filters;
  const query = { ...rest, ...sinceWindow(sinceMs, Date.now()) };
  return withApi(options, (api) =>
    listTaskPages((offset, size) => api.listTasks(taskQuery(query, offset, size), { signal: options.signal }), limit),
  );
}

export interface InstanceWaitResult {
  /**
   * How the wait for the instance ended: completed (free), failed (a task Failed, or the instance is FAILED, FROZEN
   * or STORAGE FULL), not-found (deleted, or no task in the `sinceMs` window), timeout, interrupted, error.
   */
  outcome: WaitOutcome;
  error?: unknown;
  /** The instance's status at the last look. */
  status?: string;
  /** Every task of the wait, in the order first seen. */
  tasks: TaskResult[];
  /** The exit code `rdsjob wait --instance` would have given. */
  exitCode: ExitCode;
  elapsedMs: number;
}

export interface WaitForInstanceOptions extends RdsjobOptions {
  /** Give up after this many ms (0 = never); default 60 minutes. */
  timeoutMs?: number;
  /** Between two looks at the instance; default 5 s. */
  intervalMs?: number;
  /** `--since`: the tasks created on the instance this long (ms) before the wait began belong to it. */
  since?: number;
  /** With `since`: how long to look for a task in the window (ms); default 60 s. */
  notFoundGraceMs?: number;
  /** Every task of the wait, at every look. */
  onProgress?: (task: Task) => void;
}

/**
 * An instance by id or name, as `--instance REF` resolves it (id-shaped → by id; otherwise by name, then by id;
 * Flexus too). Rejects with NotFoundError (none) or UsageError (a name several instances share).
 */
export async function resolveInstance(ref: string, options: RdsjobOptions = {}): Promise<Instance & { id: string }> {
  instanceIdOf(ref);
  return withApi(
    options,
    async (api) =>
      (await resolveInstanceRef(ref, (query) => api.listInstances(query, { signal: options.signal }))).instance,
  );
}

/**
 * Polls until the instance (an id or a name) is free for the next change: no Running task and ACTIVE. Never throws
 * for a task's outcome (a 401, bad configuration, an unknown or ambiguous REF do).
 */
export async function waitForInstance(ref: string, options: WaitForInstanceOptions = {}): Promise<InstanceWaitResult> {
  instanceIdOf(ref);
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS.timeoutMs;
  const onProgress = options.onProgress;
  const { io, done } = waitIo(timeoutMs, options, onProgress && ((task) => onProgress(task as Task)));
  try {
    return await withApi(options, async (api) => {
      const { instance, flexus } = await resolveInstanceRef(ref, (query) =>
        api.listInstances(query, { signal: options.signal }),
      );
      const waited = await waitForInstanceTasks(
        { id: instance.id, ref, flexus },
        {
          timeoutMs,
          intervalMs: options.intervalMs ?? DEFAULT_WAIT_MS.intervalMs,
          sinceMs: options.since,
          notFoundGraceMs: options.notFoundGraceMs ?? DEFAULT_WAIT_MS.notFoundGraceMs,
        },
        { ...io, api },
      );
      if (waited.fatal !== undefined) throw waited.fatal;
      const { end, results } = waited;
      return {
        outcome: end.outcome,
        error: end.error,
        status: end.item?.status,
        tasks: results,
        exitCode: exitCodeOf([end, ...results]),
        elapsedMs: end.elapsedMs,
      };
    });
  } finally {
    done();
  }
}

/**
 * Polls one job until it is Completed or Failed and resolves with it (check `job.status`). Rejects with
 * WaitTimeoutError, NotFoundError (after the grace period), InterruptedError (signal) or the API's error.
 */
export async function waitForJob(id: string, options: WaitForJobOptions = {}): Promise<Job> {
  const result = await waitForJobs([id], options);
  if (result.fatal !== undefined) throw result.fatal;
  const only = result.results[0]!;
  switch (only.outcome) {
    case 'completed':
    case 'failed':
      return only.item!;
    case 'timeout':
      throw new WaitTimeoutError(`job ${id} did not finish in time (last status: ${only.item?.status ?? 'unknown'})`, {
        cause: only.error,
      });
    case 'interrupted':
      throw new InterruptedError(`waiting for job ${id} was interrupted`);
    default:
      throw only.error;
  }
}
