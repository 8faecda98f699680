import { describe, expect, it } from 'vitest';
import * as samples from '../../emulator/sample-jobs.js';
import type { Job } from '../../src/job.js';
import { renderJobs } from '../../src/render/jobs-table.js';
import { renderJobsResult } from '../../src/render/result-text.js';
import { displayWidth } from '../../src/render/width.js';

const now = Date.UTC(2026, 0, 1);
const render = (jobs: Job[], color = false) => renderJobs(jobs, { color, now, timeZone: 'UTC' });
/** Several jobs as get and wait print them on stdout: on a terminal of `width` columns, or piped (undefined). */
const onStdout = (jobs: Job[], color: boolean, width: number | undefined) =>
  renderJobsResult(jobs, true, 'table', { color, now, timeZone: 'UTC', width });
/** Cells of each line, split on the two-or-more-space column gaps. */
const grid = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(/ {2,}/));
const HEAD = ['ID', 'NAME', 'STATUS', 'PROGRESS', 'CREATED', 'ENDED', 'TOOK', 'INSTANCE'];
const LONG_REASON =
  'EIP 119.3.10.7 is already bound to another instance (DBS.280431); unbind it or choose another EIP, then retry';

describe('renderJobs', () => {
  const text = render([...samples.allSampleJobs]);

  it('has the header and one row per job; REASON last, as a job failed', () => {
    const rows = grid(text);
    expect(rows[0]).toEqual([...HEAD, 'REASON']);
    expect(rows).toHaveLength(samples.allSampleJobs.length + 1);
  });

  it('no REASON column when no job failed', () => {
    expect(grid(render([samples.createReplicaRunning, samples.completedWithStaleProcess]))[0]).toEqual(HEAD);
  });

  const cases: [string, Job, string[]][] = [
    [
      'running replica: not ended yet',
      samples.createReplicaRunning,
      [
        '7e3b2d5a-6a54-4d2e-9f2a-1b8c5d9e0f11',
        'CreateMysqlReplicaInstance',
        'Running',
        '60%',
        '2018-08-06 10:41:14 +00:00',
        '-',
        '-',
        'mysql-replica-01',
      ],
    ],
    [
      'completed with stale process: ENDED and TOOK',
      samples.completedWithStaleProcess,
      [
        '0b3cc9e1-4c5a-4c1e-8e1b-2f6b8a4d7c21',
        'CreateMysqlSingleHAInstance',
        'Completed',
        '-',
        '2018-08-06 10:41:14 +00:00',
        '2018-08-06 11:02:50 +00:00',
        '21m36s',
        'mysql-ha-02',
      ],
    ],
    [
      'failed: and its reason',
      samples.createFailed,
      [
        'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
        'CreateMysqlSingleHAInstance',
        'Failed',
        '-',
        '2018-08-08 07:20:00 +00:00',
        '2018-08-08 07:31:09 +00:00',
        '11m9s',
        'mysql-failed-01',
        'createVM failed.',
      ],
    ],
    [
      'instance without a name shows its id',
      { id: 'j1', status: 'Running', instance: { id: 'inst-1' } },
      ['j1', '-', 'Running', '-', '-', '-', '-', 'inst-1'],
    ],
    [
      'ended before created (clock skew): no TOOK',
      { id: 'j2', status: 'Completed', created: '2026-01-01T10:00:00+0000', ended: '2026-01-01T09:59:00+0000' },
      ['j2', '-', 'Completed', '-', '2026-01-01 10:00:00 +00:00', '2026-01-01 09:59:00 +00:00', '-', '-'],
    ],
    ['Failed without a reason', { id: 'j3', status: 'Failed' }, ['j3', '-', 'Failed', '-', '-', '-', '-', '-', '-']],
    ['an empty job', {}, ['-', '-', '-', '-', '-', '-', '-', '-']],
  ];
  for (const [name, job, cells] of cases) {
    it(name, () => expect(grid(render([job]))[1]).toEqual(cells));
  }

  it('a reason with control characters stays one inert line', () => {
    const out = render([{ id: 'j', status: 'Failed', fail_reason: 'bad\n\u001b[31mred' }]);
    expect(out.split('\n')).toHaveLength(3);
    expect(out).toContain('bad\\n\\x1b[31mred');
  });

  // On a terminal (a width given), the table is fitted to it: test/unit/fit-table.test.ts.
  describe('through renderJobsResult', () => {
    const jobs: Job[] = [samples.createReplicaRunning, { ...samples.createFailed, fail_reason: LONG_REASON }];

    it('piped (no width): every column, the reason whole', async () => {
      const out = await onStdout(jobs, false, undefined);
      expect(out).toBe(render(jobs));
      expect(out.split('\n')[2]!.endsWith(LONG_REASON)).toBe(true);
    });

    it('on a terminal: the reason cut to fit, its start kept, the status still coloured', async () => {
      const out = await onStdout(jobs, true, 120);
      expect(out).toContain('\u001b[31mFailed\u001b[39m');
      const failed = out.split('\n').find((line) => line.includes('e1f2a3b4'))!;
      expect(displayWidth(failed)).toBeLessThanOrEqual(120);
      expect(failed).toMatch(/ {2}EIP 119\.3\.10\.7 is alrea…$/);
    });
  });

  it('no ANSI escapes with colour off', () => expect(text).not.toContain('\u001b['));
  it('ends with one newline', () => expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true));
  it('colours the status when colour is on', () =>
    expect(render([samples.createFailed], true)).toContain('\u001b[31mFailed\u001b[39m'));
  it('survives non-objects in the list', () =>
    expect(grid(render([null, 3, 'x', []] as unknown as Job[])).slice(1)).toEqual(
      Array(4).fill(['-', '-', '-', '-', '-', '-', '-', '-']),
    ));
});
