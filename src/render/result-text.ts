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
  return fitted(text, reasons, options);
}

/**
 * Tasks, as `list` and `wait --instance` print them: always rows (or a JSON array, `[]` when none). `ended`: the
 * result of a wait, with ENDED, TOOK and REASON like the job table.
 */
export async function renderTasksResult(
  tasks: readonly Task[],
  format: OutputFormat,
  options: RenderOptions,
  ended = false,
): Promise<string> {
  if (format === 'json') return renderJson([...tasks]);
  if (tasks.length === 0) return '';
  const { text, reasons } = (await import('./tasks-table.js')).tasksTable(tasks, options, ended);
  return fitted(text, reasons, options);
}

/** On a terminal, a Failed row's reason is cut at its edge; piped, or with no reason, the text as it is. */
async function fitted(text: string, reasons: readonly (string | undefined)[], options: RenderOptions): Promise<string> {
  if (options.width === undefined || reasons.every((reason) => reason === undefined)) return text;
  return (await import('./fit-reasons.js')).fitReasons(text, reasons, options.width);
}
