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
import { assertJobIds } from './config/validate.js';
import { InterruptedError, WaitTimeoutError } from './errors.js';
import { exitCodeOf, type ExitCode } from './exit-codes.js';
import { settingFlags, type GlobalFlags } from './flags.js';
import type { Job } from './job.js';
import { DEFAULT_INTERVAL, DEFAULT_NOT_FOUND_GRACE, DEFAULT_TIMEOUT } from './wait/defaults.js';
import { parseDuration } from './duration.js';
import { waitForJobs as runWaitEngine } from './wait/engine.js';
import { quietReporter } from './wait/reporter.js';
import { VERSION } from './version.js';
import type { WaitResult } from './wait/result.js';

export type { Job, JobEntities, JobInstanceEntity } from './job.js';
export { isFinished, FINAL_STATUSES } from './job.js';
export {
  RdsjobError, UsageError, ConfigError, AuthError, NotFoundError, ApiError, NetworkError, MalformedResponseError,
  WaitTimeoutError, InterruptedError, isTransient, type ErrorDetails,
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
    env, homedir, now: Date.now, signal: options.signal, debug: options.debug, userAgent: `rdsjob/${VERSION}`,
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
      reporter: onProgress ? { ...quietReporter, observed: (_id, job) => onProgress(job) } : quietReporter,
    }),
  );
  const exitCode = result.fatal === undefined ? exitCodeOf(result.results) : exitCodeOf({ outcome: 'error', error: result.fatal });
  return { ...result, exitCode };
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
