// The programmatic API: `import { getJob, waitForJob } from 'rdsjob'`. The same configuration resolution, API
// opener and wait engine as the CLI; errors are the CLI's error classes, and `exitCodeFor` / `exitCode` tell what
// the CLI would have exited with (the same mapping main() uses). Like bin/rdsjob.js, this is an entry point: the
// one other place that falls back to process.env and the home directory.
import { homedir as osHomedir } from 'node:os';
import { usableHome } from './config/paths.js';
import { setTimeout as delay } from 'node:timers/promises';
import { resolveInstance as resolveInstanceRef } from './api/instances.js';
import { openApi } from './api/open.js';
import type { Api, TaskFilters, TaskListing } from './api/types.js';
import { loadConfig as loadResolvedConfig } from './config/load.js';
import type { ResolvedConfig } from './config/types.js';
import { assertGraceNeedsSince, assertJobIds, instanceIdOf } from './config/validate.js';
import { checkedTaskFilters, listTaskPages, sinceWindow, taskQuery } from './api/tasks.js';
import { API_BOUND_ENV, apiBoundMs, LIST_LIMIT } from './limits.js';
import { ApiError, InterruptedError, UsageError, WaitTimeoutError } from './errors.js';
import { type ExitCode, exitCodeOf } from './exit-codes.js';
import { durationMs } from './duration.js';
import { settingFlags, type GlobalFlags } from './flags.js';
import type { Instance } from './instance.js';
import type { Job } from './job.js';
import type { Task } from './task.js';
import { type TimeBound, timeBound } from './deadline.js';
import { DEFAULT_WAIT_MS } from './wait/defaults.js';
import { type CoreWorld, reportedOf, runWaitCore } from './wait/core.js';
import { quietReporter, type ProgressItem } from './wait/reporter.js';
import { VERSION } from './version.js';
import type { ItemResult, TaskResult, WaitOutcome } from './wait/result.js';

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
export { SERVICE_NAMES, type ServiceName } from './services/names.js';
export type { Api as RdsApi } from './api/types.js';
/** @deprecated the client lists tasks too: use RdsApi. */
export type { Api as JobsApi } from './api/types.js';
export type { ItemResult, JobResult, TaskResult, WaitOutcome } from './wait/result.js';

export interface RdsjobOptions extends GlobalFlags {
  /** Where environment variables are read from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * For `~/.hcloud`, the default config file and the project-id cache; default `os.homedir()`. Empty or relative:
   * no home (nothing read or written under it), as the CLI treats an empty or relative HOME.
   */
  homedir?: string;
  /** Cancels requests (and waits). */
  signal?: AbortSignal;
  /** Receives the `--debug` trace lines (secrets masked). */
  debug?: (line: string) => void;
}

export interface WaitForJobOptions extends RdsjobOptions {
  /** Give up after this many ms (0 = never); default 60 minutes. Bounds everything the call does. */
  timeoutMs?: number;
  /** Between two polls of one job; default 5 s. */
  intervalMs?: number;
  /** A 404 this soon after the start means "not visible yet"; default 60 s. */
  notFoundGraceMs?: number;
  /** `--rate-limit`: requests per minute, shared by every job of the wait; default 60 (RDS's per-user limit). */
  requestsPerMinute?: number;
  /** Every successful poll. */
  onProgress?: (job: Job) => void;
}

/**
 * How a wait ended — one shape for waitForJobs and waitForInstance (docs/api.md): every item's result, the error
 * that ended the whole wait if one did, and the exit code `rdsjob wait` would have given.
 */
export interface WaitResult<T> {
  /** Jobs: one per distinct id, in argument order. An instance: every task of the wait, in the order first seen. */
  results: ItemResult<T>[];
  /** An error that ended the whole wait (401/403, configuration, a wrong endpoint). */
  fatal?: unknown;
  elapsedMs: number;
  /** What `rdsjob wait` would have exited with (0, 1, 3, 4, 5, 6, 130…). */
  exitCode: ExitCode;
}

export type WaitForJobsResult = WaitResult<Job>;

