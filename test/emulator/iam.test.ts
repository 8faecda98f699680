import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/types.js';
import { PROJECT_ID } from '../../emulator/sample-jobs.js';
import { AK, send, signedCall, TOKEN } from './client.js';
import { startTestEmulator } from './fixture.js';

const TWIN_A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const TWIN_B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator({
    projects: [
      { id: PROJECT_ID, name: 'cn-north-4' },
      { id: TWIN_A, name: 'ap-southeast-1' },
      { id: TWIN_B, name: 'ap-southeast-1' },
    ],
  });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const lookup = (region: string) =>
  signedCall(emulator.url, '', {
    path: '/v3/projects',
    query: [['name', region]],
    headers: { Host: new URL(emulator.url).host },
  });

describe('IAM KeystoneListProjects', () => {
  it.each([
    ['cn-north-4', [PROJECT_ID]],
    ['ap-southeast-1', [TWIN_A, TWIN_B]],
    ['eu-west-0', []],
  ])('lists the projects named %s', async (region, ids) => {
    const response = await lookup(region);
    expect(response.status).toBe(200);
    const body = response.json();
    expect(body.projects.map((p: { id: string }) => p.id)).toEqual(ids);
    for (const project of body.projects)
      expect(project).toMatchObject({ name: region, enabled: true, domain_id: expect.any(String) });
    expect(response.headers['x-iam-trace-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('needs no X-Project-Id and is logged without a job id', async () => {
    await lookup('cn-north-4');
    expect(emulator.requests[0]).toMatchObject({
      path: '/v3/projects',
      query: 'name=cn-north-4',
      status: 200,
      accepted: true,
    });
    expect(emulator.requests[0]).not.toHaveProperty('jobId');
  });

  it('accepts an IAM token', async () => {
    const response = await send(emulator.url, {
      target: '/v3/projects?name=cn-north-4',
      headers: { 'X-Auth-Token': TOKEN },
    });
    expect(response.json().projects).toHaveLength(1);
  });

  it('refuses a bad signature, with a trace id', async () => {
    const response = await signedCall(emulator.url, '', {
      path: '/v3/projects',
      query: [['name', 'cn-north-4']],
      credentials: { accessKey: AK, secretKey: 'nope' },
    });
    expect(response.status).toBe(401);
    expect(response.json().error_code).toBe('APIGW.0301');
    expect(response.headers['x-iam-trace-id']).toMatch(/^[0-9a-f]{32}$/);
  });
});
