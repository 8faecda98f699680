// Piped output is what scripts read: every result table, piped (no terminal width), is pinned byte for byte to what
// it printed before tables learnt to fit a terminal (docs/tables.md). A change here changes every script's input.
import { describe, expect, it } from 'vitest';
import * as jobs from '../../emulator/sample-jobs.js';
import { renderJobsResult, renderTasksResult } from '../../src/render/result-text.js';
import { cjkJob, SEVERAL_JOBS, TABLES_NOW, TASK_LIST, TASK_LIST_SEEN_ENDS } from '../support/table-samples.js';

const piped = { now: TABLES_NOW, timeZone: 'UTC' } as const;

const cases: [name: string, render: (color: boolean) => Promise<string>][] = [
  ...[...jobs.allSampleJobs, cjkJob].map((job, i): [string, (color: boolean) => Promise<string>] => [
    `one-job-${i}`,
    (color) => renderJobsResult([job], false, 'table', { ...piped, color }),
  ]),
  ['several-jobs', (color) => renderJobsResult(SEVERAL_JOBS, true, 'table', { ...piped, color })],
  ['all-sample-jobs', (color) => renderJobsResult([...jobs.allSampleJobs], true, 'table', { ...piped, color })],
  ['task-list', (color) => renderTasksResult(TASK_LIST, 'table', { ...piped, color })],
  ['instance-wait-tasks', (color) => renderTasksResult(TASK_LIST, 'table', { ...piped, color }, TASK_LIST_SEEN_ENDS)],
];

describe('piped tables are byte for byte what they were', () => {
  for (const [name, render] of cases) {
    for (const color of [false, true]) {
      it(`${name}${color ? ' (FORCE_COLOR)' : ''}`, async () => {
        await expect(await render(color)).toMatchFileSnapshot(
          `../fixtures/piped-tables/${name}${color ? '.color' : ''}.txt`,
        );
      });
    }
  }
});
