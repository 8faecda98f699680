// GeminiDB's emulator judged by GeminiDB's own official client (huaweicloud-sdk-gaussdbfornosql): its ListJobs,
// built and signed by the SDK, must be accepted, answered in the shape the SDK reads, and refused where the API
// refuses it — as RDS's emulator is by the RDS request the SDK core builds (emulator-fidelity.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serviceJob, serviceTime } from '../../emulator/sample-services.js';
import type { Emulator } from '../../emulator/server.js';
import { AK, PROJECT_ID, SK, emulator } from '../e2e/harness.js';
import { basicCredentials, geminiDbClient, listJobsRequest } from './sdk.js';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();
const done = serviceJob('geminidb', 'done', 'Completed', { now });
const running = serviceJob('geminidb', 'running', 'Running', { now });

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator({
    service: 'geminidb',
    jobs: { done: { steps: [done] }, running: { steps: [running] } },
  });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

async function sdkError(promise: Promise<unknown>): Promise<{ httpStatusCode?: number; errorCode?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { httpStatusCode?: number; errorCode?: string };
  }
  throw new Error('the SDK call succeeded');
}

describe('the official GeminiDB client against the emulator', () => {
  const client = () => geminiDbClient(basicCredentials(AK, SK, PROJECT_ID), emu.url);

  it('ListJobs by id, signed by the SDK, is accepted and answers the job as the SDK reads it', async () => {
    const response = await client().listJobs(listJobsRequest().withId('done'));
    expect(response.httpStatusCode).toBe(200);
    expect(response.jobs).toEqual([done]);
    expect(response.total_count).toBe(1);
    const [request] = emu.requests;
    expect(request).toMatchObject({ accepted: true, api: 'ListJobs', jobId: 'done', query: 'id=done' });
    expect(request!.headers.authorization).toMatch(/SignedHeaders=content-type;host;x-project-id;x-sdk-date, /);
  });

  it('an unknown id: an empty list, 200, as the API documents', async () => {
    const response = await client().listJobs(listJobsRequest().withId('ghost'));
    expect(response.httpStatusCode).toBe(200);
    expect(response.jobs).toEqual([]);
  });

  it('the list with every window parameter the SDK sends', async () => {
    const request = listJobsRequest()
      .withStartTime(serviceTime(now - DAY))
      .withEndTime(serviceTime(now + 60_000))
      .withStatus('Running')
      .withOffset(0)
      .withLimit(10);
    const response = await client().listJobs(request);
    expect(response.jobs).toEqual([running]);
    expect(emu.requests[0]!.accepted).toBe(true);
  });

  it('a limit the API does not take is refused, and the SDK reads the error', async () => {
    const error = await sdkError(client().listJobs(listJobsRequest().withLimit(15)));
    expect(error).toMatchObject({ httpStatusCode: 400, errorCode: 'DBS.200001' });
  });

  it('signed with another key: refused (401)', async () => {
    const error = await sdkError(
      geminiDbClient(basicCredentials(AK, 'not-the-secret', PROJECT_ID), emu.url).listJobs(
        listJobsRequest().withId('done'),
      ),
    );
    expect(error).toMatchObject({ httpStatusCode: 401, errorCode: 'APIGW.0301' });
  });
});
