// The one factory of API clients, used by the CLI (once per run), `config list` (through the CLI's) and the
// programmatic API: resolved configuration → one signed HTTP client (one keep-alive pool for the IAM lookup and
// every RDS call) → the RDS operations.
import { authFrom } from '../config/auth.js';
import { requireEndpoint } from '../config/require.js';
import { createHttpClient } from '../http/client.js';
import { API_BOUND_MS, attemptTimeoutMs, MAX_RETRY_AFTER_MS } from '../limits.js';
import { fetchJob } from './job-info.js';
import { fetchInstancePage } from './instances.js';
import { fetchTaskPage } from './tasks.js';
import { resolveProjectId } from './project-id.js';
import { loadService } from '../services/load.js';
import { serviceOf, serviceTitle } from '../services/names.js';
import { taskCenterRefusal } from '../services/task-center.js';
import type { Api, ApiFactory } from './types.js';

export const openApi: ApiFactory = async (config, context) => {
  const endpoint = requireEndpoint(config).value;
  const auth = authFrom(config);
  // The chosen service's file only (its job request and shape): RDS's is part of this chunk already.
  const service = await loadService(serviceOf(config));
  const bound = context.requestBoundMs ?? API_BOUND_MS;
  const http = createHttpClient(
    {
      auth,
      debug: context.debug,
      proxyEnv: context.env,
      timeoutMs: attemptTimeoutMs(bound),
      maxRetryAfterMs: Math.min(bound, MAX_RETRY_AFTER_MS),
      userAgent: context.userAgent,
      service: serviceTitle(service.name),
    },
    context,
  );

  // Another service's task center is refused here, before the IAM lookup: for a client opened to list tasks or
  // instances at once, else when one of them is asked for.
  const refusal = taskCenterRefusal(config);
  if (refusal !== undefined && context.taskCenter) throw refusal;

  let resolved;
  try {
    // The lookup keeps the client's usual retries even under `wait`: nothing else would retry it, and one IAM
    // hiccup must not end a wait before it started.
    resolved = await resolveProjectId(config, { ...context, http });
  } catch (error) {
    http.close();
    throw error;
  }
  const projectId = resolved.projectId!.value;
  const either = combinedWith(context.signal);
  const api: Api = {
    config: resolved,
    getJob: (jobId, options) =>
      fetchJob(http, endpoint, projectId, jobId, either(options?.signal), options?.retries, service, options?.onPause),
    listTasks: async (query, options) => {
      if (refusal !== undefined) throw refusal;
      return fetchTaskPage(http, endpoint, projectId, query, { ...options, signal: either(options?.signal) });
    },
    listInstances: async (query, options) => {
      if (refusal !== undefined) throw refusal;
      return fetchInstancePage(http, endpoint, projectId, query, { ...options, signal: either(options?.signal) });
    },
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
