// Several jobs, one row each. A missing value reads "-" rather than leaving a gap that shifts the eye to the next column.
import type { Job } from '../job.js';
import { paint } from './color.js';
import type { RenderOptions } from './options.js';
import { liveProgress, verdictOf } from '../status.js';
import { formatProgress } from './progress.js';
import { paintStatus } from './status.js';
import { columns } from './table.js';
import { asRecord, scalarText } from './text.js';
import { formatLocalTime, parseRdsTime, roughDuration } from './time.js';

const JOBS_COLUMNS = ['ID', 'NAME', 'STATUS', 'PROGRESS', 'CREATED', 'ENDED', 'TOOK', 'INSTANCE'] as const;
/** The last column, only when a job Failed: a column of "-" in every other listing would be noise. */
const REASON_COLUMN = 'REASON';

export interface JobsTable {
  text: string;
  /** Each row's fail reason (the last column), for fit-reasons.ts to cut on a terminal. */
  reasons: (string | undefined)[];
}

/**
 * CREATED and ENDED are absolute local times with their offset (not ages): several-job listings end up in CI logs
 * that are read long after they were written, and the single-job view already shows the age. Reasons are whole
 * here; on a terminal, render/result.ts has them cut to its width (fit-reasons.ts).
 */
export function renderJobs(jobs: readonly Job[], opts: RenderOptions): string {
  return jobsTable(jobs, opts).text;
}

export function jobsTable(jobs: readonly Job[], opts: RenderOptions): JobsTable {
  const chalk = paint(opts.color);
  const timeZone = opts.timeZone; // undefined: the process's local zone
  const list: readonly unknown[] = Array.isArray(jobs) ? jobs : [];
  const time = (ms: number | undefined, raw: unknown) =>
    ms === undefined ? scalarText(raw) : formatLocalTime(ms, timeZone);
  const records = list.map((job) => asRecord(job) ?? {});
  const anyFailed = records.some((j) => verdictOf(j) === 'failed');
  const reasons: (string | undefined)[] = [];
  const rows = records.map((j) => {
    const status = scalarText(j.status);
    const progress = liveProgress(j);
    const created = parseRdsTime(j.created);
    const ended = parseRdsTime(j.ended);
    const instance = asRecord(j.instance);
    const reason = verdictOf(j) === 'failed' ? scalarText(j.fail_reason) : undefined;
    reasons.push(reason);
    const cells = [
      scalarText(j.id),
      scalarText(j.name),
      status === undefined ? undefined : paintStatus(status, chalk),
      progress === undefined ? undefined : formatProgress(progress),
      time(created, j.created),
      time(ended, j.ended),
      created !== undefined && ended !== undefined && ended >= created ? roughDuration(ended - created) : undefined,
      instance ? (scalarText(instance.name) ?? scalarText(instance.id)) : scalarText(j.instance),
      ...(anyFailed ? [reason] : []),
    ];
    return cells.map((cell) => cell ?? '-');
  });
  const head = [...JOBS_COLUMNS, ...(anyFailed ? [REASON_COLUMN] : [])].map((h) => chalk.bold(h));
  return { text: columns([head, ...rows]), reasons };
}
