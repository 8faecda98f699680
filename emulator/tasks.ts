// RDS ListTasks (`GET /v3/{project_id}/tasklist`), the task center, after the gateway has authenticated the request.
// Every documented query parameter is checked as the API does (400 DBS.200001 "Parameter error." otherwise):
// offset ≥ 0, limit 1–50, status one of the three, start_time and end_time together and in milliseconds, and no
// parameter the API does not know.
import { faultReply } from './faults.js';
import { jsonReply, serviceError, type Reply } from './reply.js';
import { PARAMETER_ERROR } from './rds.js';
import type { Fault, TaskRecord, TaskScript } from './types.js';

export const TASK_STATUSES = ['Running', 'Completed', 'Failed'] as const;
const KNOWN = new Set(['offset', 'limit', 'id', 'instance_id', 'order_id', 'name', 'status', 'start_time', 'end_time']);
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;
/** Epoch milliseconds as RDS takes them: 13 digits (a value in seconds has 10). */
const MILLISECONDS = /^\d{13}$/;

/** `/v3/{project_id}/tasklist` → the project id; undefined for any other path. */
export function matchTaskListPath(segments: readonly string[]): string | undefined {
  const [root, version, projectId, resource, ...rest] = segments;
  const exact = root === '' && version === 'v3' && resource === 'tasklist' && rest.length === 0;
  return exact && projectId !== undefined && projectId !== '' ? projectId : undefined;
}

interface Filters {
  offset: number;
  limit: number;
  id?: string;
  instanceId?: string;
  orderId?: string;
  name?: string;
  status?: string;
  window?: [number, number];
}

/** The filters of a query, or undefined when the API would answer "Parameter error.". */
export function parseTaskQuery(query: ReadonlyArray<readonly [string, string]>): Filters | undefined {
  const values = new Map<string, string>();
  for (const [name, value] of query) {
    if (!KNOWN.has(name) || values.has(name)) return undefined;
    values.set(name, value);
  }
  const offset = values.get('offset') ?? '0';
  const limit = values.get('limit') ?? String(DEFAULT_LIMIT);
  if (!/^\d+$/.test(offset) || !/^\d+$/.test(limit)) return undefined;
  if (Number(limit) < 1 || Number(limit) > MAX_LIMIT) return undefined;
  const status = values.get('status');
  if (status !== undefined && !(TASK_STATUSES as readonly string[]).includes(status)) return undefined;
  const start = values.get('start_time');
  const end = values.get('end_time');
  if ((start === undefined) !== (end === undefined)) return undefined;
  if (start !== undefined && (!MILLISECONDS.test(start) || !MILLISECONDS.test(end!) || Number(start) > Number(end)))
    return undefined;
  return {
    offset: Number(offset),
    limit: Number(limit),
    id: values.get('id'),
    instanceId: values.get('instance_id'),
    orderId: values.get('order_id'),
    name: values.get('name'),
    status,
    window: start === undefined ? undefined : [Number(start), Number(end)],
  };
}

/** `2020-07-15T07:46:10+0000` → epoch ms. */
function createdAt(task: TaskRecord): number | undefined {
  const text =
    typeof task.create_time === 'string' ? task.create_time.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : undefined;
  const ms = text === undefined ? NaN : Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The task center's scripted histories. Every request a task is consulted by (its instance, id, name, order and
 * time window match; the status filter is applied after) shows its next step, the last step repeating; a task is
 * hidden from the first `hiddenPolls` requests that consult it. Requests to the task list can also be scripted to
 * fail, one fault per request, before any task is consulted.
 */
export class TaskBook {
  private scripts: TaskScript[] = [];
  private readonly consulted = new Map<TaskScript, number>();
  private faults: Fault[] = [];

  constructor(scripts: readonly TaskScript[] = []) {
    this.set(scripts);
  }

  /** Replaces every task (in the order the API lists them) and starts their histories again. */
  set(scripts: readonly TaskScript[]): void {
    this.scripts = [...scripts];
    this.consulted.clear();
  }

  /** The next requests to the task list fail with these, one each, in order. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  resetPolls(): void {
    this.consulted.clear();
    this.faults = [];
  }

  answer(filters: Filters, jobId: string, requestId: string): Reply {
    const fault = this.faults.shift();
    if (fault !== undefined) return faultReply(fault, jobId, requestId);
    const matching: TaskRecord[] = [];
    for (const script of this.scripts) {
      const task = this.consult(script, filters);
      if (task !== undefined && (filters.status === undefined || task.status === filters.status)) matching.push(task);
    }
    const page = matching.slice(filters.offset, filters.offset + filters.limit);
    const actions = [
      ...new Set(matching.map((task) => task.name).filter((name): name is string => typeof name === 'string')),
    ];
    return jsonReply(200, { tasks: page, actions, total_count: matching.length });
  }

  private consult(script: TaskScript, filters: Filters): TaskRecord | undefined {
    const first = script.steps[0];
    if (first === undefined || first === null) return undefined;
    const same = (field: keyof TaskRecord, wanted: string | undefined) =>
      wanted === undefined || first[field] === wanted;
    if (
      !same('id', filters.id) ||
      !same('instance_id', filters.instanceId) ||
      !same('order_id', filters.orderId) ||
      !same('name', filters.name)
    ) {
      return undefined;
    }
    if (filters.window !== undefined) {
      const at = createdAt(first);
      if (at === undefined || at < filters.window[0] || at > filters.window[1]) return undefined;
    }
    const count = this.consulted.get(script) ?? 0;
    this.consulted.set(script, count + 1);
    const hidden = script.hiddenPolls ?? 0;
    if (count < hidden) return undefined;
    return script.steps[Math.min(count - hidden, script.steps.length - 1)] ?? undefined;
  }
}

export function listTasks(query: ReadonlyArray<readonly [string, string]>, book: TaskBook, requestId: string): Reply {
  const filters = parseTaskQuery(query);
  if (filters === undefined) return serviceError(400, PARAMETER_ERROR.code, PARAMETER_ERROR.message);
  return book.answer(filters, 'tasklist', requestId);
}
