// Several jobs, one row each. A missing value reads "-" rather than leaving a gap that shifts the eye to the next column.
import type { Job } from '../job.js';
import { paint } from './color.js';
import type { RenderOptions } from './options.js';
import { formatProgress, parseProgress } from './progress.js';
import { paintStatus } from './status.js';
import { columns } from './table.js';
import { asRecord, scalarText } from './text.js';
import { formatLocalTime, parseRdsTime } from './time.js';

const JOBS_COLUMNS = ['ID', 'NAME', 'STATUS', 'PROGRESS', 'CREATED', 'INSTANCE'] as const;

/**
 * CREATED is the absolute local time with its offset (not an age): several-job listings end up in CI logs that are
 * read long after they were written, and the single-job view already shows the age.
 */
export function renderJobs(jobs: readonly Job[], opts: RenderOptions): string {
  const chalk = paint(opts.color);
  const timeZone = opts.timeZone; // undefined: the process's local zone
  const list: readonly unknown[] = Array.isArray(jobs) ? jobs : [];
  const rows = list.map((job) => {
    const j = asRecord(job) ?? {};
    const status = scalarText(j.status);
    const finished = status === 'Completed' || status === 'Failed';
    const progress = finished ? undefined : parseProgress(j.process);
    const created = parseRdsTime(j.created);
    const instance = asRecord(j.instance);
    return [
      scalarText(j.id),
      scalarText(j.name),
      status === undefined ? undefined : paintStatus(status, chalk),
      progress === undefined ? undefined : formatProgress(progress),
      created === undefined ? scalarText(j.created) : formatLocalTime(created, timeZone),
      instance ? scalarText(instance.name) ?? scalarText(instance.id) : scalarText(j.instance),
    ].map((cell) => cell ?? '-');
  });
  return columns([JOBS_COLUMNS.map((h) => chalk.bold(h)), ...rows]);
}
