// The sibling services' job APIs as the emulator serves them: each one's path, parameters and answer, as strict as
// the real gateway (huawei-rds-api.md § Sibling services).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ID } from '../../emulator/sample-jobs.js';
import { serviceJob, serviceTime } from '../../emulator/sample-services.js';
import type { Emulator, SiblingService } from '../../emulator/types.js';
import { NOW, signedCall } from './client.js';
import { startTestEmulator } from './fixture.js';

const DAY = 24 * 60 * 60 * 1000;
const SERVICES: SiblingService[] = ['taurusdb', 'gaussdb', 'dds', 'geminidb'];
const emus = {} as Record<SiblingService, Emulator>;

beforeAll(async () => {
  for (const service of SERVICES) {
    emus[service] = await startTestEmulator({
      service,
      jobs: {
        done: { steps: [serviceJob(service, 'done', 'Completed', { now: NOW })] },
        running: { steps: [serviceJob(service, 'running', 'Running', { now: NOW })] },
        old: { steps: [serviceJob(service, 'old', 'Completed', { now: NOW - 40 * DAY })] },
      },
    });
  }
});
afterAll(() => Promise.all(SERVICES.map((service) => emus[service].close())));
beforeEach(() => {
  for (const service of SERVICES) emus[service].reset();
});

const PARAMETER_ERROR = { error_code: 'DBS.200001', error_msg: 'Parameter error.' };

describe.each(SERVICES)('%s', (service) => {
  it('serves the job in the service’s own shape, signed over its own host', async () => {
    const response = await signedCall(emus[service].url, 'done');
    expect(response.status).toBe(200);
    const body = response.json();
    if (service === 'geminidb') {
      expect(body).toEqual({ jobs: [serviceJob(service, 'done', 'Completed', { now: NOW })], total_count: 1 });
      expect(body.jobs[0]).toHaveProperty('start_time');
    } else {
      expect(body).toEqual({ job: serviceJob(service, 'done', 'Completed', { now: NOW }) });
    }
  });

  it('refuses a signature made over another host (401), as the gateway would', async () => {
    const url = emus[service].url;
    const response = await signedCall(url, 'done', {
      headers: { Host: 'rds.cn-north-4.myhuaweicloud.com', 'X-Project-Id': PROJECT_ID },
      extraHeaders: { Host: new URL(url).host },
    });
    expect(response.status).toBe(401);
    expect(response.json().error_code).toBe('APIGW.0301');
  });

  it('publishes no RDS task center or instances, nor TaurusDB’s deprecated path', async () => {
    for (const path of [`/v3/${PROJECT_ID}/tasklist`, `/v3/${PROJECT_ID}/instances`, `/mysql/v3/${PROJECT_ID}/jobs`]) {
      const response = await signedCall(emus[service].url, 'done', { path });
      expect(response.status).toBe(404);
      expect(response.json().error_code).toBe('APIGW.0101');
    }
  });

  it('refuses a parameter the call does not take, a repeated one, or an empty id', async () => {
    for (const query of [
      [
        ['id', 'done'],
        ['verbose', '1'],
      ],
      [
        ['id', 'done'],
        ['id', 'done'],
      ],
      [['id', '']],
    ] as Array<Array<[string, string]>>) {
      const response = await signedCall(emus[service].url, 'done', { query });
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.json()).toEqual(PARAMETER_ERROR);
    }
  });
});

describe.each(['taurusdb', 'gaussdb', 'dds'] as const)('%s single-job call', (service) => {
  it('an unknown job is a 404; no id is a parameter error', async () => {
    expect((await signedCall(emus[service].url, 'ghost')).status).toBe(404);
    const none = await signedCall(emus[service].url, 'done', { query: [] });
    expect(none.status).toBe(400);
    expect(none.json()).toEqual(PARAMETER_ERROR);
  });

  it('takes none of GeminiDB’s list parameters', async () => {
    const response = await signedCall(emus[service].url, 'done', {
      query: [
        ['id', 'done'],
        ['limit', '10'],
      ],
    });
    expect(response.status).toBe(400);
  });
});

describe('GeminiDB ListJobs', () => {
  const list = (query: Array<[string, string]>) => signedCall(emus.geminidb.url, '', { query });
  const ids = async (query: Array<[string, string]>) => {
    const response = await list(query);
    expect(response.status, JSON.stringify(query)).toBe(200);
    return response.json().jobs.map((job: { id: string }) => job.id);
  };

  it('an unknown id is an empty list, 200', async () => {
    const response = await list([['id', 'ghost']]);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ jobs: [], total_count: 0 });
  });

  it('without an id: every job of the default window (the last 30 days), filtered by status and name', async () => {
    expect(await ids([])).toEqual(['done', 'running']);
    expect(await ids([['status', 'Running']])).toEqual(['running']);
    expect(await ids([['name', 'CreateInstance']])).toEqual(['done', 'running']);
    expect(await ids([['name', 'RestartInstance']])).toEqual([]);
  });

  it('a window given in the API’s time format reaches older jobs', async () => {
    const window: Array<[string, string]> = [
      ['start_time', serviceTime(NOW - 45 * DAY)],
      ['end_time', serviceTime(NOW - 20 * DAY)],
    ];
    expect(await ids(window)).toEqual(['old']);
    expect(await ids([['id', 'old']])).toEqual([]);
    expect(await ids([['id', 'old'], ...window])).toEqual(['old']);
  });

  it('pages with offset and a limit of 10, 20 or 50', async () => {
    expect(
      await ids([
        ['offset', '1'],
        ['limit', '10'],
      ]),
    ).toEqual(['running']);
    expect(await ids([['limit', '50']])).toEqual(['done', 'running']);
  });

  it.each<[string, Array<[string, string]>]>([
    ['a limit other than 10, 20, 50', [['limit', '15']]],
    ['a negative offset', [['offset', '-1']]],
    ['a status it does not know', [['status', 'Pending']]],
    ['a time in another format', [['start_time', '2024-01-01 00:00:00']]],
    ['a time in milliseconds', [['end_time', String(NOW)]]],
    [
      'a window that ends before it starts',
      [
        ['start_time', serviceTime(NOW - DAY)],
        ['end_time', serviceTime(NOW - 2 * DAY)],
      ],
    ],
    [
      'a window of more than 30 days',
      [
        ['start_time', serviceTime(NOW - 31 * DAY)],
        ['end_time', serviceTime(NOW)],
      ],
    ],
    ['a parameter it does not take', [['instance_id', 'x']]],
  ])('refuses %s', async (_, query) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    expect(response.json()).toEqual(PARAMETER_ERROR);
  });

  it('scripted histories advance per request for the id, with faults as for RDS', async () => {
    emus.geminidb.setJob('hist', {
      notFoundPolls: 1,
      steps: [{ fault: 'status', status: 503 }, serviceJob('geminidb', 'hist', 'Completed', { now: NOW })],
    });
    expect((await list([['id', 'hist']])).json()).toEqual({ jobs: [], total_count: 0 });
    expect((await list([['id', 'hist']])).status).toBe(503);
    expect((await list([['id', 'hist']])).json().jobs[0].status).toBe('Completed');
  });
});
