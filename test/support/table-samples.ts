// The rows result-table tests print: the emulator's samples plus a job and a task whose names are CJK (two columns
// a character on a terminal). Shared by the piped pins (render-piped.test.ts) and the terminal layouts (fit-table).
import * as jobs from '../../emulator/sample-jobs.js';
import * as tasks from '../../emulator/sample-tasks.js';
import type { Job } from '../../src/job.js';
import type { Task } from '../../src/task.js';

/** The clock the tables' ages are computed from. */
export const TABLES_NOW = Date.UTC(2026, 11, 5, 17, 30);

export const cjkJob: Job = {
  ...jobs.createFailed,
  id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  name: '创建只读实例',
  instance: { id: 'a48e43ff268f4c0e879652d65e63d0fbin01', name: '订单数据库-主' },
  fail_reason: '实例创建失败：磁盘空间不足 (DBS.200019)',
};

export const cjkTask: Task = {
  ...tasks.eipFailed,
  id: '5e6f7a8b9c0d4e1f2a3b4c5d6e7f8a9b',
  name: '绑定弹性公网IP',
  instance_name: '分析库',
};

/** `get a b c d`: Completed, Running, Failed, and Failed with CJK names and reason. */
export const SEVERAL_JOBS: Job[] = [jobs.createInstanceCompleted, jobs.createReplicaRunning, jobs.createFailed, cjkJob];
export const TASK_LIST: Task[] = [
  tasks.resizeRunning,
  tasks.backupCompleted,
  tasks.eipFailed,
  tasks.rebootCompleted,
  cjkTask,
];
/**
 * When `wait --instance` saw each of TASK_LIST end: the backup and both EIP bindings between two looks; the restart
 * finished before the wait first saw it (no time: `-`), the resize still runs.
 */
export const TASK_LIST_SEEN_ENDS: readonly { id: string; endedAt: number }[] = [
  { id: tasks.backupCompleted.id!, endedAt: Date.UTC(2026, 10, 27, 8, 12, 30) },
  { id: tasks.eipFailed.id!, endedAt: Date.UTC(2026, 10, 27, 7, 5, 41) },
  { id: cjkTask.id!, endedAt: Date.UTC(2026, 10, 27, 7, 6, 10) },
];
