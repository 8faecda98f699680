// Several jobs, one row each. A missing value reads "-" rather than leaving a gap that shifts the eye to the next column.
import type { Job } from '../job.js';
import { paint } from './color.js';
import type { RenderOptions } from './options.js';
import { liveProgress, verdictOf } from '../status.js';
import { formatProgress } from './progress.js';
import { pipedText, type ColumnRole, type ResultTable } from './result-table.js';
import { asRecord, scalarText } from './text.js';
import { formatAge, formatLocalTime, itemDuration, parseRdsTime } from './time.js';

const JOBS_COLUMNS: readonly ColumnRole[] = [
  'id',
  'name',
  'status',
  'progress',
  'created',
  'ended',
  'took',
  'instance',
];
/** On a terminal ENDED is folded into TOOK (the one follows from CREATED and the other). */
const TERMINAL_COLUMNS = JOBS_COLUMNS.filter((column) => column !== 'ended');

/**
 * CREATED and ENDED are absolute local times with their offset (not ages): several-job listings end up in CI logs
 * that are read long after they were written, and the single-job view already shows the age.
 */
export function renderJobs(jobs: readonly Job[], opts: RenderOptions): string {
  return pipedText(jobsTable(jobs, opts), paint(opts.color));
}

/**
 * The table's cells. `terminal`: for a reader at a terminal (docs/tables.md), CREATED is an age and ENDED is left
 * to TOOK; otherwise every column as scripts have always read it. REASON, the last column, only when a job Failed:
 * a column of "-" in every other listing would be noise.
 */
export function jobsTable(jobs: readonly Job[], opts: RenderOptions, terminal = false): ResultTable {
  const timeZone = opts.timeZone; // undefined: the process's local zone
  const list: readonly unknown[] = Array.isArray(jobs) ? jobs : [];
  const time = (ms: number | undefined, raw: unknown) =>
    ms === undefined ? scalarText(raw) : formatLocalTime(ms, timeZone);
  const records = list.map((job) => asRecord(job) ?? {});
  const anyFailed = records.some((j) => verdictOf(j) === 'failed');
  const columns: ColumnRole[] = [
    ...(terminal ? TERMINAL_COLUMNS : JOBS_COLUMNS),
    ...(anyFailed ? ['reason' as const] : []),
  ];
  const rows = records.map((j) => {
    const progress = liveProgress(j);
    const created = parseRdsTime(j.created);
    const ended = parseRdsTime(j.ended);
    const instance = asRecord(j.instance);
    const cells: Record<ColumnRole, string | undefined> = {
      id: scalarText(j.id),
      name: scalarText(j.name),
      status: scalarText(j.status),
      progress: progress === undefined ? undefined : formatProgress(progress),
      created: terminal && created !== undefined ? formatAge(created, opts.now) : time(created, j.created),
      ended: time(ended, j.ended),
      took: itemDuration(j),
      instance: instance ? (scalarText(instance.name) ?? scalarText(instance.id)) : scalarText(j.instance),
      reason: verdictOf(j) === 'failed' ? scalarText(j.fail_reason) : undefined,
    };
    return columns.map((column) => cells[column] ?? '-');
  });
  return { columns, rows, statuses: records.map((j) => scalarText(j.status)) };
}
