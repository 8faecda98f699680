// One job by id, from the chosen service (services/): `GET {endpoint}/v3/{project_id}/jobs?id={job_id}` → the job in
// the one job model, its text as received kept for `--json`. RDS's ListJobInfo unless a service says otherwise.
import { NotFoundError } from '../errors.js';
import { jobNotFound } from '../job-not-found.js';
import type { HttpClient } from '../http/client.js';
import type { Job } from '../job.js';
import { rds } from '../services/rds.js';
import { serviceTitle } from '../services/names.js';
import type { JobService } from '../services/types.js';
import { malformedBody } from './malformed.js';
import type { CallOptions } from './types.js';

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
    // (The gateway's APIGW.0101, a wrong endpoint, is no NotFoundError: http/api-error.ts.)
    if (error instanceof NotFoundError) {
      throw jobNotFound(jobId, { status: 404, code: error.code, requestId: error.requestId, cause: error });
    }
    throw error;
  }
  const reading = service.readJob(response.body, response.text, jobId);
  if ('malformed' in reading) throw malformedBody(reading.malformed, response, serviceTitle(service.name));
  if ('listedNone' in reading) {
    // The same "not found" a 404 is, so a wait reads it as "not visible yet" within the grace period.
    const { status, requestId } = response;
    throw jobNotFound(jobId, { status, requestId, listedBy: serviceTitle(service.name) });
  }
  return reading.job;
}
