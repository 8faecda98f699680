// Task-center tasks, one row each, in the API's order: ID, NAME, STATUS, PROGRESS (while Running), INSTANCE (name,
// else id), CREATED (local time and age). A missing value reads "-". The result of `wait --instance` (`ended`)
// adds what the job table has: ENDED and TOOK once a task finished, and REASON when one Failed.
import type { Task } from '../task.js';
import { paint } from './color.js';
import type { RenderOptions } from './options.js';
import { isFinished, liveProgress, verdictOf } from '../status.js';
import { formatProgress } from './progress.js';
import { paintStatus } from './status.js';
import { columns } from './table.js';
import { asRecord, scalarText } from './text.js';
import { formatAge, formatLocalTime, parseRdsTime, roughDuration } from './time.js';

const TASK_COLUMNS = ['ID', 'NAME', 'STATUS', 'PROGRESS', 'INSTANCE', 'CREATED'] as const;
const ENDED_COLUMNS = ['ENDED', 'TOOK'] as const;
/** The last column, only when a task Failed (as in the job table). */
const REASON_COLUMN = 'REASON';

export interface TasksTable {
  text: string;
  /** Each row's fail reason (the last column), for fit-reasons.ts to cut on a terminal. */
  reasons: (string | undefined)[];
}

export function renderTasks(tasks: readonly Task[], opts: RenderOptions): string {
  return tasksTable(tasks, opts, false).text;
}

/**
 * `ended`: the wait's result, with ENDED and TOOK. ListTasks' `end_time` is the task's planned end while it runs
 * and its end once it finished, so ENDED and TOOK are shown only for finished tasks.
 */
export function tasksTable(tasks: readonly Task[], opts: RenderOptions, ended: boolean): TasksTable {
  const chalk = paint(opts.color);
  const records = tasks.map((task) => asRecord(task) ?? {});
  const anyFailed = ended && records.some((t) => verdictOf(t) === 'failed');
  const reasons: (string | undefined)[] = [];
  const rows = records.map((t) => {
    const status = scalarText(t.status);
    const progress = liveProgress(t);
    const created = parseRdsTime(t.create_time);
    const end = isFinished(t) ? parseRdsTime(t.end_time) : undefined;
    const reason = verdictOf(t) === 'failed' ? scalarText(t.fail_reason) : undefined;
    reasons.push(anyFailed ? reason : undefined);
    const cells = [
      scalarText(t.id),
      scalarText(t.name),
      status === undefined ? undefined : paintStatus(status, chalk),
      progress === undefined ? undefined : formatProgress(progress),
      scalarText(t.instance_name) ?? scalarText(t.instance_id),
      created === undefined
        ? scalarText(t.create_time)
        : `${formatLocalTime(created, opts.timeZone)} (${formatAge(created, opts.now)})`,
    ];
    if (ended) {
      cells.push(
        end === undefined ? undefined : formatLocalTime(end, opts.timeZone),
        created !== undefined && end !== undefined && end >= created ? roughDuration(end - created) : undefined,
      );
    }
    if (anyFailed) cells.push(reason);
    return cells.map((cell) => cell ?? '-');
  });
  const head = [...TASK_COLUMNS, ...(ended ? ENDED_COLUMNS : []), ...(anyFailed ? [REASON_COLUMN] : [])];
  return { text: columns([head.map((h) => chalk.bold(h)), ...rows]), reasons };
}
