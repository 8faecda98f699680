// The narrow interface commands use to talk to RDS; the real implementation sits on got (src/http/).
import type { ResolvedConfig } from '../config/types.js';
import type { Job } from '../job.js';
import type { Instance } from '../instance.js';
import type { Task, TaskStatus } from '../task.js';
import type { RetryPause } from '../http/client.js';

export interface CallOptions {
  signal?: AbortSignal;
  /** HTTP-level retries (network errors, 5xx, 429); `wait` passes 0 since it retries on its own schedule. */
  retries?: number;
  /** Told of each pause between those retries as it begins (a spinner says "RDS asked to wait (12s)"). */
  onPause?: (pause: RetryPause) => void;
}

export interface Api {
  /** The configuration the client was opened with, the project id resolved (and its source: cache, IAM…). */
  readonly config: ResolvedConfig;
  /**
   * One job of the configured service (RDS's ListJobInfo by default): the job in the one job model (for RDS, the
   * `job` object exactly as received; another service's fields are kept beside the model's names). Rejects with an
   * RdsjobError; a job the service does not list is a NotFoundError, as RDS's 404 is.
   */
  getJob(jobId: string, options?: CallOptions): Promise<Job>;
  /** ListTasks: one page of the task center; `query` from taskQuery(). Tasks exactly as received. RDS only. */
  listTasks(query: Array<[string, string]>, options?: CallOptions): Promise<TaskPage>;
  /** ListInstances: one page of the project's instances for these query parameters, exactly as received. RDS only. */
  listInstances(query: Array<[string, string]>, options?: CallOptions): Promise<InstancePage>;
  /** Releases keep-alive sockets so the process can exit promptly. */
  close(): void;
}

export interface ApiContext {
  /** Writes one --debug line to stderr; undefined when --debug is off. */
  debug?: (line: string) => void;
  now(): number;
  homedir: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** Ends every request of the client (a stop signal, the command's time bound). */
  signal?: AbortSignal;
  /**
   * What one request may take, all its attempts together (default 60 s): each attempt gets a third, and a
   * Retry-After longer than this ends the retries with the API's own answer.
   */
  requestBoundMs?: number;
  /** Default `rdsjob`. */
  userAgent?: string;
  /** What is left of the caller's time bound (ms), which a Retry-After is compared with; default: no bound. */
  timeLeft?: () => number;
  /** The pause between a request's attempts and the jitter of its backoff (deps.sleep, deps.random). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /**
   * The client will list tasks or instances (`list`, `wait --instance`, listTasks…): another service than RDS is
   * refused when it opens, before the IAM lookup (services/task-center.ts).
   */
  taskCenter?: boolean;
}

/** Opens a client for a configuration; may look the project id up in IAM (and cache it) first. */
export type ApiFactory = (config: ResolvedConfig, context: ApiContext) => Promise<Api>;

/** What to list. Unset filters are not sent; `startTime` and `endTime` (epoch ms) go together. */
export interface TaskFilters {
  instanceId?: string;
  status?: TaskStatus;
  name?: string;
  id?: string;
  startTime?: number;
  endTime?: number;
}

export interface TaskPage {
  tasks: Task[];
  /** How many tasks match the filters in all (the API's `total_count`), when it says. */
  totalCount?: number;
}

export interface TaskListing {
  tasks: Task[];
  /** How many tasks match in all, when the API said (more than `tasks.length` when the listing stopped at `wanted`). */
  totalCount?: number;
  /** A page came back empty: the API listed no more, whatever its total_count says. */
  exhausted: boolean;
}

export interface InstancePage {
  instances: Instance[];
  /** How many instances match in all (the API's `total_count`), when it says. */
  totalCount?: number;
}
