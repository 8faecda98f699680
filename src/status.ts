// The one status model, for jobs (ListJobInfo) and tasks (ListTasks) alike: when one is finished, how it ended, and
// its live progress. Rendering, progress lines and the wait engine all ask here, so they never disagree.

/**
 * How a service's reader marks a job whose status word ends it in its own way (TaurusDB's `Canceled`: failed), on
 * the one job model (services/job-model.ts). A symbol: never part of the JSON, never shown.
 */
export const SERVICE_VERDICT: unique symbol = Symbol('service verdict');

/** What every job or task may carry; any field may be missing or of any type in practice. */
export interface StatusItem {
  status?: unknown;
  process?: unknown;
  [SERVICE_VERDICT]?: Verdict;
}

/** The statuses that end a job or task. Anything else, unknown statuses included, means it still runs. */
export const FINAL_STATUSES = ['Completed', 'Failed'] as const;

/** How a finished job or task ended. */
export type Verdict = 'completed' | 'failed';

/** The status without the stray spaces RDS puts in some fields (it does so in `name` and `process`). */
export function statusOf(item: StatusItem | undefined): string | undefined {
  return typeof item?.status === 'string' ? item.status.trim() : undefined;
}

/** Completed → completed, Failed → failed, or what the service's reader said; undefined while it still runs. */
export function verdictOf(item: StatusItem | undefined): Verdict | undefined {
  const status = statusOf(item);
  return status === 'Completed' ? 'completed' : status === 'Failed' ? 'failed' : item?.[SERVICE_VERDICT];
}

export function isFinished(item: StatusItem | undefined): boolean {
  return verdictOf(item) !== undefined;
}

/**
 * The percentage 0..100 while it runs; undefined once finished (RDS leaves a stale `process`, "60% ", on finished
 * jobs and "" on finished tasks) or when `process` carries none. Jobs say "60%", tasks a bare "60".
 */
export function liveProgress(item: StatusItem | undefined): number | undefined {
  return item === undefined || isFinished(item) ? undefined : parseProgress(item.process);
}

/** The `process` field as a percentage 0..100 (clamped), or undefined when it carries none. */
export function parseProgress(process: unknown): number | undefined {
  let n: number;
  if (typeof process === 'number') {
    n = process;
  } else if (typeof process === 'string') {
    const m = /^\s*([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*%?\s*$/.exec(process);
    if (!m) return undefined;
    n = Number(m[1]);
  } else {
    return undefined;
  }
  if (!Number.isFinite(n)) return undefined;
  return Math.min(100, Math.max(0, n));
}

/** What an instance's status means for the next change. */
export type InstanceReadiness = 'free' | 'busy' | 'broken';

/** The status in which RDS accepts a change: with no Running task, the instance is free (docs/instances.md). */
const FREE_STATUS = 'ACTIVE';

/**
 * No wait makes these free: the instance needs someone's action, and which. One table for the statuses and their
 * hints, so a broken status never goes without a hint.
 */
const BROKEN_INSTANCE_HINTS: Readonly<Record<string, string>> = {
  FAILED: 'the instance failed: check it in the console before any change',
  FROZEN: 'the instance is frozen (often billing): unfreeze it in the console',
  'STORAGE FULL': 'scale up the storage (or free space), then run the change again',
};

/** What to do about a broken status (FAILED, FROZEN, STORAGE FULL); undefined for any other. */
export function brokenHint(status: string | undefined): string | undefined {
  const s = status?.trim();
  return s !== undefined && Object.hasOwn(BROKEN_INSTANCE_HINTS, s) ? BROKEN_INSTANCE_HINTS[s] : undefined;
}

/**
 * ACTIVE: RDS accepts a change. FAILED, FROZEN, STORAGE FULL: broken, no wait helps. Anything else (BACKING UP,
 * REBOOTING, MODIFYING…, unknown statuses, none) is busy: waited out.
 */
export function instanceStateOf(status: string | undefined): InstanceReadiness {
  if (status?.trim() === FREE_STATUS) return 'free';
  return brokenHint(status) === undefined ? 'busy' : 'broken';
}
