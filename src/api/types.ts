// The narrow interface commands use to talk to RDS; the real implementation sits on got (src/http/).
import type { ResolvedConfig } from '../config/types.js';
import type { Job } from '../job.js';

export interface JobsApi {
  /** ListJobInfo. Resolves with the `job` object exactly as received; rejects with an RdsjobError. */
  getJob(jobId: string, options?: { signal?: AbortSignal }): Promise<Job>;
  /** Releases keep-alive sockets so the process can exit promptly. */
  close(): void;
}

export interface JobsApiContext {
  /** Writes one --debug line to stderr; undefined when --debug is off. */
  debug?: (line: string) => void;
  now(): number;
  homedir: string;
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  /** Retry limit for the ListJobInfo requests (network errors, 5xx, 429); `wait` passes 0 since it retries on its own
   * schedule. The one-off IAM project lookup keeps the default either way. */
  retries?: number;
}

/** Makes a client for a configuration; may look the project id up in IAM (and cache it) first. */
export type JobsApiFactory = (config: ResolvedConfig, context: JobsApiContext) => Promise<JobsApi>;
