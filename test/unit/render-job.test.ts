import { describe, expect, it } from 'vitest';
import * as samples from '../../emulator/sample-jobs.js';
import type { Job } from '../../src/job.js';
import { renderJob } from '../../src/render/job-view.js';

const now = Date.UTC(2026, 0, 1);
const plain = (job: Job) => renderJob(job, { color: false, now, timeZone: 'Asia/Shanghai' });
/** Label → value, as a user reads the two columns. */
const fields = (text: string) =>
  Object.fromEntries(
    text
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith(' '))
      .map((l) => {
        const m = /^(\S+(?: \S+)*?)\s{2,}(.*)$/.exec(l);
        return m ? [m[1], m[2]] : [l, ''];
      }),
  );

describe('renderJob on every sample job', () => {
  for (const job of samples.allSampleJobs) {
    describe(String(job.name).trim(), () => {
      const text = plain(job);
      it('ends with one newline', () => expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true));
      it('has no ANSI escapes with colour off', () => expect(text).not.toContain('\u001b['));
      it('has no trailing blanks', () => expect(text).not.toMatch(/ +$/m));
      it('shows id, trimmed name, status, instance', () => {
        const f = fields(text);
        expect(f.ID).toBe(String(job.id).trim());
        expect(f.Name).toBe(String(job.name).trim());
        expect(f.Status).toBe(job.status);
        expect(f.Instance).toBe(`${job.instance?.name} (${job.instance?.id})`);
      });
    });
  }
});

describe('renderJob shows the key facts', () => {
  const cases: [string, Job, Record<string, string>][] = [
    [
      'create instance',
      samples.createInstanceCompleted,
      {
        Endpoint: '192.168.1.203:3306',
        Type: 'Ha',
        Datastore: 'mysql 8.0',
        Created: '2018-08-06 18:41:14 +08:00 (7y ago)',
        Ended: '2018-08-07 00:41:14 +08:00 (took 6h)',
      },
    ],
    [
      'replica',
      samples.createReplicaRunning,
      {
        Name: 'CreateMysqlReplicaInstance',
        Progress: '60%',
        'Replica of': 'a48e43ff268f4c0e879652d65e63d0fbin01',
        Type: 'Replica',
      },
    ],
    ['resize volume', samples.resizeVolume, { Volume: 'ULTRAHIGH, 100 GB → 200 GB' }],
    ['bind EIP', samples.bindEip, { 'Public IP': '10.154.217.154' }],
    ['switchover', samples.switchover, { 'Switch strategy': 'reliability' }],
    ['failed', samples.createFailed, { Status: 'Failed', 'Fail reason': 'createVM failed.' }],
    ['quirky id', samples.quirkyId, { ID: 'a9767ede fe0f 4888 9003 e843a4c90514' }],
  ];
  for (const [name, job, expected] of cases) {
    it(name, () => expect(fields(plain(job))).toMatchObject(expected));
  }

  it('lists resource ids one per line', () => {
    expect(plain(samples.createInstanceCompleted)).toContain(
      'Resource IDs  a48e43ff268f4c0e879652d65e63d0fbin01.vm\n              a48e43ff268f4c0e879652d65e63d0fbin01.volume\n',
    );
  });
});

describe('renderJob leaves out what does not apply', () => {
  it('no progress on a Completed job that still says "60% "', () => {
    const text = plain(samples.completedWithStaleProcess);
    expect(text).not.toContain('60');
    expect(fields(text)).not.toHaveProperty('Progress');
  });
  it('no progress on a Failed job', () =>
    expect(fields(plain({ ...samples.createFailed, process: '30%' }))).not.toHaveProperty('Progress'));
  it('no progress on a running job whose process is empty', () =>
    expect(fields(plain({ ...samples.createReplicaRunning, process: '' }))).not.toHaveProperty('Progress'));
  it('progress on an unknown (not finished) status, shown as-is', () =>
    expect(fields(plain({ ...samples.createReplicaRunning, status: 'Pending', process: '5%' }))).toMatchObject({
      Status: 'Pending',
      Progress: '5%',
    }));
  it('no fail reason unless Failed', () =>
    expect(fields(plain({ ...samples.switchover, fail_reason: 'old news' }))).not.toHaveProperty('Fail reason'));
  it('no rows for null fields', () => {
    const f = fields(plain(samples.createInstanceCompleted));
    expect(f).not.toHaveProperty('Fail reason');
    expect(f).not.toHaveProperty('Progress');
  });
  it('no ended row when the job has not ended', () =>
    expect(fields(plain(samples.createReplicaRunning))).not.toHaveProperty('Ended'));
  it('"-" for a missing id and status', () => expect(fields(plain({}))).toEqual({ ID: '-', Status: '-' }));
});

