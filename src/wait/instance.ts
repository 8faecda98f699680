// `wait --instance`: until the instance is free for the next change — no Running task on it and its status ACTIVE
// (RDS refuses a change otherwise). Every look is one ListTasks request scoped to the instance and one ListInstances
// request by id. Without `since`, a task seen Running that is no longer among them is looked up once by `id` for its
// final status and fail_reason; with `since`, every task created on the instance in the window belongs to the wait,
// finished or not, and the wait looks for one for the not-found grace before giving up.
import { resolveInstance } from '../api/instances.js';
import { sinceWindow, TASK_PAGE_SIZE, taskQuery } from '../api/tasks.js';
import type { Api } from '../api/types.js';
import { GoneError, NotFoundError } from '../errors.js';
import type { Instance } from '../instance.js';
import { instanceStateOf, isFinished, verdictOf } from '../status.js';
import type { Task } from '../task.js';
import { formatDuration } from '../duration.js';
import { waitForTargets, type Target, type WaitIo, type WaitOptions } from './engine.js';
import type { ItemResult, TaskResult } from './result.js';

export interface InstanceState {
  /** How many tasks of the wait still ran at the last look. */
  running: number;
  /** The instance's status at the last look (ACTIVE, BACKING UP, STORAGE FULL…). */
  status?: string;
}

interface InstanceWatch extends Target<InstanceState> {
  /** Every task of the wait, in the order first seen, each as last seen (its final state once it ended). */
  tasks(): Task[];
  /** How each task's wait ended; tasks still running take the instance wait's own outcome (timeout, a signal). */
  taskResults(end: ItemResult<InstanceState>): TaskResult[];
}

interface Seen {
  task: Task;
  firstSeenAt: number;
  /** Set once its final state is known (Completed, Failed). */
  ended?: TaskResult;
  reported?: boolean;
}

export interface InstanceWaitSettings {
  /** `--since`: the tasks created on the instance this long before the wait began belong to it (ms). */
  sinceMs?: number;
  /** With `sinceMs`: how long to look for a task in the window before giving up (exit 4). */
  notFoundGraceMs?: number;
  /** --fail-fast: the first task that ends Failed ends the wait. */
  failFast?: boolean;
}

function instanceTarget(
  ref: string,
  api: Pick<Api, 'listTasks' | 'listInstances'>,
  now: () => number,
  settings: InstanceWaitSettings,
): InstanceWatch {
  /** The instance REF names (`flexus`: listed only with `group_type=flexus`), once resolved. */
  let instance: { id: string; ref: string; flexus: boolean } | undefined;
  const seen = new Map<string, Seen>();
  let startedAt: number | undefined;
  let lastStatus: string | undefined;
  const ended = (id: string, entry: Seen, outcome: TaskResult['outcome'], error?: unknown): TaskResult => ({
    id,
    outcome,
    item: entry.task,
    error,
    elapsedMs: now() - entry.firstSeenAt,
  });
  const note = (task: Task & { id: string }) => {
    const entry = seen.get(task.id);
    if (entry === undefined) seen.set(task.id, { task, firstSeenAt: now() });
    else entry.task = task;
    const current = seen.get(task.id)!;
    const outcome = verdictOf(task);
    if (outcome !== undefined && current.ended === undefined) current.ended = ended(task.id, current, outcome);
  };
  const withId = (task: Task): task is Task & { id: string } => typeof task.id === 'string';

  return {
    id: ref,
    async look(send) {
      // Resolving REF is the first look's first request: an outage while resolving is ridden out like any other
      // within --timeout, and what its failure means is decided like any other (contract § Task center).
      if (instance === undefined) {
        const resolved = await resolveInstance(ref, (query) => send((options) => api.listInstances(query, options)));
        instance = { id: resolved.instance.id, ref, flexus: resolved.flexus };
      }
      startedAt ??= now();
      const since = settings.sinceMs;
      const filters =
        since === undefined
          ? { instanceId: instance.id, status: 'Running' as const }
          : { instanceId: instance.id, ...sinceWindow(now() - startedAt + since, now()) };
      const page = await send((options) => api.listTasks(taskQuery(filters, 0, TASK_PAGE_SIZE), options));
      const listed = page.tasks.filter(withId);
      if (since !== undefined) {
        for (const task of listed) note(task);
      } else {
        // Anything not finished still runs (status.ts), whatever the listing's filter let through.
        const running = listed.filter((task) => !isFinished(task));
        const runningIds = new Set(running.map((task) => task.id));
        for (const task of running) note(task);
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
          note(found as Task & { id: string });
        }
      }
      const byId: Array<[string, string]> = [['id', instance.id]];
      if (instance.flexus) byId.push(['group_type', 'flexus']);
      const found = await send((options) => api.listInstances(byId, options));
      const id = instance.id;
      const self: Instance | undefined = found.instances.find((i) => i.id === id);
      if (self === undefined) {
        throw new GoneError(`instance ${instance.ref} no longer exists (deleted)`, {
          hint: 'check the instance in the console; rdsjob list shows what ran on it',
        });
      }
      lastStatus = typeof self.status === 'string' ? self.status.trim() : undefined;
      if (since !== undefined && seen.size === 0 && now() - startedAt >= (settings.notFoundGraceMs ?? 0)) {
        throw new GoneError(`no task started on instance ${instance.ref} in the last ${formatDuration(since)}`, {
          hint: 'check the instance and the window (--since), or start the change first',
        });
      }
      return {
        running: [...seen.values()].filter((entry) => entry.ended === undefined).length,
        status: lastStatus,
      };
    },
    verdict(state) {
      const failed = [...seen.values()].some((entry) => entry.ended?.outcome === 'failed');
      // No wait makes a FAILED, FROZEN or STORAGE FULL instance free: that ends it, like a Failed task.
      if (instanceStateOf(state.status) === 'broken') return 'failed';
      if (failed && settings.failFast) return 'failed'; // --fail-fast: the first Failed task ends the wait
      if (state.running > 0 || instanceStateOf(state.status) !== 'free') return undefined;
      if (settings.sinceMs !== undefined && seen.size === 0) return undefined; // the change is not visible yet
      return failed ? 'failed' : 'completed';
    },
    report(state, reporter, at) {
      reporter.instanceStatus?.(state.status, at);
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
      // A task still running when the wait ended Failed (--fail-fast, a broken instance) was stopped, not failed.
      const cut = end.outcome === 'failed' ? 'stopped' : end.outcome;
      return [...seen.entries()].map(([id, entry]) => entry.ended ?? ended(id, entry, cut, end.error));
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
 * `wait --instance` and the programmatic waitForInstance alike: until the instance is free. A 404 of the task list
 * is the API saying it is not there (a wrong endpoint), never a task "not visible yet": the engine gets no grace
 * (the `--since` grace is the watch's own).
 */
export async function waitForInstanceTasks(
  ref: string,
  options: Omit<WaitOptions, 'notFoundGraceMs'> & InstanceWaitSettings,
  io: WaitIo & { api: Pick<Api, 'listTasks' | 'listInstances'> },
): Promise<InstanceWaitOutcome> {
  const watch = instanceTarget(ref, io.api, io.now, options);
  const waited = await waitForTargets([watch], { ...options, notFoundGraceMs: 0 }, io);
  const end = waited.results[0]!;
  return { end, tasks: watch.tasks(), results: watch.taskResults(end), fatal: waited.fatal };
}
