// Piped output is what scripts read: every result table, piped (no terminal width), is pinned byte for byte to what
// it printed before tables learnt to fit a terminal (docs/tables.md). A change here changes every script's input.
import { describe, expect, it } from 'vitest';
import * as jobs from '../../emulator/sample-jobs.js';
import * as tasks from '../../emulator/sample-tasks.js';
import type { Job } from '../../src/job.js';
import { renderJobsResult, renderTasksResult } from '../../src/render/result-text.js';
import type { Task } from '../../src/task.js';

const now = Date.UTC(2026, 11, 5, 17, 30);
const piped = { now, timeZone: 'UTC' } as const;

/** A job and a task whose names are CJK: two columns a character on a terminal, padded as today when piped. */
const cjkJob: Job = {
  ...jobs.createFailed,
  id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  name: '创建只读实例',
  instance: { id: 'a48e43ff268f4c0e879652d65e63d0fbin01', name: '订单数据库-主' },
  fail_reason: '实例创建失败：磁盘空间不足 (DBS.200019)',
};
const cjkTask: Task = {
  ...tasks.eipFailed,
  id: '5e6f7a8b9c0d4e1f2a3b4c5d6e7f8a9b',
  name: '绑定弹性公网IP',
  instance_name: '分析库',
};

const severalJobs: Job[] = [jobs.createInstanceCompleted, jobs.createReplicaRunning, jobs.createFailed, cjkJob];
const taskList: Task[] = [tasks.resizeRunning, tasks.backupCompleted, tasks.eipFailed, tasks.rebootCompleted, cjkTask];

const cases: [name: string, render: (color: boolean) => Promise<string>][] = [
  ...[...jobs.allSampleJobs, cjkJob].map((job, i): [string, (color: boolean) => Promise<string>] => [
    `one-job-${i}`,
    (color) => renderJobsResult([job], false, 'table', { ...piped, color }),
  ]),
  ['several-jobs', (color) => renderJobsResult(severalJobs, true, 'table', { ...piped, color })],
  ['all-sample-jobs', (color) => renderJobsResult([...jobs.allSampleJobs], true, 'table', { ...piped, color })],
  ['task-list', (color) => renderTasksResult(taskList, 'table', { ...piped, color })],
  ['instance-wait-tasks', (color) => renderTasksResult(taskList, 'table', { ...piped, color }, true)],
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
