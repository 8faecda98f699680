// RDS ListJobInfo: `GET {endpoint}/v3/{project_id}/jobs?id={job_id}` → the `job` object exactly as received.
import { NotFoundError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import type { Job } from '../job.js';
import { isObject } from '../values.js';
import { malformedBody } from './malformed.js';
import { rawMember, rememberText } from '../raw-json.js';

export async function fetchJob(
  http: HttpClient,
  endpoint: string,
  projectId: string,
  jobId: string,
  signal?: AbortSignal,
  retries?: number,
): Promise<Job> {
  let response;
  try {
    response = await http.getJson(
      endpoint,
      `/v3/${projectId}/jobs`,
      [['id', jobId]],
      { 'X-Project-Id': projectId },
      signal,
      retries,
    );
  } catch (error) {
    if (error instanceof NotFoundError) throw jobNotFound(jobId, error);
    throw error;
  }
  const body = response.body;
  const job = isObject(body) ? body.job : undefined;
  if (!isObject(job)) throw malformedBody('has no job object', response);
  const raw = rawMember(response.text, 'job');
  if (raw !== undefined) rememberText(job, raw);
  return job as Job;
}

function jobNotFound(jobId: string, cause: NotFoundError): NotFoundError {
  const requestId = cause.requestId ? `, request id ${cause.requestId}` : '';
  return new NotFoundError(`job ${jobId} not found (HTTP 404${requestId})`, {
    itemId: jobId,
    status: 404,
    code: cause.code,
    requestId: cause.requestId,
    cause,
    // (The gateway's APIGW.0101, a wrong endpoint, is no NotFoundError: http/api-error.ts.)
    hint:
      'a new job takes a few seconds to become visible, and only jobs of the last month can be queried; ' +
      'check the id, the region and the project id',
  });
}
