// The programmatic API: `import { getJob, waitForJob } from 'rdsjob'`. The same configuration resolution, API
// opener and wait engine as the CLI; errors are the CLI's error classes, and `exitCodeFor` / `exitCode` tell what
// the CLI would have exited with (the same mapping main() uses). Like bin/rdsjob.js, this is an entry point: the
// one other place that falls back to process.env and the home directory.
import { homedir as osHomedir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { openApi } from './api/open.js';
import type { Api } from './api/types.js';
import { loadConfig as loadResolvedConfig } from './config/load.js';
import type { ResolvedConfig } from './config/types.js';
import { assertJobIds, instanceIdOf } from './config/validate.js';
import { LIST_LIMIT, listTaskPages, sinceWindow, taskQuery, type TaskFilters, type TaskListing } from './api/tasks.js';
import { InterruptedError, UsageError, WaitTimeoutError } from './errors.js';
import { exitCodeOf, type ExitCode } from './exit-codes.js';
import { settingFlags, type GlobalFlags } from './flags.js';
import type { Job } from './job.js';
import type { Task } from './task.js';
import { DEFAULT_INTERVAL, DEFAULT_NOT_FOUND_GRACE, DEFAULT_TIMEOUT } from './wait/defaults.js';
import { parseDuration } from './duration.js';
import { waitForJobs as runWaitEngine, waitForTargets } from './wait/engine.js';
import { instanceTarget } from './wait/instance.js';
import { quietReporter } from './wait/reporter.js';
import { VERSION } from './version.js';
import type { WaitOutcome, WaitResult } from './wait/result.js';

export type { Job, JobEntities, JobInstanceEntity } from './job.js';
export type { Task, TaskStatus } from './task.js';
export { TASK_STATUSES } from './task.js';
export type { TaskFilters, TaskListing } from './api/tasks.js';
export { isFinished, FINAL_STATUSES } from './job.js';
export {
  RdsjobError,
  UsageError,
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
export type { Api as JobsApi } from './api/types.js';
export type { JobResult, WaitOutcome } from './wait/result.js';

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
export interface WaitForJobsResult extends WaitResult {
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
export async function openJobsApi(options: RdsjobOptions = {}): Promise<Api> {
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

async function withApi<T>(options: RdsjobOptions, use: (api: Api) => Promise<T>): Promise<T> {
  const api = await openJobsApi(options);
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

/** Polls until every job is Completed or Failed (or the timeout); never throws for a job's outcome. */
export async function waitForJobs(ids: readonly string[], options: WaitForJobOptions = {}): Promise<WaitForJobsResult> {
  assertJobIds(ids);
  const waitOptions = {
    timeoutMs: options.timeoutMs ?? parseDuration(DEFAULT_TIMEOUT),
    intervalMs: options.intervalMs ?? parseDuration(DEFAULT_INTERVAL),
    notFoundGraceMs: options.notFoundGraceMs ?? parseDuration(DEFAULT_NOT_FOUND_GRACE),
  };
  const onProgress = options.onProgress;
  const result = await withApi(options, (api) =>
    runWaitEngine(ids, waitOptions, {
      api,
      now: Date.now,
      sleep: (ms, signal) => delay(ms, undefined, { signal }),
      random: Math.random,
      signal: options.signal,
      reporter: onProgress ? { ...quietReporter, observed: (_id, job) => onProgress(job as Job) } : quietReporter,
    }),
  );
  const exitCode =
    result.fatal === undefined ? exitCodeOf(result.results) : exitCodeOf({ outcome: 'error', error: result.fatal });
  return { ...result, exitCode };
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

export interface TaskResult {
  id: string;
  outcome: WaitOutcome;
  /** The task as last seen (its final state once it ended), exactly as received. */
  task: Task;
  error?: unknown;
  /** From when the wait first saw it Running to when it ended. */
  elapsedMs: number;
}

export interface InstanceWaitResult {
  /** How the wait for the instance ended: completed (nothing runs), failed (a task Failed), timeout, interrupted, error. */
  outcome: WaitOutcome;
  error?: unknown;
  /** Every task seen Running, in the order first seen. */
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
  /** Every task seen Running, at every look. */
  onProgress?: (task: Task) => void;
}

/** Polls until `instanceId` has no Running task; never throws for a task's outcome (a 401 or bad configuration does). */
export async function waitForInstance(
  instanceId: string,
  options: WaitForInstanceOptions = {},
): Promise<InstanceWaitResult> {
  instanceIdOf(instanceId);
  const onProgress = options.onProgress;
  return withApi(options, async (api) => {
    const watch = instanceTarget(instanceId, api, Date.now);
    const waited = await waitForTargets(
      [watch],
      {
        timeoutMs: options.timeoutMs ?? parseDuration(DEFAULT_TIMEOUT),
        intervalMs: options.intervalMs ?? parseDuration(DEFAULT_INTERVAL),
        notFoundGraceMs: 0,
      },
      {
        now: Date.now,
        sleep: (ms, signal) => delay(ms, undefined, { signal }),
        random: Math.random,
        signal: options.signal,
        reporter: onProgress ? { ...quietReporter, observed: (_id, task) => onProgress(task as Task) } : quietReporter,
      },
    );
    if (waited.fatal !== undefined) throw waited.fatal;
    const end = waited.results[0]!;
    const tasks = watch
      .taskResults(end)
      .map((r) => ({ id: r.id, outcome: r.outcome, task: r.job as Task, error: r.error, elapsedMs: r.elapsedMs }));
    return {
      outcome: end.outcome,
      error: end.error,
      tasks,
      exitCode: exitCodeOf([end, ...tasks]),
      elapsedMs: waited.elapsedMs,
    };
  });
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
      return only.job!;
    case 'timeout':
      throw new WaitTimeoutError(`job ${id} did not finish in time (last status: ${only.job?.status ?? 'unknown'})`, {
        cause: only.error,
      });
    case 'interrupted':
      throw new InterruptedError(`waiting for job ${id} was interrupted`);
    default:
      throw only.error;
  }
}
