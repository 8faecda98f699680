import { describe, expect, it } from 'vitest';
import * as samples from '../../emulator/sample-jobs.js';
import type { Job } from '../../src/job.js';
import { renderJobs } from '../../src/render/jobs-table.js';

const now = Date.UTC(2026, 0, 1);
const render = (jobs: Job[], color = false) => renderJobs(jobs, { color, now, timeZone: 'UTC' });
/** Cells of each line, split on the two-or-more-space column gaps. */
const grid = (text: string) => text.trimEnd().split('\n').map((line) => line.split(/ {2,}/));

describe('renderJobs', () => {
  const text = render([...samples.allSampleJobs]);

  it('has the header and one row per job', () => {
    const rows = grid(text);
    expect(rows[0]).toEqual(['ID', 'NAME', 'STATUS', 'PROGRESS', 'CREATED', 'INSTANCE']);
    expect(rows).toHaveLength(samples.allSampleJobs.length + 1);
  });

  const cases: [string, Job, string[]][] = [
    ['running replica', samples.createReplicaRunning, [
      '7e3b2d5a-6a54-4d2e-9f2a-1b8c5d9e0f11', 'CreateMysqlReplicaInstance', 'Running', '60%', '2018-08-06 10:41:14 +00:00',
      'mysql-replica-01',
    ]],
    ['completed with stale process', samples.completedWithStaleProcess, [
      '0b3cc9e1-4c5a-4c1e-8e1b-2f6b8a4d7c21', 'CreateMysqlSingleHAInstance', 'Completed', '-', '2018-08-06 10:41:14 +00:00',
      'mysql-ha-02',
    ]],
    ['failed', samples.createFailed, [
      'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b', 'CreateMysqlSingleHAInstance', 'Failed', '-', '2018-08-08 07:20:00 +00:00',
      'mysql-failed-01',
    ]],
    ['instance without a name shows its id', { id: 'j1', status: 'Running', instance: { id: 'inst-1' } }, [
      'j1', '-', 'Running', '-', '-', 'inst-1',
    ]],
    ['an empty job', {}, ['-', '-', '-', '-', '-', '-']],
  ];
  for (const [name, job, cells] of cases) {
    it(name, () => expect(grid(render([job]))[1]).toEqual(cells));
  }

  it('no ANSI escapes with colour off', () => expect(text).not.toContain('\u001b['));
  it('ends with one newline', () => expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true));
  it('colours the status when colour is on', () =>
    expect(render([samples.createFailed], true)).toContain('\u001b[31mFailed\u001b[39m'));
  it('survives non-objects in the list', () =>
    expect(grid(render([null, 3, 'x', []] as unknown as Job[])).slice(1)).toEqual(Array(4).fill(['-', '-', '-', '-', '-', '-'])));
});
