// The emulator judged by the official SDK: a ListJobInfo request built and signed by the SDK's own HcClient must
// be accepted exactly like the real gateway would, and one signed with another key refused. If our signer and the
// emulator shared a mistake, this is where it would show.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server.js';
import { edgeDb, reportingA, reportingB, sampleInstances } from '../../emulator/sample-instances.js';
import { createInstanceCompleted } from '../../emulator/sample-jobs.js';
import { ORDERS_DB, resizeRunning, sampleTasks } from '../../emulator/sample-tasks.js';
import { AK, PROJECT_ID, SECURITY_TOKEN, SK, TEMP_AK, TEMP_SK, emulator } from '../e2e/harness.js';
import { basicCredentials, hcClient } from './sdk.js';

/** What RdsClient.listJobInfo (huaweicloud-sdk-rds) hands to HcClient.sendRequest; that package is not installed. */
function listJobInfoOptions(id: string, xLanguage?: string): Record<string, unknown> {
  return {
    method: 'GET',
    url: '/v3/{project_id}/jobs',
    contentType: 'application/json',
    queryParams: { id },
    pathParams: {},
    headers: xLanguage === undefined ? {} : { 'X-Language': xLanguage },
  };
}

/** What RdsClient.listTasks hands to HcClient.sendRequest (GenReqDefForListTasks: all query parameters). */
function listTasksOptions(queryParams: Record<string, string | number>): Record<string, unknown> {
  return {
    method: 'GET',
    url: '/v3/{project_id}/tasklist',
    contentType: 'application/json',
    queryParams,
    pathParams: {},
    headers: {},
  };
}

interface SdkError {
  httpStatusCode?: number;
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
}

async function sdkError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('the SDK call succeeded');
}

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => emu.reset());

const jobId = createInstanceCompleted.id!;

describe('the official SDK client against the emulator', () => {
  it('ListJobInfo signed by the SDK is accepted and returns the job', async () => {
    const client = hcClient(basicCredentials(AK, SK, PROJECT_ID), emu.url);
    const response = await client.sendRequest(listJobInfoOptions(jobId));
    expect(response.httpStatusCode).toBe(200);
    expect(response.job).toEqual(createInstanceCompleted);
    const [request] = emu.requests;
    expect(request!.accepted).toBe(true);
    expect(request!.path).toBe(`/v3/${PROJECT_ID}/jobs`);
    expect(request!.headers['x-project-id']).toBe(PROJECT_ID);
    expect(request!.headers.authorization).toMatch(/SignedHeaders=content-type;host;x-project-id;x-sdk-date, /);
  });

  it('with temporary credentials (signed X-Security-Token) and an X-Language header', async () => {
    const client = hcClient(basicCredentials(TEMP_AK, TEMP_SK, PROJECT_ID, SECURITY_TOKEN), emu.url);
    const response = await client.sendRequest(listJobInfoOptions(jobId, 'en-us'));
    expect(response.job).toEqual(createInstanceCompleted);
    expect(emu.requests[0]!.headers.authorization).toContain('x-language;x-project-id;x-sdk-date;x-security-token');
  });

  it('an unknown job: the SDK sees the RDS error code and the request id', async () => {
    const error = await sdkError(
      hcClient(basicCredentials(AK, SK, PROJECT_ID), emu.url).sendRequest(listJobInfoOptions('no-such-job')),
    );
    expect(error).toMatchObject({ httpStatusCode: 404, errorCode: 'DBS.201204' });
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('the same request signed with another secret key is refused: 401 APIGW.0301', async () => {
    const error = await sdkError(
      hcClient(basicCredentials(AK, 'not-the-secret-key-0123456789', PROJECT_ID), emu.url).sendRequest(
        listJobInfoOptions(jobId),
      ),
    );
    expect(error).toMatchObject({ httpStatusCode: 401, errorCode: 'APIGW.0301' });
    expect(error.errorMsg).toContain('verify aksk signature fail');
    expect(emu.requests.map((r) => r.accepted)).toEqual([false]);
  });

  it('ListTasks signed by the SDK with several query parameters is accepted and filtered', async () => {
    emu.setTasks(sampleTasks());
    const client = hcClient(basicCredentials(AK, SK, PROJECT_ID), emu.url);
    const response = await client.sendRequest(
      listTasksOptions({ instance_id: ORDERS_DB.id, status: 'Running', offset: 0, limit: 50 }),
    );
    expect(response.httpStatusCode).toBe(200);
    expect(response).toMatchObject({
      total_count: 1,
      actions: ['ResizeFlavor'],
      tasks: [{ id: resizeRunning.id, process: '30' }],
    });
    expect(emu.requests[0]).toMatchObject({ accepted: true, api: 'ListTasks' });
    expect(emu.requests[0]!.query.split('&').sort()).toEqual([
      `instance_id=${ORDERS_DB.id}`,
      'limit=50',
      'offset=0',
      'status=Running',
    ]);
  });

  it('ListInstances signed by the SDK (GenReqDefForListInstances) is accepted: by name, Flexus, a bad limit', async () => {
    emu.setInstances(sampleInstances());
    const client = hcClient(basicCredentials(AK, SK, PROJECT_ID), emu.url);
    const listInstances = (queryParams: Record<string, string | number>) =>
      client.sendRequest({
        method: 'GET',
        url: '/v3/{project_id}/instances',
        contentType: 'application/json',
        queryParams,
        pathParams: {},
        headers: {},
      });
    const byName = await listInstances({ name: 'reporting', offset: 0, limit: 100 });
    expect(byName).toMatchObject({ total_count: 2, instances: [{ id: reportingA.id }, { id: reportingB.id }] });
    expect(await listInstances({ name: 'edge-db' })).toMatchObject({ total_count: 0, instances: [] });
    expect(await listInstances({ name: 'edge-db', group_type: 'flexus' })).toMatchObject({
      instances: [{ id: edgeDb.id }],
    });
    const error = await sdkError(listInstances({ limit: 101 }));
    expect(error).toMatchObject({ httpStatusCode: 400, errorCode: 'DBS.200001' });
    expect(emu.requests.every((r) => r.accepted && r.api === 'ListInstances')).toBe(true);
  });

  it('ListTasks with a millisecond window, and a bad limit answered as the API does', async () => {
    const client = hcClient(basicCredentials(AK, SK, PROJECT_ID), emu.url);
    const window = await client.sendRequest(
      listTasksOptions({ start_time: '1764200000000', end_time: '1764300000000', limit: 10 }),
    );
    expect(window.httpStatusCode).toBe(200);
    const error = await sdkError(client.sendRequest(listTasksOptions({ limit: 51 })));
    expect(error).toMatchObject({ httpStatusCode: 400, errorCode: 'DBS.200001' });
  });

  it('a temporary key without its security token is refused', async () => {
    const error = await sdkError(
      hcClient(basicCredentials(TEMP_AK, TEMP_SK, PROJECT_ID), emu.url).sendRequest(listJobInfoOptions(jobId)),
    );
    expect(error).toMatchObject({ httpStatusCode: 401, errorCode: 'APIGW.0301' });
  });
});
