// A command's result on stdout, in the chosen format. Each format loads only its own renderer, with an `import()`
// where it is needed (docs/performance.md): JSON needs neither chalk nor cli-table3, the one-job view (padded rows)
// no cli-table3, and only a table on a terminal whose text is not all ASCII loads string-width and cli-truncate
// (~50 ms, measure.ts).
import type { Job } from '../job.js';
import type { Task } from '../task.js';
import { renderJson } from './json.js';
import type { RenderOptions } from './options.js';
import { measureFor } from './measure.js';
import type { ResultTable } from './result-table.js';
import type { Waited } from './tasks-table.js';

export type OutputFormat = 'table' | 'json';

/**
 * Jobs, as `get` and `wait` print them, one per id given, in that order (undefined: an id not found): one job alone
 * as its two-column view, several as rows of the jobs found, or a JSON array with `null` where an id was not found,
 * so its positions are the arguments' (docs/output.md). With `options.width` (a terminal) the table is fitted to it;
 * without, it is what scripts have always read.
 */
export async function renderJobsResult(
  perId: readonly (Job | undefined)[],
  several: boolean,
  format: OutputFormat,
  options: RenderOptions,
): Promise<string> {
  if (format === 'json') return renderJson(several ? perId.map((job) => job ?? null) : perId[0]);
  const jobs = perId.filter((job): job is Job => job !== undefined);
  if (!several) {
    if (!jobs[0]) return '';
    const view = await import('./job-view.js');
    if (options.width === undefined) return view.renderJob(jobs[0], options);
    const fields = view.jobFields(jobs[0], options);
    const measure = await measureFor(fields.flatMap((field) => [field.label, ...field.value.split('\n')]));
    return (await import('./fit-fields.js')).fitFields(fields, options.width, measure);
  }
  if (jobs.length === 0) return '';
  const { jobsTable, renderJobs } = await import('./jobs-table.js');
  if (options.width === undefined) return renderJobs(jobs, options);
  return fitted(jobsTable(jobs, options, true), options.width, options);
}

/**
 * Tasks, as `list` and `wait --instance` print them: always rows (or a JSON array, `[]` when none). `waited`: the
 * results of a wait (when it saw each task end), with ENDED, TOOK and REASON like the job table.
 */
export async function renderTasksResult(
  tasks: readonly Task[],
  format: OutputFormat,
  options: RenderOptions,
  waited?: Waited,
): Promise<string> {
  if (format === 'json') return renderJson([...tasks]);
  if (tasks.length === 0) return '';
  const { tasksTable, renderTasks } = await import('./tasks-table.js');
  if (options.width === undefined) return renderTasks(tasks, options, waited);
  return fitted(tasksTable(tasks, options, waited, true), options.width, options);
}

async function fitted(table: ResultTable, width: number, options: RenderOptions): Promise<string> {
  const measure = await measureFor(table.rows.flat());
  const [{ fitTable }, { paint }] = await Promise.all([import('./fit-table.js'), import('./color.js')]);
  return fitTable(table, width, measure, paint(options.color));
}
