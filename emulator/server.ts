// A strict local stand-in for Huawei Cloud's API gateway in front of RDS (ListJobInfo) and IAM (projects), or in
// front of one of RDS's sibling services (options.service: siblings.ts). One server answers the service and IAM, so
// tests point both endpoints at the same URL; each service gets its own server (its own host and port).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, AUTH_ERROR_CODE, type GatewayKeys } from './gateway-auth.js';
import { IAM_PROJECTS_PATH, listProjects } from './iam.js';
import { AccessKeyLockout } from './lockout.js';
import { listJobInfo, matchJobsPath, projectProblem } from './rds.js';
import { gatewayError, newRequestId, replyStatus, type Reply } from './reply.js';
import { JobBook } from './scripts.js';
import { InstanceBook, listInstances, matchInstancesPath } from './instances.js';
import { listTasks, matchTaskListPath, TaskBook } from './tasks.js';
import { OPERATIONS, siblingJobs } from './siblings.js';
import type { Emulator, EmulatorOptions, LoggedRequest } from './types.js';
import { decodePathSegments, headerValue, parseQuery, queryValue, splitTarget, type WireRequest } from './wire.js';

export type { EmulatedService, Emulator, EmulatorOptions, Fault, JobScript, LoggedRequest } from './types.js';

const API_NOT_FOUND = 'APIGW.0101';

interface Routed {
  reply: Reply;
  /** Whether the gateway authenticated the request. */
  accepted: boolean;
  iam: boolean;
  jobId?: string;
  api?: LoggedRequest['api'];
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const book = new JobBook(options.jobs);
  const tasks = new TaskBook(options.tasks);
  const instances = new InstanceBook(options.instances);
  const requests: LoggedRequest[] = [];
  const keys: GatewayKeys = {
    credentials: options.credentials,
    authTokens: options.authTokens ?? [],
    now: options.now ?? Date.now,
  };
  const lockout = options.akLockout === false ? undefined : new AccessKeyLockout(keys.now);
  let url = '';
  const service = options.service ?? 'rds';
  const sibling = service === 'rds' ? undefined : service;

  const route = (wire: WireRequest, requestId: string): Routed => {
    const segments = decodePathSegments(wire.rawPath) ?? [];
    const query = parseQuery(wire.rawQuery) ?? [];
    const iam = segments.join('/') === IAM_PROJECTS_PATH;
    const projectId = matchJobsPath(segments);
    // A sibling service publishes its jobs call only: RDS's task center and instances are not on its host.
    const taskProjectId = sibling ? undefined : matchTaskListPath(segments);
    const instancesProjectId = sibling ? undefined : matchInstancesPath(segments);
    const jobId = projectId === undefined ? undefined : queryValue(query, 'id');
    const api = iam
      ? 'KeystoneListProjects'
      : projectId !== undefined
        ? sibling
          ? OPERATIONS[sibling]
          : 'ListJobInfo'
        : taskProjectId !== undefined
          ? 'ListTasks'
          : instancesProjectId !== undefined
            ? 'ListInstances'
            : undefined;
    const verdict = authenticate(wire, keys);
    const auth = lockout ? lockout.judge(verdict) : verdict;
    if (!auth.ok) {
      return { reply: gatewayError(401, AUTH_ERROR_CODE, auth.message, requestId), accepted: false, iam, jobId, api };
    }
    if (wire.method !== 'GET' || api === undefined) {
      const message = 'The API does not exist or has not been published in the environment.';
      return { reply: gatewayError(404, API_NOT_FOUND, message, requestId), accepted: true, iam, jobId };
    }
    if (iam) return { reply: listProjects(options.projects, queryValue(query, 'name'), url), accepted: true, iam, api };
    const headerProjectId = headerValue(wire.headers, 'x-project-id');
    if (taskProjectId !== undefined) {
      const reply =
        projectProblem(taskProjectId, headerProjectId, options.projects, requestId) ??
        listTasks(query, tasks, requestId);
      return { reply, accepted: true, iam, api };
    }
    if (instancesProjectId !== undefined) {
      const reply =
        projectProblem(instancesProjectId, headerProjectId, options.projects, requestId) ??
        listInstances(query, instances, requestId);
      return { reply, accepted: true, iam, api };
    }
    const reply = sibling
      ? siblingJobs(
          sibling,
          { projectId: projectId!, headerProjectId, query, requestId, now: keys.now() },
          options.projects,
          book,
        )
      : listJobInfo({ projectId: projectId!, headerProjectId, jobId, requestId }, options.projects, book);
    return { reply, accepted: true, iam, jobId, api };
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer, time: number): void => {
    const { rawPath, rawQuery } = splitTarget(req.url ?? '/');
    const wire: WireRequest = { method: req.method ?? 'GET', rawPath, rawQuery, headers: req.headers, body };
    const requestId = newRequestId();
    const { reply, accepted, iam, jobId, api } = route(wire, requestId);
    requests.push({
      method: wire.method,
      path: rawPath,
      query: rawQuery,
      headers: { ...req.headers },
      status: replyStatus(reply),
      accepted,
      ...(jobId === undefined ? {} : { jobId }),
      ...(api === undefined ? {} : { api }),
      time,
    });
    send(req, res, reply, { 'X-Request-Id': requestId, ...(iam ? { 'X-IAM-Trace-Id': newRequestId() } : {}) });
  };

  const server = createServer((req, res) => {
    const time = keys.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks), time));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `http://${host}:${address.port}`;

  return {
    service,
    url,
    requests,
    setJob: (id, script) => book.set(id, script),
    setTasks: (scripts) => tasks.set(scripts),
    failTaskList: (...faults) => tasks.failNext(...faults),
    setInstances: (scripts) => instances.set(scripts),
    failInstanceList: (...faults) => instances.failNext(...faults),
    isLocked: (accessKey) => lockout?.isLocked(accessKey) ?? false,
    reset: () => {
      requests.length = 0;
      book.resetPolls();
      tasks.resetPolls();
      instances.resetPolls();
      lockout?.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hanging and keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply, idHeaders: Record<string, string>): void {
  if (reply.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (reply.kind === 'hang') return;
  // A client that gives up mid-body (e.g. on a size limit) must not take the emulator down.
  res.on('error', () => undefined);
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries({ ...idHeaders, ...reply.headers })) res.setHeader(name, value);
  res.end(reply.body);
}
