// The run of `rdsjob list`: pages of the task center, one after another, under the command's one time bound.
import { resolveInstance } from '../../api/instances.js';
import { listTaskPages, sinceWindow, taskQuery } from '../../api/tasks.js';
import type { TaskFilters } from '../../api/types.js';
import { API_BOUND_ENV } from '../../limits.js';
import { OK, type Reported } from '../../outcome.js';
import { renderTasksResult } from '../../render/result-text.js';
import type { CommandContext } from '../context.js';
import type { ListOptions } from './define.js';
import { slowSpinner } from '../slow-spinner.js';

/** The ListTasks filters for these options at `now`: --since is a window from now − since to now, in ms. */
export function taskFiltersOf(options: ListOptions, now: number, instanceId?: string): TaskFilters {
  return {
    instanceId,
    status: options.status,
    name: options.name,
    ...sinceWindow(options.sinceMs, now),
  };
}

export async function runList(options: ListOptions, ctx: CommandContext): Promise<Reported> {
  const { deps } = ctx;
  ctx.limit(ctx.apiBoundMs(), API_BOUND_ENV, { wholeRun: true });
  const spinner = slowSpinner(ctx, 'listing tasks');
  const listing = (async () => {
    const api = await ctx.api({ taskCenter: true });
    // --instance: the id or name resolved once, before anything is listed.
    const instance =
      options.instanceRef === undefined
        ? undefined
        : await resolveInstance(options.instanceRef, (query) =>
            api.listInstances(query, { signal: ctx.signal, onPause: spinner.onPause }),
          );
    const filters = taskFiltersOf(options, deps.now(), instance?.instance.id);
    let pages = 0;
    return listTaskPages(async (offset, limit) => {
      const page = await api.listTasks(taskQuery(filters, offset, limit), {
        signal: ctx.signal,
        onPause: spinner.onPause,
      });
      pages += 1;
      spinner.say(`listing tasks: ${offset + page.tasks.length} fetched (${pages} ${pages === 1 ? 'page' : 'pages'})`);
      return page;
    }, options.limit);
  })();
  // Cleared before anything is printed, whatever happened.
  const { tasks, totalCount, exhausted } = await listing.finally(() => spinner.stop());
  ctx.printResult(await renderTasksResult(tasks, ctx.output, { color: ctx.color, now: deps.now(), width: ctx.width }));
  if (tasks.length === 0 && ctx.output === 'table') deps.stderr.write('no tasks found\n');
  if (totalCount !== undefined && totalCount > tasks.length) {
    // When the pages ran out first, a larger --limit would show nothing more: say that instead.
    deps.stderr.write(
      exhausted
        ? `showing ${tasks.length} of ${totalCount} tasks: the API listed no more than these (its total_count says ${totalCount})\n`
        : `showing ${tasks.length} of ${totalCount} tasks; use --limit\n`,
    );
  }
  return OK;
}