function environment(options: RdsjobOptions) {
  return { env: options.env ?? process.env, homedir: usableHome(options.homedir, osHomedir) };
}

/**
 * The caller's signal as the CLI's stop signal: aborted with an InterruptedError (exit 130), whatever reason the
 * caller gave (AbortController.abort() gives a DOMException, which would read as a bug, 70).
 */
function interruptible(signal: AbortSignal | undefined): AbortSignal | undefined {
  if (signal === undefined) return undefined;
  const controller = new AbortController();
  const interrupt = () =>
    controller.abort(
      signal.reason instanceof InterruptedError
        ? signal.reason
        : new InterruptedError('interrupted: the signal was aborted', { cause: signal.reason }),
    );
  if (signal.aborted) interrupt();
  else signal.addEventListener('abort', interrupt, { once: true });
  return controller.signal;
}

/** One call of the API: its bad input refused before anything, its signal the CLI's, its errors the CLI's. */
/** The caller's stop signal (if any) and a time bound, as the one signal every request of a call listens to. */
function boundedBy(stop: AbortSignal | undefined, bound: TimeBound): AbortSignal {
  return stop === undefined ? bound.signal : AbortSignal.any([stop, bound.signal]);
}

/**
 * One call of getJob, listTasks or resolveInstance, bounded as `rdsjob get` and `rdsjob list` are: RDSJOB_API_TIMEOUT
 * (from `env`), else 60 s, for the configuration, the IAM lookup and every request with its retries; running out is
 * the CLI's DeadlineError, a NetworkError (exit 5). The caller's signal ends it sooner, with InterruptedError (130).
 */
async function call<T>(options: RdsjobOptions, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const stop = interruptible(options.signal);
  stop?.throwIfAborted();
  const boundMs = apiBoundMs(environment(options).env);
  const bound = timeBound((ms, signal) => delay(ms, undefined, { signal }), boundMs, API_BOUND_ENV);
  const signal = boundedBy(stop, bound);
  try {
    return await run(signal);
  } catch (error) {
    // A request stopped by the caller's signal may surface as got's own error: the signal says why it stopped. The
    // bound running out comes back from the client as its DeadlineError, naming the host.
    if (stop?.aborted) throw stop.reason;
    throw error;
  } finally {
    bound.cancel();
  }
}

/** Reads the config files and resolves every setting with its source, exactly as the CLI does. */
export async function loadConfig(options: RdsjobOptions = {}): Promise<ResolvedConfig> {
  const { env, homedir } = environment(options);
  return (await loadResolvedConfig(settingFlags(options), env, homedir)).config;
}

/** A client with one keep-alive pool for many calls; call `close()` when done. */
export function openRdsApi(options: RdsjobOptions = {}): Promise<Api> {
  return openClient(options, false);
}

/**
 * `taskCenter`: the call lists tasks or instances (listTasks, resolveInstance, waitForInstance): another service
 * than RDS is refused with the CLI's usage error (exit 2) before the IAM lookup, as the CLI refuses it.
 */
async function openClient(options: RdsjobOptions, taskCenter: boolean): Promise<Api> {
  const { env, homedir } = environment(options);
  return openApi(await loadConfig(options), {
    env,
    homedir,
    now: Date.now,
    signal: options.signal,
    debug: options.debug,
    userAgent: `rdsjob/${VERSION}`,
    taskCenter,
  });
}

/** @deprecated the client lists tasks too: use openRdsApi. */
export function openJobsApi(options: RdsjobOptions = {}): Promise<Api> {
  return openRdsApi(options);
}

async function withApi<T>(
  options: RdsjobOptions,
  signal: AbortSignal | undefined,
  use: (api: Api) => Promise<T>,
  taskCenter = false,
): Promise<T> {
  const api = await openClient({ ...options, signal }, taskCenter);
  try {
    return await use(api);
  } finally {
    api.close();
  }
}

/**
 * One job: RDS's ListJobInfo `job` object exactly as the API returned it; with `service`, that service's job in the
 * same model (its own fields kept beside RDS's names for progress and times: docs/services.md).
 */
