// `wait --instance`: until the instance is free for the next change — no Running task on it and its status ACTIVE
// (RDS refuses a change otherwise). Every look is one ListTasks request for the instance's Running tasks (of any age)
// and one ListInstances request by id; with `since`, one more ListTasks request for every task created on the
// instance in the window, finished or not, and the wait looks for one for the not-found grace before giving up. A
// task seen Running that is listed no more is looked up once by `id` for its final status and fail_reason.
import { resolveInstance } from '../api/instances.js';
import { sinceWindow, TASK_PAGE_SIZE, taskQuery } from '../api/tasks.js';
import type { Api, TaskFilters } from '../api/types.js';
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

/** What the looks found out about the instance, beyond its tasks: how its wait ended is said from these. */
export interface InstanceFacts {
  /** Its id, once REF was resolved. */
  id?: string;
  /** Its status at the last look that answered. */
  status?: string;
  /** A look was answered (the task list and the instance's status). */
  looked: boolean;
  /** It disappeared (deleted). */
  gone: boolean;
  /** `--since`: a task created in the window was seen. */
  windowSeen: boolean;
}

/** What is known of an instance before any look answered: the facts' defaults, wherever a wait starts. */
export const NO_LOOK: Readonly<InstanceFacts> = { looked: false, gone: false, windowSeen: false };

interface InstanceWatch extends Target<InstanceState> {
  /** How each task's wait ended; tasks still running take the instance wait's own outcome (timeout, a signal). */
  taskResults(end: ItemResult<InstanceState>): TaskResult[];
  facts(): InstanceFacts;
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

/**
 * `wait --instance --since` before a task of the window is listed: the words of its progress line, its heartbeat,
 * its error after the grace and its timeout (the caller sanitizes REF where it prints it).
 */
export function noWindowTask(ref: string, sinceMs: number): string {
  return `no task started on instance ${ref} in the last ${formatDuration(sinceMs)}`;
}

type Listed = Task & { id: string };
const withId = (task: Task): task is Listed => typeof task.id === 'string';

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
  const facts: InstanceFacts = { ...NO_LOOK };
  const ended = (id: string, entry: Seen, outcome: TaskResult['outcome'], error?: unknown): TaskResult => ({
    id,
    outcome,
    item: entry.task,
    error,
    elapsedMs: now() - entry.firstSeenAt,
  });
  const note = (task: Listed) => {
    const known = seen.get(task.id);
    const entry = known ?? { task, firstSeenAt: now() };
    entry.task = task;
    seen.set(task.id, entry);
    const outcome = verdictOf(task);
    if (outcome === undefined || entry.ended !== undefined) return;
    entry.ended = ended(task.id, entry, outcome);
    // Seen running before, so it ended between two looks: roughly now. Finished at first sight: nobody knows when —
    // and at the first look (--since), that is before the wait began.
    if (known !== undefined) entry.ended.endedAt = now();
    else if (!facts.looked) entry.ended.endedBeforeWait = true;
  };

