// The real JobsApi: one HttpClient (one keep-alive pool) for the IAM lookup and every ListJobInfo call.
import { authFrom } from '../config/auth.js';
import { requireEndpoint } from '../config/require.js';
import type { JobsApi, JobsApiFactory } from './types.js';
import { fetchJob } from './jobs.js';
import { resolveProjectId } from './project-id.js';

export { resolveProjectId } from './project-id.js';

export const createJobsApi: JobsApiFactory = async (config, context) => {
  const endpoint = requireEndpoint(config).value;
  const auth = authFrom(config);
  // Loaded here, not at the top, so commands that send nothing (--help, config path) never load got.
  const { createHttpClient } = await import('../http/client.js');
  const http = createHttpClient({
    auth,
    now: context.now,
    debug: context.debug,
    retries: context.retries,
    proxyEnv: context.env,
  });

  let projectId: string;
  try {
    const resolved = await resolveProjectId(config, { ...context, http });
    projectId = resolved.projectId!.value;
  } catch (error) {
    http.close();
    throw error;
  }

  const api: JobsApi = {
    getJob: (jobId, options) => fetchJob(http, endpoint, projectId, jobId, eitherSignal(options?.signal, context.signal)),
    close: () => http.close(),
  };
  return api;
};

function eitherSignal(a?: AbortSignal, b?: AbortSignal): AbortSignal | undefined {
  if (a === undefined || b === undefined || a === b) return a ?? b;
  return AbortSignal.any([a, b]);
}