describe('renderJob on odd values', () => {
  const cases: [string, unknown, Record<string, string>][] = [
    [
      'numbers where strings are expected',
      { id: 42, name: 7, status: 'Running', process: 33 },
      { ID: '42', Name: '7', Progress: '33%' },
    ],
    [
      'an unparsable time is shown as sent',
      { created: 'yesterday', ended: 'today' },
      { Created: 'yesterday', Ended: 'today' },
    ],
    ['instance with only an id', { instance: { id: 'abc' } }, { Instance: 'abc' }],
    ['instance as a plain string', { instance: 'abc' }, { Instance: 'abc' }],
    [
      'sizes as numbers',
      { entities: { volume: { original_size: 100, target_size: 200 } } },
      { Volume: '100 GB → 200 GB' },
    ],
    ['only a target size', { entities: { volume: { target_size: '200' } } }, { Volume: '→ 200 GB' }],
    [
      'datastore without version',
      { entities: { instance: { datastore: { type: 'postgresql' } } } },
      { Datastore: 'postgresql' },
    ],
    ['resource_ids as a string', { entities: { resource_ids: 'x.vm' } }, { 'Resource IDs': 'x.vm' }],
    ['unknown scalar entity field', { entities: { charge_mode: 'postPaid' } }, { 'Charge mode': 'postPaid' }],
    ['unknown entity field inside instance', { entities: { instance: { port: 3306 } } }, { Port: '3306' }],
    ['unknown object entity field as compact JSON', { entities: { backup: { id: 'b1' } } }, { Backup: '{"id":"b1"}' }],
  ];
  for (const [name, job, expected] of cases) {
    it(name, () => expect(fields(plain(job as Job))).toMatchObject(expected));
  }

  it('skips empty entity values', () => {
    const f = fields(
      plain({ entities: { public_ip: '', resource_ids: [], switch_strategy: null, extra: {} } } as unknown as Job),
    );
    expect(Object.keys(f)).toEqual(['ID', 'Status']);
  });

  it('neutralises terminal escapes sent by the server', () => {
    const text = plain({ id: 'x', name: '\u001b[2Jevil\u001b]0;title\u0007', status: 'Running\u001b[31m' });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(fields(text).Name).toBe('\\x1b[2Jevil\\x1b]0;title\\x07');
  });

  it('keeps a multi-line value on one line', () => expect(fields(plain({ name: 'a\nb' } as Job)).Name).toBe('a\\nb'));
});

describe('renderJob with colour', () => {
  const coloured = (job: Job) => renderJob(job, { color: true, now, timeZone: 'UTC' });
  const cases: [string, string][] = [
    ['Completed', '\u001b[32mCompleted\u001b[39m'],
    ['Failed', '\u001b[31mFailed\u001b[39m'],
    ['Running', '\u001b[33mRunning\u001b[39m'],
  ];
  for (const [status, painted] of cases) {
    it(`${status} is coloured`, () => expect(coloured({ ...samples.createFailed, status })).toContain(painted));
  }
  it('an unknown status is shown uncoloured', () =>
    expect(coloured({ status: 'Queued' })).toMatch(/^Status +Queued$/m));
  it('the fail reason is red', () =>
    expect(coloured(samples.createFailed)).toContain('\u001b[31mcreateVM failed.\u001b[39m'));
  it('columns stay aligned despite escapes', () => {
    const stripped = coloured(samples.createFailed).replace(/\u001b\[\d+m/g, '');
    expect(stripped).toBe(renderJob(samples.createFailed, { color: false, now, timeZone: 'UTC' }));
  });
});
