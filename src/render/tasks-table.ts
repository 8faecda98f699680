// Task-center tasks, one row each, in the API's order: ID, NAME, STATUS, PROGRESS (while Running), INSTANCE (name,
// else id), CREATED (local time and age). A missing value reads "-".
import type { Task } from '../task.js';
import { paint } from './color.js';
import type { RenderOptions } from './options.js';
import { liveProgress } from '../status.js';
import { formatProgress } from './progress.js';
import { paintStatus } from './status.js';
import { columns } from './table.js';
import { asRecord, scalarText } from './text.js';
import { formatAge, formatLocalTime, parseRdsTime } from './time.js';

const TASK_COLUMNS = ['ID', 'NAME', 'STATUS', 'PROGRESS', 'INSTANCE', 'CREATED'] as const;

export function renderTasks(tasks: readonly Task[], opts: RenderOptions): string {
  const chalk = paint(opts.color);
  const rows = tasks.map((task) => {
    const t = asRecord(task) ?? {};
    const status = scalarText(t.status);
    const progress = liveProgress(t);
    const created = parseRdsTime(t.create_time);
    return [
      scalarText(t.id),
      scalarText(t.name),
      status === undefined ? undefined : paintStatus(status, chalk),
      progress === undefined ? undefined : formatProgress(progress),
      scalarText(t.instance_name) ?? scalarText(t.instance_id),
      created === undefined
        ? scalarText(t.create_time)
        : `${formatLocalTime(created, opts.timeZone)} (${formatAge(created, opts.now)})`,
    ].map((cell) => cell ?? '-');
  });
  return columns([TASK_COLUMNS.map((h) => chalk.bold(h)), ...rows]);
}
