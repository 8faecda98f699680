// One job by id, from the chosen service (services/): `GET {endpoint}/v3/{project_id}/jobs?id={job_id}` → the job in
// the one job model, its text as received kept for `--json`. RDS's ListJobInfo unless a service says otherwise.
import { NotFoundError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import type { Job } from '../job.js';
import { rds } from '../services/rds.js';
import { serviceTitle } from '../services/names.js';
import type { JobService } from '../services/types.js';
import { malformedBody } from './malformed.js';
import type { CallOptions } from './types.js';

const NOT_VISIBLE_HINT =
  'a new job takes a few seconds to become visible, and only jobs of the last month can be queried; ' +
  'check the id, the region and the project id';

export async function fetchJob(
  http: HttpClient,
  endpoint: string,
  projectId: string,
  jobId: string,
  signal?: AbortSignal,
  retries?: number,
  service: JobService = rds,
  onPause?: CallOptions['onPause'],
): Promise<Job> {
  let response;
  try {
    response = await http.getJson(
      endpoint,
      `/v3/${projectId}/jobs`,
      // `GET /v3/{project_id}/jobs?id=…` for every service so far (src/services/*.ts cite each SDK's request).
      [['id', jobId]],
      { 'X-Project-Id': projectId },
      signal,
      retries,
      onPause,
    );
  } catch (error) {
    if (error instanceof NotFoundError) throw jobNotFound(jobId, error);
    throw error;
  }
  const reading = service.readJob(response.body, response.text, jobId);
  if ('malformed' in reading) throw malformedBody(reading.malformed, response, serviceTitle(service.name));
  if ('listedNone' in reading) {
    // The same "not found" a 404 is, so a wait reads it as "not visible yet" within the grace period.
    const requestId = response.requestId ? `, request id ${response.requestId}` : '';
    throw new NotFoundError(
      `job ${jobId} not found (${serviceTitle(service.name)} lists no job with this id${requestId})`,
      {
        itemId: jobId,
        status: response.status,
        requestId: response.requestId,
        hint: NOT_VISIBLE_HINT,
      },
    );
  }
  return reading.job;
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
    hint: NOT_VISIBLE_HINT,
  });
}