export async function getJob(id: string, options: RdsjobOptions = {}): Promise<Job> {
  assertJobIds([id]);
  return call(options, (signal) => withApi(options, signal, (api) => api.getJob(id, { signal })));
}

/**
 * The core's world for a call of the API: its clock starts now, at the call; real time; the caller's signal as the
 * CLI's stop signal; `timeoutMs` bounds the configuration, the IAM lookup, resolving an instance and every look,
 * through the one deadline mechanism (deadline.ts). `done()` stops the bound's timer and closes the client.
 */
function apiWorld(options: RdsjobOptions, taskCenter: boolean, onProgress?: (item: ProgressItem) => void) {
  const startedAt = Date.now();
  const sleep: CoreWorld['sleep'] = (ms, signal) => delay(ms, undefined, { signal });
  const stop = interruptible(options.signal);
  let signal = stop;
  let bound: TimeBound | undefined;
  let api: Promise<Api> | undefined;
  const world: CoreWorld = {
    now: Date.now,
    sleep,
    random: Math.random,
    reporter: onProgress ? { ...quietReporter, observed: (_id, item) => onProgress(item) } : quietReporter,
    startedAt,
    signal: stop,
    limit(boundMs, what, from) {
      bound = timeBound(sleep, boundMs, what, boundMs - (Date.now() - from));
      signal = boundedBy(stop, bound);
      return signal;
    },
    api: () => (api ??= openClient({ ...options, signal }, taskCenter)),
  };
  const done = async () => {
    bound?.cancel();
    (await api?.catch(() => undefined))?.close();
  };
  return { world, done };
}

function waitOptionsOf(options: WaitForJobOptions | WaitForInstanceOptions) {
  const perMinute = options.requestsPerMinute;
  if (perMinute !== undefined && !(Number.isSafeInteger(perMinute) && perMinute >= 1))
    throw new UsageError(
      `invalid requestsPerMinute ${String(perMinute)} (--rate-limit): use a whole number of requests per minute, at least 1`,
    );
  return {
    requestsPerMinute: perMinute,
    timeoutMs: durationMs(options.timeoutMs ?? DEFAULT_WAIT_MS.timeoutMs, 'timeoutMs', '--timeout', 0),
    intervalMs: durationMs(options.intervalMs ?? DEFAULT_WAIT_MS.intervalMs, 'intervalMs', '--interval', 1),
    notFoundGraceMs: durationMs(
      options.notFoundGraceMs ?? DEFAULT_WAIT_MS.notFoundGraceMs,
      'notFoundGraceMs',
      '--not-found-grace',
      0,
    ),
  };
}