  return {
    id: ref,
    async look(send) {
      // Resolving REF is the first look's first request: an outage while resolving is ridden out like any other
      // within --timeout, and what its failure means is decided like any other (docs/instances.md).
      if (instance === undefined) {
        const resolved = await resolveInstance(ref, (query) => send((options) => api.listInstances(query, options)));
        instance = { id: resolved.instance.id, ref, flexus: resolved.flexus };
        facts.id = instance.id;
      }
      startedAt ??= now();
      const since = settings.sinceMs;
      const list = (filters: TaskFilters) =>
        send((options) => api.listTasks(taskQuery(filters, 0, TASK_PAGE_SIZE), options));
      // --since: every task created in the window belongs to the wait, finished or not…
      const inWindow =
        since === undefined
          ? []
          : (await list({ instanceId: instance.id, ...sinceWindow(now() - startedAt + since, now()) })).tasks.filter(
              withId,
            );
      // …and, with or without it, a Running task of any age keeps the instance busy.
      // Anything not finished still runs (status.ts), whatever the listing's filter let through.
      const running = (await list({ instanceId: instance.id, status: 'Running' })).tasks
        .filter(withId)
        .filter((task) => !isFinished(task));
      for (const task of [...inWindow, ...running]) note(task);
      if (inWindow.length > 0) facts.windowSeen = true;
      const listed = new Set([...inWindow, ...running].map((task) => task.id));
      for (const [id, entry] of seen) {
        if (entry.ended !== undefined || listed.has(id)) continue;
        // It left Running: one lookup by id tells how it ended (a failure here is retried with the next look).
        const found = (await send((options) => api.listTasks(taskQuery({ id }, 0, 1), options))).tasks.find(
          (task) => task.id === id,
        );
        // Not listed yet: the task center lags behind its own Running list. Transient: the next look asks again.
        if (found === undefined) {
          throw new NotFoundError(`task ${id} left Running and is not listed yet`, { itemId: id });
        }
        note(found as Listed);
      }
      const byId: Array<[string, string]> = [['id', instance.id]];
      if (instance.flexus) byId.push(['group_type', 'flexus']);
      const found = await send((options) => api.listInstances(byId, options));
      const id = instance.id;
      const self: Instance | undefined = found.instances.find((i) => i.id === id);
      if (self === undefined) {
        facts.gone = true;
        throw new GoneError(`instance ${instance.ref} no longer exists (deleted)`, {
          hint: 'check the instance in the console; rdsjob list shows what ran on it',
        });
      }
      facts.looked = true;
      facts.status = typeof self.status === 'string' ? self.status.trim() : undefined;
      if (since !== undefined && !facts.windowSeen && now() - startedAt >= (settings.notFoundGraceMs ?? 0)) {
        throw new GoneError(noWindowTask(instance.ref, since), {
          hint: 'check the instance and the window (--since), or start the change first',
        });
      }
      return {
        running: [...seen.values()].filter((entry) => entry.ended === undefined).length,
        status: facts.status,
      };
    },
    verdict(state) {
      const failed = [...seen.values()].some((entry) => entry.ended?.outcome === 'failed');
      // No wait makes a FAILED, FROZEN or STORAGE FULL instance free: that ends it, like a Failed task.
      if (instanceStateOf(state.status) === 'broken') return 'failed';
      if (failed && settings.failFast) return 'failed'; // --fail-fast: the first Failed task ends the wait
      if (state.running > 0 || instanceStateOf(state.status) !== 'free') return undefined;
      if (settings.sinceMs !== undefined && !facts.windowSeen) return undefined; // the change is not visible yet
      return failed ? 'failed' : 'completed';
    },
    report(state, reporter, at) {
      if (settings.sinceMs !== undefined) reporter.sinceWindow?.(settings.sinceMs, facts.windowSeen, at);
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
    taskResults(end) {
      // A task still running when the wait was cut short (a timeout, a signal) shares that ending; one still running
      // when the instance's own ending stopped the wait (--fail-fast, a broken or deleted instance) was stopped: the
      // instance's ending says why, once.
      const cut = end.outcome === 'timeout' || end.outcome === 'interrupted' ? end.outcome : 'stopped';
      const error = cut === 'stopped' ? undefined : end.error;
      return [...seen.entries()].map(([id, entry]) => entry.ended ?? ended(id, entry, cut, error));
    },
    facts: () => ({ ...facts }),
  };
}

/** How an instance wait ended: the instance's own result, and every task seen Running. */
export interface InstanceWaitOutcome {
  /** completed (nothing runs), failed (a task Failed), timeout, interrupted, error (the instance's own failure). */
  end: ItemResult<InstanceState>;
  /** How each task's wait ended, in the order first seen; tasks still running take the instance wait's own outcome. */
  results: TaskResult[];
  /** What the looks found out about the instance (its last status, whether it disappeared…). */
  facts: InstanceFacts;
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
  return {
    end,
    results: watch.taskResults(end),
    facts: watch.facts(),
    fatal: waited.fatal,
  };
}
