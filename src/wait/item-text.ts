// Short, safe text about a job for progress lines. API data is untrusted: everything goes through scalarText.
import type { ProgressItem } from './reporter.js';
import { formatProgress } from '../render/progress.js';
import { liveProgress, statusOf } from '../status.js';
import { sanitize, scalarText } from '../render/text.js';
import { formatElapsed } from '../duration.js';
import { ENDED_BEFORE_WAIT } from '../outcome.js';
import { itemDuration } from '../render/time.js';
import { hasEnded, type ItemResult } from './result.js';

const SHORT = 8;
/** Ids up to this long are shown whole: cutting them would hide more than it saves. */
const WHOLE = 16;

/** `a9767ede…` for each long id (UUIDs), unless two ids share that prefix (then every id is shown whole). */
export function shortIds(ids: readonly string[]): Map<string, string> {
  const short = (id: string) => (id.length > WHOLE ? `${id.slice(0, SHORT)}…` : id);
  const distinct = new Set(ids.map(short)).size === new Set(ids).size;
  return new Map(ids.map((id) => [id, sanitize(distinct ? short(id) : id)]));
}

export function jobName(job: ProgressItem | undefined): string | undefined {
  return scalarText(job?.name);
}

/** `Running 60%`, `Completed`, or an unknown status as the API sent it. */
export function stateText(job: ProgressItem): string {
  const status = scalarText(job.status) ?? 'no status';
  const progress = liveProgress(job);
  return progress === undefined ? status : `${status} ${formatProgress(progress)}`;
}

function failReason(job: ProgressItem | undefined): string | undefined {
  return scalarText(job?.fail_reason);
}

/** The fail reason, or that RDS gave none: a Failed line always says why, or that nobody said. */
export function reasonText(job: ProgressItem | undefined): string {
  return failReason(job) ?? '(no reason given)';
}

type Took = Pick<ItemResult, 'outcome' | 'item' | 'elapsedMs' | 'endedBeforeWait' | 'endedAt'>;

/**
 * How long an item took, for every view of a wait (line, live view, table, step summary): once it ended, its own
 * duration (render/time.ts itemDuration: a job's created → ended, a task's creation → when the wait saw it end, `~`);
 * while it runs, or when it does not say when it was created, how long the wait followed it. Undefined when nobody
 * knows: a task that had ended before the wait began.
 */
export function tookOf(result: Took): string | undefined {
  if (result.endedBeforeWait) return undefined;
  return (hasEnded(result) ? itemDuration(result.item, result.endedAt) : undefined) ?? formatElapsed(result.elapsedMs);
}

/** tookOf, or that it had ended before the wait began. */
export function tookText(result: Took): string {
  return tookOf(result) ?? ENDED_BEFORE_WAIT;
}

/** The error's message on one line (our errors already name the HTTP status and request id). */
export function errorText(error: unknown): string {
  return sanitize(error instanceof Error ? error.message : String(error));
}

/**
 * The word a job that ended without success is shown with: a service's own (TaurusDB's `Canceled`, sanitized as
 * received), or undefined for `Failed`, which the caller words itself.
 */
export function ownEnding(job: ProgressItem | undefined): string | undefined {
  return statusOf(job) === 'Failed' ? undefined : scalarText(job?.status);
}
