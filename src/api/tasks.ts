// RDS ListTasks (the task center): `GET {endpoint}/v3/{project_id}/tasklist?…` → one page of `task` objects, each
// exactly as received, and the paging that reads as many pages as a listing needs.
import { assertJobIds, instanceIdOf } from '../config/validate.js';
import { UsageError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import { type Task, taskStatusOf } from '../task.js';
import { fetchListPage } from './list-page.js';
import type { CallOptions, TaskFilters, TaskListing, TaskPage } from './types.js';

/** The largest page ListTasks serves (`limit` 1–50). */
export const TASK_PAGE_SIZE = 50;

/** `--since`: tasks created from `sinceMs` before `now` up to `now` (the API takes both ends, in epoch ms). */
export function sinceWindow(sinceMs: number | undefined, now: number): Pick<TaskFilters, 'startTime' | 'endTime'> {
  return sinceMs === undefined ? {} : { startTime: now - sinceMs, endTime: now };
}

/**
 * Filters from a program (the programmatic listTasks), checked by the rules `rdsjob list` checks its flags by:
 * UsageError (exit 2) before any request, never the API's 400 after it.
 */
export function checkedTaskFilters(filters: TaskFilters): TaskFilters {
  const { instanceId, status, name, id, startTime, endTime } = filters;
  if (instanceId !== undefined) instanceIdOf(instanceId);
  if (id !== undefined) assertJobIds([id]);
  if (name === '') throw new UsageError('invalid name "": give a task name, e.g. ResizeFlavor');
  if ((startTime === undefined) !== (endTime === undefined)) {
    throw new UsageError('invalid time window: give startTime and endTime together (ListTasks needs both or neither)');
  }
  for (const [what, ms] of [
    ['startTime', startTime],
    ['endTime', endTime],
  ] as const) {
    if (ms !== undefined && !(Number.isSafeInteger(ms) && ms >= 0))
      throw new UsageError(`invalid ${what} ${String(ms)}: use milliseconds since the epoch`);
  }
  if (startTime !== undefined && endTime !== undefined && startTime > endTime)
    throw new UsageError(`invalid time window: startTime ${startTime} is after endTime ${endTime}`);
  return { ...filters, status: status === undefined ? undefined : taskStatusOf(status) };
}

/** The query ListTasks takes for these filters and this page, in the API's names. */
export function taskQuery(filters: TaskFilters, offset: number, limit: number): Array<[string, string]> {
  const query: Array<[string, string]> = [];
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined) query.push([name, String(value)]);
  };
  add('instance_id', filters.instanceId);
  add('status', filters.status);
  add('name', filters.name);
  add('id', filters.id);
  add('start_time', filters.startTime);
  add('end_time', filters.endTime);
  add('offset', offset);
  add('limit', limit);
  return query;
}

export async function fetchTaskPage(
  http: HttpClient,
  endpoint: string,
  projectId: string,
  query: Array<[string, string]>,
  options: CallOptions = {},
): Promise<TaskPage> {
  const list = { resource: 'tasklist', member: 'tasks', noun: 'task' };
  const { items, totalCount } = await fetchListPage<Task>(http, endpoint, projectId, list, query, options);
  return { tasks: items, totalCount };
}

/**
 * Up to `wanted` tasks, one page after another: pages of 50 (fewer only for the last page `wanted` needs), until
 * `wanted` tasks are there, the API's total_count is reached, or a page comes back empty.
 */
export async function listTaskPages(
  fetchPage: (offset: number, limit: number) => Promise<TaskPage>,
  wanted: number,
): Promise<TaskListing> {
  const tasks: Task[] = [];
  let totalCount: number | undefined;
  let exhausted = false;
  while (tasks.length < wanted) {
    const limit = Math.min(TASK_PAGE_SIZE, wanted - tasks.length);
    const page = await fetchPage(tasks.length, limit);
    totalCount = page.totalCount ?? totalCount;
    tasks.push(...page.tasks.slice(0, limit));
    if (page.tasks.length === 0) {
      exhausted = true;
      break;
    }
    if (totalCount !== undefined && tasks.length >= totalCount) break;
  }
  return { tasks, totalCount, exhausted };
}
