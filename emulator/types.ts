// The emulator's vocabulary: what a test scripts (jobs, faults, credentials) and what it can observe (the log).

/**
 * A job as ListJobInfo serves it (huawei-rds-api.md § The job object), or as a sibling service does (its own field
 * names: `progress`, GeminiDB's `start_time`/`end_time`). The emulator's own description of the wire, not rdsjob's
 * type: any field may be missing, any other field may be added.
 */
export interface JobRecord {
  id?: string;
  name?: string;
  status?: string;
  created?: string;
  ended?: string;
  process?: string;
  instance?: { id?: string; name?: string; [key: string]: unknown };
  entities?: Record<string, unknown>;
  fail_reason?: string;
  [key: string]: unknown;
}

/** The database services whose job API the emulator can serve; each emulator serves one. */
export type EmulatedService = 'rds' | 'taurusdb' | 'gaussdb' | 'dds' | 'geminidb';
export type SiblingService = Exclude<EmulatedService, 'rds'>;

export interface EmulatorCredential {
  accessKey: string;
  secretKey: string;
  /** When set, requests signed with this AK must send (and sign) a matching X-Security-Token. */
  securityToken?: string;
}

/** An IAM project; `name` is the region id, as in KeystoneListProjects. */
export interface EmulatorProject {
  id: string;
  name: string;
}

/** A scripted failure served instead of a job for one poll. */
export type Fault =
  | { fault: 'status'; status: number; body?: string; contentType?: string }
  | { fault: 'html'; status?: number }
  | { fault: 'throttle'; retryAfter?: string }
  | { fault: 'reset' }
  | { fault: 'hang' }
  | { fault: 'malformed' }
  | { fault: 'no-job' }
  | { fault: 'big'; bytes: number }
  | { fault: 'raw'; status: number; headers?: Record<string, string>; body: string };

export type Step = JobRecord | Fault;

/** A task as ListTasks serves it (huawei-rds-api.md § The task center); `process` is "0"–"100" while Running. */
export interface TaskRecord {
  id?: string;
  name?: string;
  instance_id?: string;
  instance_name?: string;
  instance_status?: string;
  order_id?: string;
  process?: string;
  fail_reason?: string;
  create_time?: string;
  end_time?: string;
  status?: string;
  [key: string]: unknown;
}

/**
 * One task's history in the task center: each request that consults it shows the next step, the last repeating.
 * Filters (instance, id, name, order, time window) are matched against the first step.
 */
export interface TaskScript {
  /**
   * What each request that consults the task sees, the last repeating; `null`: not listed at all that time (the
   * task center lags behind its own Running list). The first step is a record: it is what filters match.
   */
  steps: Array<TaskRecord | null>;
  /** Hidden from the first requests that consult it (a task that starts during a wait). */
  hiddenPolls?: number;
}

/** A ListInstances `instance` object, as the API serves it (any field may be added). */
export interface InstanceRecord {
  id: string;
  name: string;
  /** ACTIVE, BACKING UP, REBOOTING, MODIFYING, FAILED, FROZEN, STORAGE FULL, … (some contain spaces). */
  status: string;
  type?: string;
  datastore?: { type?: string; version?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * One instance's history: each ListInstances request that matches it shows the next step, the last repeating;
 * `null`: it is gone (deleted). Filters match the first step. A Flexus instance is listed only with
 * `group_type=flexus`.
 */
export interface InstanceScript {
  steps: Array<InstanceRecord | null>;
  flexus?: boolean;
}

/**
 * A job's history as the API will reveal it: the first `notFoundPolls` polls answer 404 ("not visible yet"),
 * then each poll serves the next step; the last step repeats forever.
 */
export interface JobScript {
  steps: Step[];
  notFoundPolls?: number;
}

export interface EmulatorOptions {
  /**
   * The service whose API this emulator serves (default `rds`: ListJobInfo, ListTasks, ListInstances). Another
   * service serves only its own jobs call (siblings.ts), its jobs in its own shape; IAM is served by every one.
   */
  service?: EmulatedService;
  credentials: EmulatorCredential[];
  /** IAM tokens accepted in X-Auth-Token. */
  authTokens?: string[];
  projects: EmulatorProject[];
  jobs?: Record<string, JobScript>;
  /** The task center's tasks, in the order ListTasks lists them. */
  tasks?: TaskScript[];
  /** The project's instances, in the order ListInstances lists them. */
  instances?: InstanceScript[];
  /** The gateway's clock in epoch ms, against which X-Sdk-Date must be within 15 minutes. */
  now?: () => number;
  /**
   * The gateway's AK lockout (more than 5 consecutive signature failures lock the key for 5 minutes of `now`).
   * Default on, as on the real gateway; `false` turns it off.
   */
  akLockout?: boolean;
  port?: number;
  host?: string;
}

export interface LoggedRequest {
  method: string;
  /** Raw path as it arrived, without the query string. */
  path: string;
  /** Raw query string as it arrived, without the `?` ('' when none). */
  query: string;
  /** Lower-case names, values as received. */
  headers: Record<string, string | string[] | undefined>;
  /** Status served; 0 when the connection was reset or left hanging. */
  status: number;
  /** Whether the gateway authenticated the request (false: it was answered 401). */
  accepted: boolean;
  /** The `id` query parameter of a jobs request. */
  jobId?: string;
  /** Which API the request was for, when the gateway routed it. */
  api?:
    | 'ListJobInfo'
    | 'ListTasks'
    | 'ListInstances'
    | 'KeystoneListProjects'
    | 'ShowGaussMySqlJobInfo'
    | 'ShowJobDetail'
    | 'ListJobs';
  /** Gateway clock (epoch ms) when the request arrived. */
  time: number;
}

export interface Emulator {
  /** The service it serves. */
  service: EmulatedService;
  /** `http://127.0.0.1:PORT`, for both the service's and the IAM endpoint. */
  url: string;
  requests: LoggedRequest[];
  setJob(id: string, script: JobScript): void;
  /** Replaces the task center's tasks (their histories start again). */
  setTasks(scripts: TaskScript[]): void;
  /** The next requests to the task list fail with these faults, one each. */
  failTaskList(...faults: Fault[]): void;
  /** Replaces the project's instances (their histories start again). */
  setInstances(scripts: InstanceScript[]): void;
  /** The next requests to the instance list fail with these faults, one each. */
  failInstanceList(...faults: Fault[]): void;
  /** Whether the gateway currently refuses this access key (see `akLockout`). */
  isLocked(accessKey: string): boolean;
  /** Clears the request log, every job's poll counter and every AK lock. */
  reset(): void;
  close(): Promise<void>;
}
