// `wait --instance`: until the instance has no Running task — what a pipeline needs before its next change to the
// instance (RDS refuses a change while another task runs on it). Every look is one ListTasks request for the
// instance's Running tasks; a task seen Running that is no longer among them is looked up once by `id` for its
// final status and fail_reason.
import { taskQuery, TASK_PAGE_SIZE } from '../api/tasks.js';
import type { Api } from '../api/types.js';
import { NotFoundError } from '../errors.js';
import { statusOf, verdictOf } from '../status.js';
import type { Task } from '../task.js';
import { waitForTargets, type Target, type WaitIo, type WaitOptions } from './engine.js';
import type { ItemResult, TaskResult } from './result.js';

export interface InstanceState {
  /** How many tasks ran on the instance at the last look. */
  running: number;
}

interface InstanceWatch extends Target<InstanceState> {
  /** Every task seen Running, in the order first seen, each as last seen (its final state once it ended). */
  tasks(): Task[];
  /** How each task's wait ended; tasks still running take the instance wait's own outcome (timeout, a signal). */
  taskResults(end: ItemResult<InstanceState>): TaskResult[];
}

interface Seen {
  task: Task;
  firstSeenAt: number;
  /** Set once its final state is known (Completed, Failed), or that it cannot be known. */
  ended?: TaskResult;
  reported?: boolean;
}

function instanceTarget(instanceId: string, api: Pick<Api, 'listTasks'>, now: () => number): InstanceWatch {
  const seen = new Map<string, Seen>();
  const ended = (id: string, entry: Seen, outcome: TaskResult['outcome'], error?: unknown): TaskResult => ({
    id,
    outcome,
    item: entry.task,
    error,
    elapsedMs: now() - entry.firstSeenAt,
  });

  return {
    id: instanceId,
    async look(send) {
      const page = await send((options) =>
        api.listTasks(taskQuery({ instanceId, status: 'Running' }, 0, TASK_PAGE_SIZE), options),
      );
      const running = page.tasks.filter(
        (task): task is Task & { id: string } => typeof task.id === 'string' && statusOf(task) === 'Running',
      );
      const runningIds = new Set(running.map((task) => task.id));
      for (const task of running) {
        const entry = seen.get(task.id);
        if (entry === undefined) seen.set(task.id, { task, firstSeenAt: now() });
        else entry.task = task;
      }
      for (const [id, entry] of seen) {
        if (entry.ended !== undefined || runningIds.has(id)) continue;
        // It left Running: one lookup by id tells how it ended (a failure here is retried with the next look).
        const found = (await send((options) => api.listTasks(taskQuery({ id }, 0, 1), options))).tasks.find(
          (task) => task.id === id,
        );
        // Not listed yet: the task center lags behind its own Running list. Transient: the next look asks again.
        if (found === undefined) {
          throw new NotFoundError(`task ${id} left Running and is not listed yet`, { itemId: id });
        }
        entry.task = found;
        const outcome = verdictOf(found);
        if (outcome !== undefined) entry.ended = ended(id, entry, outcome);
        // else: the list was a moment behind, it still runs; the next look sees it again
      }
      return { running: [...seen.values()].filter((entry) => entry.ended === undefined).length };
    },
    verdict(state) {
      if (state.running > 0) return undefined;
      return [...seen.values()].some((entry) => entry.ended?.outcome === 'failed') ? 'failed' : 'completed';
    },
    report(_state, reporter, at) {
      for (const [id, entry] of seen) {
        if (entry.ended === undefined) reporter.observed(id, entry.task, at);
        else if (!entry.reported) {
          entry.reported = true;
          reporter.finished(entry.ended, at);
        }
      }
    },
    reportEnd() {
      // Each task said how it ended as it did; what is still running is the summary's to list.
    },
    tasks: () => [...seen.values()].map((entry) => entry.task),
    taskResults(end) {
      return [...seen.entries()].map(([id, entry]) => entry.ended ?? ended(id, entry, end.outcome, end.error));
    },
  };
}

/** How an instance wait ended: the instance's own result, and every task seen Running. */
export interface InstanceWaitOutcome {
  /** completed (nothing runs), failed (a task Failed), timeout, interrupted, error (the instance's own failure). */
  end: ItemResult<InstanceState>;
  /** Every task seen Running, in the order first seen, as last seen. */
  tasks: Task[];
  /** How each task's wait ended; tasks still running take the instance wait's own outcome. */
  results: TaskResult[];
  /** An error that ended the whole wait (401/403, configuration). */
  fatal?: unknown;
}

/**
 * `wait --instance` and the programmatic waitForInstance alike: until the instance has no Running task. A 404 of the
 * task list is the API saying it is not there (a wrong endpoint), never a task "not visible yet": no grace.
 */
export async function waitForInstanceTasks(
  instanceId: string,
  options: Omit<WaitOptions, 'notFoundGraceMs'>,
  io: WaitIo & { api: Pick<Api, 'listTasks'> },
): Promise<InstanceWaitOutcome> {
  const watch = instanceTarget(instanceId, io.api, io.now);
  const waited = await waitForTargets([watch], { ...options, notFoundGraceMs: 0 }, io);
  const end = waited.results[0]!;
  return { end, tasks: watch.tasks(), results: watch.taskResults(end), fatal: waited.fatal };
}