/** Polls until every job is Completed or Failed (or the timeout); never throws for a job's outcome. */
export async function waitForJobs(ids: readonly string[], options: WaitForJobOptions = {}): Promise<WaitForJobsResult> {
  assertJobIds(ids, 'wait');
  const waitOptions = waitOptionsOf(options);
  const onProgress = options.onProgress;
  const { world, done } = apiWorld(options, false, onProgress && ((job) => onProgress(job as Job)));
  try {
    const result = await runWaitCore({ jobs: ids }, waitOptions, world);
    return {
      results: result.results,
      fatal: result.fatal,
      elapsedMs: result.elapsedMs,
      exitCode: exitCodeOf(reportedOf(result)),
    };
  } finally {
    await done();
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
    throw new UsageError(`invalid limit ${limit} (--limit): use a whole number from 1 to ${LIST_LIMIT.max}`);
  const { sinceMs, limit: _limit, ...rest } = filters;
  const since = sinceMs === undefined ? undefined : durationMs(sinceMs, 'sinceMs', '--since', 1);
  if (since !== undefined && (rest.startTime !== undefined || rest.endTime !== undefined))
    throw new UsageError('sinceMs and startTime/endTime cannot be used together: sinceMs sets both');
  const query = checkedTaskFilters({ ...rest, ...sinceWindow(since, Date.now()) });
  return call(options, (signal) =>
    withApi(
      options,
      signal,
      (api) => listTaskPages((offset, size) => api.listTasks(taskQuery(query, offset, size), { signal }), limit),
      true,
    ),
  );
}

/** How a wait for an instance ended: the tasks' results, and the instance's own ending and last status. */
export interface InstanceWaitResult extends WaitResult<Task> {
  /**
   * How the wait for the instance ended: completed (free), failed (a task Failed, or the instance is FAILED, FROZEN
   * or STORAGE FULL), not-found (no such instance, deleted, or no task in the `since` window), timeout,
   * interrupted, error.
   */
  outcome: WaitOutcome;
  error?: unknown;
  /** The instance's status at the last look. */
  status?: string;
  /** The same as `results`: every task of the wait, in the order first seen. */
  tasks: TaskResult[];
}

export interface WaitForInstanceOptions extends RdsjobOptions {
  /** Give up after this many ms (0 = never); default 60 minutes. Bounds everything the call does. */
  timeoutMs?: number;
  /** Between two looks at the instance; default 5 s. */
  intervalMs?: number;
  /** `--since`: the tasks created on the instance this long (ms) before the wait began belong to it. */
  since?: number;
  /** With `since`: how long to look for a task in the window (ms); default 60 s. */
  notFoundGraceMs?: number;
  /** `--rate-limit`: requests per minute; default 60 (RDS's per-user limit). */
  requestsPerMinute?: number;
  /** Every task of the wait, at every look. */
  onProgress?: (task: Task) => void;
}

/**
 * An instance by id or name, as `--instance REF` resolves it (id-shaped → by id; otherwise by name, then by id;
 * Flexus too). Rejects with NotFoundError (none) or UsageError (a name several instances share).
 */
export async function resolveInstance(ref: string, options: RdsjobOptions = {}): Promise<Instance & { id: string }> {
  instanceIdOf(ref);
  return call(options, (signal) =>
    withApi(
      options,
      signal,
      async (api) => (await resolveInstanceRef(ref, (query) => api.listInstances(query, { signal }))).instance,
      true,
    ),
  );
}

/**
 * Polls until the instance (an id or a name) is free for the next change: no Running task and ACTIVE. Never throws
 * for a task's outcome (a 401, bad configuration, a wrong endpoint do). An unknown REF ends with `not-found` (4), a
 * name several instances share with `error` (a UsageError, 2), as the CLI exits.
 */
export async function waitForInstance(ref: string, options: WaitForInstanceOptions = {}): Promise<InstanceWaitResult> {
  instanceIdOf(ref);
  const sinceMs = options.since === undefined ? undefined : durationMs(options.since, 'since', '--since', 1);
  assertGraceNeedsSince(options.since !== undefined, options.notFoundGraceMs !== undefined);
  const waitOptions = waitOptionsOf(options);
  const onProgress = options.onProgress;
  const { world, done } = apiWorld(options, true, onProgress && ((task) => onProgress(task as Task)));
  try {
    const waited = await runWaitCore({ instance: ref, sinceMs }, waitOptions, world);
    if (waited.fatal !== undefined) throw waited.fatal;
    const { instance: end, results: tasks } = waited;
    return {
      outcome: end.outcome,
      error: end.error,
      status: end.item?.status,
      results: tasks,
      tasks,
      elapsedMs: waited.elapsedMs,
      exitCode: exitCodeOf(reportedOf(waited)),
    };
  } finally {
    await done();
  }
}

/**
 * Polls one job until it is Completed or Failed and resolves with it (check `job.status`). Rejects with the error
 * whose exitCodeFor is what `rdsjob wait` would exit with: WaitTimeoutError (6, still running at the timeout),
 * ApiError (5, the last look at the timeout failed: nobody knows), NotFoundError (4, after the grace period),
 * InterruptedError (130, the signal), or the API's error.
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
      if (only.error !== undefined) {
        throw new ApiError(`job ${id}: no answer at the timeout (the last look failed: ${messageOf(only.error)})`, {
          cause: only.error,
        });
      }
      throw new WaitTimeoutError(`job ${id} did not finish in time (last status: ${only.item?.status ?? 'unknown'})`);
    default:
      throw only.error;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
