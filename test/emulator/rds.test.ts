import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/types.js';
import { createFailed, createReplicaRunning, PROJECT_ID } from '../../emulator/sample-jobs.js';
import { always } from '../../emulator/scripts.js';
import { NOW, signedCall, TOKEN, tokenHeaders, send } from './client.js';
import { startTestEmulator } from './fixture.js';

const JOB = createFailed.id!;
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ jobs: { [JOB]: always(createFailed) } });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const poll = (id: string) => signedCall(emulator.url, id);
const statusOf = async (id: string) => {
  const response = await poll(id);
  return response.status === 200 ? (response.json().job.process ?? response.json().job.status) : response.status;
};

describe('ListJobInfo errors', () => {
  it.each<[string, Parameters<typeof signedCall>[2], number, string, RegExp]>([
    ['no X-Project-Id', { headers: {} }, 400, 'APIGW.0201', /X-Project-Id header is missing/],
    [
      'an X-Project-Id of another project',
      { headers: { 'X-Project-Id': 'ffffffffffffffffffffffffffffffff' } },
      400,
      'APIGW.0201',
      /does not match/,
    ],
    [
      'an unknown project in the path',
      { path: '/v3/ffffffffffffffffffffffffffffffff/jobs' },
      403,
      'APIGW.0302',
      /unknown project/,
    ],
    ['no id', { query: [] }, 400, 'DBS.200001', /^Parameter error\.$/],
    ['an empty id', { query: [['id', '']] }, 400, 'DBS.200001', /^Parameter error\.$/],
    ['an unknown job', { query: [['id', 'no-such-job']] }, 404, 'DBS.201204', /^The job does not exist\.$/],
    ['an unknown path', { path: `/v3/${PROJECT_ID}/backups` }, 404, 'APIGW.0101', /does not exist/],
    ['another method', { method: 'DELETE' }, 404, 'APIGW.0101', /does not exist/],
  ])('%s', async (_, call, status, code, message) => {
    const response = await signedCall(emulator.url, JOB, call);
    expect(response.status).toBe(status);
    expect(response.json()).toMatchObject({ error_code: code, error_msg: expect.stringMatching(message) });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(emulator.requests[0]!.accepted).toBe(true);
  });
});

describe('scripted histories', () => {
  it('advance one step per poll and repeat the last step', async () => {
    emulator.setJob('hist', {
      steps: [{ ...createReplicaRunning, process: '10%' }, { ...createReplicaRunning, process: '60%' }, createFailed],
    });
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await statusOf('hist'));
    expect(seen).toEqual(['10%', '60%', '', '', '']);
  });

  it('answer 404 for the first notFoundPolls polls', async () => {
    emulator.setJob('late', { notFoundPolls: 2, steps: [createFailed] });
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push((await poll('late')).status);
    expect(seen).toEqual([404, 404, 200, 200]);
  });

  it('start again when the job is set again or the emulator is reset', async () => {
    emulator.setJob('again', { notFoundPolls: 1, steps: [createFailed] });
    expect([(await poll('again')).status, (await poll('again')).status]).toEqual([404, 200]);
    emulator.reset();
    expect((await poll('again')).status).toBe(404);
    emulator.setJob('again', { notFoundPolls: 1, steps: [createFailed] });
    expect((await poll('again')).status).toBe(404);
  });

  it('count polls per job', async () => {
    emulator.setJob('a', { steps: [{ process: '1' }, { process: '2' }] });
    emulator.setJob('b', { steps: [{ process: '1' }, { process: '2' }] });
    expect([await statusOf('a'), await statusOf('a'), await statusOf('b')]).toEqual(['1', '2', '1']);
  });

  it('do not advance on refused requests', async () => {
    emulator.setJob('auth', { steps: [{ process: '1' }, { process: '2' }] });
    await signedCall(emulator.url, 'auth', { time: NOW - 20 * 60_000 });
    expect(await statusOf('auth')).toBe('1');
  });
});

describe('the request log', () => {
  it('records each request as it arrived', async () => {
    await send(emulator.url, { target: `/v3/${PROJECT_ID}/jobs?id=${JOB}&x=a+b`, headers: tokenHeaders(TOKEN) });
    await signedCall(emulator.url, JOB, { credentials: { accessKey: 'NOPE', secretKey: 'x' } });
    expect(emulator.requests).toEqual([
      {
        method: 'GET',
        path: `/v3/${PROJECT_ID}/jobs`,
        query: `id=${JOB}&x=a+b`,
        headers: expect.objectContaining({
          'x-auth-token': TOKEN,
          'x-project-id': PROJECT_ID,
        }),
        status: 200,
        accepted: true,
        jobId: JOB,
        api: 'ListJobInfo',
        time: NOW,
      },
      expect.objectContaining({ status: 401, accepted: false, jobId: JOB, api: 'ListJobInfo' }),
    ]);
    expect(emulator.requests[1]!.headers).toHaveProperty('x-sdk-date');
  });

  it('is empty when nothing was sent and after reset', async () => {
    expect(emulator.requests).toEqual([]);
    await poll(JOB);
    expect(emulator.requests).toHaveLength(1);
    emulator.reset();
    expect(emulator.requests).toEqual([]);
  });
});
