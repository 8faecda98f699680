// RDS ListJobInfo (`GET /v3/{project_id}/jobs?id=`), after the gateway has authenticated the request.
// Error codes the real service does not document for these cases were chosen to be plausible and stable:
//   unknown project in the path          403 APIGW.0302
//   X-Project-Id missing / not the path's 400 APIGW.0201
//   no `id` (or an empty one)            400 DBS.200001 "Parameter error."
//   job unknown or not visible yet       404 DBS.201204 "The job does not exist."
import type { EmulatorProject } from './types.js';
import { faultReply } from './faults.js';
import { gatewayError, jsonReply, serviceError, type Reply } from './reply.js';
import { isFault, type JobBook } from './scripts.js';

export const JOB_NOT_FOUND = { code: 'DBS.201204', message: 'The job does not exist.' } as const;
export const PARAMETER_ERROR = { code: 'DBS.200001', message: 'Parameter error.' } as const;

export interface JobsRequest {
  projectId: string;
  /** X-Project-Id as received. */
  headerProjectId: string | undefined;
  jobId: string | undefined;
  requestId: string;
}

/** `/v3/{project_id}/jobs` → the project id; undefined for any other path. */
export function matchJobsPath(segments: readonly string[]): string | undefined {
  const [root, version, projectId, resource, ...rest] = segments;
  const exact = root === '' && version === 'v3' && resource === 'jobs' && rest.length === 0;
  return exact && projectId !== undefined && projectId !== '' ? projectId : undefined;
}

/** What the gateway says about the project of a project-scoped RDS request, or undefined when it is fine. */
export function projectProblem(
  projectId: string,
  headerProjectId: string | undefined,
  projects: readonly EmulatorProject[],
  requestId: string,
): Reply | undefined {
  if (!projects.some((project) => project.id === projectId)) {
    return gatewayError(
      403,
      'APIGW.0302',
      `The IAM user is not authorized to access the API: unknown project ${projectId}.`,
      requestId,
    );
  }
  if (headerProjectId === undefined) {
    return gatewayError(400, 'APIGW.0201', 'Request is not valid: the X-Project-Id header is missing.', requestId);
  }
  if (headerProjectId !== projectId) {
    return gatewayError(
      400,
      'APIGW.0201',
      'Request is not valid: X-Project-Id does not match the project in the URL.',
      requestId,
    );
  }
  return undefined;
}

export function listJobInfo(request: JobsRequest, projects: readonly EmulatorProject[], book: JobBook): Reply {
  const { projectId, headerProjectId, jobId, requestId } = request;
  const problem = projectProblem(projectId, headerProjectId, projects, requestId);
  if (problem !== undefined) return problem;
  if (jobId === undefined || jobId === '') return serviceError(400, PARAMETER_ERROR.code, PARAMETER_ERROR.message);
  const outcome = book.poll(jobId);
  if (outcome.kind === 'not-found') return serviceError(404, JOB_NOT_FOUND.code, JOB_NOT_FOUND.message);
  return isFault(outcome.step) ? faultReply(outcome.step, jobId, requestId) : jsonReply(200, { job: outcome.step });
}
