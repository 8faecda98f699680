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
    proxyEnv: context.env,
  });

  let projectId: string;
  try {
    // The lookup keeps the client's usual retries even under `wait`: nothing else would retry it, and one IAM
    // hiccup must not end a wait before it started. `context.retries` is for the job polls only.
    const resolved = await resolveProjectId(config, { ...context, http });
    projectId = resolved.projectId!.value;
  } catch (error) {
    http.close();
    throw error;
  }

  const either = combinedWith(context.signal);
  const api: JobsApi = {
    getJob: (jobId, options) => fetchJob(http, endpoint, projectId, jobId, either(options?.signal), context.retries),
    close: () => http.close(),
  };
  return api;
};

/**
 * One combined signal per caller signal, not one per request: on Node 20 every AbortSignal.any() leaves a trace
 * in its sources, and `wait` calls getJob thousands of times with the same signal (measured: the heap grew by
 * ~150 bytes per poll before this).
 */
function combinedWith(base: AbortSignal | undefined): (signal?: AbortSignal) => AbortSignal | undefined {
  const combined = new WeakMap<AbortSignal, AbortSignal>();
  return (signal) => {
    if (signal === undefined || base === undefined || signal === base) return signal ?? base;
    let both = combined.get(signal);
    if (both === undefined) combined.set(signal, (both = AbortSignal.any([signal, base])));
    return both;
  };
}
