// A ListTasks `task` object (the task center). Every field may be missing in practice, and unknown fields are kept
// as received. `process` is a bare number "0"–"100" while Running, "" once finished.
import { quote } from './config/validate.js';
import { UsageError } from './errors.js';

export interface Task {
  id?: string;
  name?: string;
  instance_id?: string;
  instance_name?: string;
  instance_status?: string;
  order_id?: string;
  process?: string;
  fail_reason?: string;
  create_time?: string;
  /** The task's planned end time. */
  end_time?: string;
  status?: string;
  [key: string]: unknown;
}

/** The statuses ListTasks filters by (`status=`), as the API spells them. */
export const TASK_STATUSES = ['Running', 'Completed', 'Failed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** `running`, `RUNNING`, `Running` → `Running`, as the API spells it (`--status`, listTasks' `status`). */
export function taskStatusOf(value: unknown): TaskStatus {
  const status = TASK_STATUSES.find(
    (known) => typeof value === 'string' && known.toLowerCase() === value.toLowerCase(),
  );
  if (status === undefined)
    throw new UsageError(`invalid --status ${quote(String(value))}: use one of ${TASK_STATUSES.join(', ')} (any case)`);
  return status;
}
