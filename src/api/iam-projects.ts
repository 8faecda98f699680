// Project id from region: IAM KeystoneListProjects (`GET {iam}/v3/projects?name={region}`), signed like RDS calls.
import { SETTINGS } from '../config/settings.js';
import { isValidProjectId, quote } from '../config/validate.js';
import { AuthError, ConfigError, MalformedResponseError, NotFoundError } from '../errors.js';
import type { HttpClient } from '../http/client.js';

const SET_IT = `pass --project-id, set ${SETTINGS.projectId.env[0]}, or run \`rdsjob config set ${SETTINGS.projectId.name} ID\``;

interface Project {
  id: string;
  name?: string;
}

export async function lookupProjectId(
  http: HttpClient,
  iamEndpoint: string,
  region: string,
  signal?: AbortSignal,
): Promise<string> {
  let body: unknown;
  try {
    body = (await http.getJson(iamEndpoint, '/v3/projects', [['name', region]], {}, signal)).body;
  } catch (error) {
    throw explainLookupFailure(error);
  }
  const list = (body as { projects?: unknown } | null)?.projects;
  if (!Array.isArray(list))
    throw new MalformedResponseError('IAM response has no projects list', { hint: 'check --iam-endpoint' });
  const projects = list.filter(isProject);

  if (projects.length === 0) {
    throw new ConfigError(`no project for region ${region}`, {
      hint: `check the region (is it enabled for this account?), or ${SET_IT}`,
    });
  }
  if (projects.length > 1) {
    const names = projects.map((p) => (p.name ? `${p.id} (${p.name})` : p.id)).join(', ');
    throw new ConfigError(`several projects for region ${region}: ${names}`, {
      hint: 'pick one: pass --project-id ID',
    });
  }
  const id = projects[0]!.id;
  if (!isValidProjectId(id)) throw new MalformedResponseError(`IAM returned an invalid project id ${quote(id)}`);
  return id;
}

/** The lookup is a convenience: when it fails for lack of permission or a wrong endpoint, say how to skip it. */
function explainLookupFailure(error: unknown): unknown {
  if (error instanceof AuthError) {
    const hint = `${error.hint ?? 'check the credentials'}; listing IAM projects may also need its own permission: ${SET_IT}`;
    return new AuthError(error.message, {
      status: error.status,
      code: error.code,
      requestId: error.requestId,
      hint,
      cause: error,
    });
  }
  if (error instanceof NotFoundError) {
    return new ConfigError(`IAM project lookup failed: ${error.message}`, {
      status: error.status,
      code: error.code,
      requestId: error.requestId,
      cause: error,
      hint: `check --iam-endpoint (or ${SETTINGS.iamEndpoint.env[0]}), or ${SET_IT}`,
    });
  }
  return error;
}

function isProject(value: unknown): value is Project {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name } = value as Record<string, unknown>;
  return typeof id === 'string' && (name === undefined || typeof name === 'string');
}
