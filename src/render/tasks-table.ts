// Task-center tasks, one row each, in the API's order: ID, NAME, STATUS, PROGRESS (while Running), INSTANCE (name,
// else id), CREATED (local time and age). A missing value reads "-". The result of `wait --instance` (its results)
// adds what the job table has: ENDED and TOOK once a task finished, and REASON when one Failed.
import type { Task } from '../task.js';
import { paint } from './color.js';
import type { RenderOptions } from './options.js';
import { isFinished, liveProgress, verdictOf } from '../status.js';
import { formatProgress } from './progress.js';
import { pipedText, type ColumnRole, type ResultTable } from './result-table.js';
import { asRecord, scalarText } from './text.js';
import { formatAge, formatLocalTime, itemDuration, parseRdsTime } from './time.js';

const TASK_COLUMNS: readonly ColumnRole[] = ['id', 'name', 'status', 'progress', 'instance', 'created'];

/** The results of `wait --instance`, by task id: when the wait saw each task end (ItemResult.endedAt). */
export type Waited = readonly { id: string; endedAt?: number }[];

/** The table as piped output has it (every column, every value whole). */
export function renderTasks(tasks: readonly Task[], opts: RenderOptions, waited?: Waited): string {
  return pipedText(tasksTable(tasks, opts, waited), paint(opts.color));
}

/**
 * `waited`: the wait's results, with ENDED and TOOK. ListTasks' `end_time` is the task's planned end, not when it
 * ended, so both come from what the wait saw (the look that found the task finished), marked approximate (`~`), and
 * read `-` for a task already finished when first seen (nobody knows when it ended) or still running. `terminal`: for
 * a reader at a terminal (docs/tables.md), CREATED is only its age and ENDED is left to TOOK.
 */
export function tasksTable(
  tasks: readonly Task[],
  opts: RenderOptions,
  waited?: Waited,
  terminal = false,
): ResultTable {
  const ended = waited !== undefined;
  const seenEnds = new Map(waited?.map((r) => [r.id, r.endedAt]));
  const records = tasks.map((task) => asRecord(task) ?? {});
  const anyFailed = ended && records.some((t) => verdictOf(t) === 'failed');
  const endColumns: ColumnRole[] = ended ? (terminal ? ['took'] : ['ended', 'took']) : [];
  const columns: ColumnRole[] = [...TASK_COLUMNS, ...endColumns, ...(anyFailed ? ['reason' as const] : [])];
  const rows = records.map((t) => {
    const progress = liveProgress(t);
    const created = parseRdsTime(t.create_time);
    const id = scalarText(t.id);
    const end = isFinished(t) && id !== undefined ? seenEnds.get(id) : undefined;
    const age = created === undefined ? undefined : formatAge(created, opts.now);
    const cells: Record<ColumnRole, string | undefined> = {
      id,
      name: scalarText(t.name),
      status: scalarText(t.status),
      progress: progress === undefined ? undefined : formatProgress(progress),
      instance: scalarText(t.instance_name) ?? scalarText(t.instance_id),
      created:
        created === undefined
          ? scalarText(t.create_time)
          : terminal
            ? age
            : `${formatLocalTime(created, opts.timeZone)} (${age})`,
      ended: end === undefined ? undefined : `~${formatLocalTime(end, opts.timeZone)}`,
      // The one rule every view of the wait says it by (its ✔ line, the step summary): item-text.ts tookOf.
      took: end === undefined ? undefined : itemDuration(t, end),
      reason: verdictOf(t) === 'failed' ? scalarText(t.fail_reason) : undefined,
    };
    return columns.map((column) => cells[column] ?? '-');
  });
  return { columns, rows, statuses: records.map((t) => scalarText(t.status)) };
}
