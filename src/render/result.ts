// A command's result on stdout, in the chosen format. Each format loads only its own renderer (lazy.ts): JSON
// needs neither chalk nor cli-table3, and the one-job view needs no cli-table3.
import type { Job } from '../job.js';
import type { Task } from '../task.js';
import { loadJobsTable, loadJobView, loadReasonFit, loadTasksTable } from '../lazy.js';
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
  if (!several) return jobs[0] ? (await loadJobView()).renderJob(jobs[0], options) : '';
  if (jobs.length === 0) return '';
  const { text, reasons } = (await loadJobsTable()).jobsTable(jobs, options);
  // Piped, or no Failed row with a reason: nothing to cut, and display widths stay unloaded.
  if (options.width === undefined || reasons.every((reason) => reason === undefined)) return text;
  return (await loadReasonFit()).fitReasons(text, reasons, options.width);
}

/** Tasks, as `list` and `wait --instance` print them: always rows (or a JSON array, `[]` when none). */
export async function renderTasksResult(
  tasks: readonly Task[],
  format: OutputFormat,
  options: RenderOptions,
): Promise<string> {
  if (format === 'json') return renderJson([...tasks]);
  return tasks.length > 0 ? (await loadTasksTable()).renderTasks(tasks, options) : '';
}
