// A command's result on stdout, in the chosen format. Each format loads only its own renderer, with an `import()`
// where it is needed (README § Performance): JSON needs neither chalk nor cli-table3, the one-job view (padded rows)
// no cli-table3, and only a Failed row on a terminal loads string-width and cli-truncate (~60 ms).
import type { Job } from '../job.js';
import type { Task } from '../task.js';
import { renderJson } from './json.js';
import type { RenderOptions } from './options.js';

export type OutputFormat = 'table' | 'json';

/** Jobs, as `get` and `wait` print them: one job alone as its two-column view, several as rows (or a JSON array). */
export async function renderJobsResult(
  jobs: readonly Job[],
  several: boolean,
  format: OutputFormat,
  options: RenderOptions,
): Promise<string> {
  if (format === 'json') return renderJson(several ? jobs : jobs[0]);
  if (!several) return jobs[0] ? (await import('./job-view.js')).renderJob(jobs[0], options) : '';
  if (jobs.length === 0) return '';
  const { text, reasons } = (await import('./jobs-table.js')).jobsTable(jobs, options);
  // Piped, or no Failed row with a reason: nothing to cut, and display widths stay unloaded.
  if (options.width === undefined || reasons.every((reason) => reason === undefined)) return text;
  return (await import('./fit-reasons.js')).fitReasons(text, reasons, options.width);
}

/** Tasks, as `list` and `wait --instance` print them: always rows (or a JSON array, `[]` when none). */
export async function renderTasksResult(
  tasks: readonly Task[],
  format: OutputFormat,
  options: RenderOptions,
): Promise<string> {
  if (format === 'json') return renderJson([...tasks]);
  return tasks.length > 0 ? (await import('./tasks-table.js')).renderTasks(tasks, options) : '';
}
