// The job APIs of RDS's sibling services (huawei-rds-api.md § Sibling services), after the gateway has authenticated
// the request, each as strict as the real one: the same `GET /v3/{project_id}/jobs` path with each service's own
// parameters and answer. Each emulator serves one service (EmulatorOptions.service), on its own host and port, so a
// signature is always checked over the host of the service asked.
//   TaurusDB  ShowGaussMySqlJobInfo  ?id=                {"job": {…, process, entities}}
//   GaussDB   ShowJobDetail          ?id=                {"job": {…, progress}}
//   DDS       ShowJobDetail          ?id=                {"job": {…, progress}}
//   GeminiDB  ListJobs               ?id=&start_time=&end_time=&status=&name=&offset=&limit=
//                                                        {"jobs": [{…, start_time, end_time, progress}], "total_count"}
// What the services answer for an unknown job or a bad parameter is not documented; these were chosen to be
// plausible and stable, as for RDS (rds.ts): an unknown job 404 DBS.201204, any parameter the call does not take,
// a repeated or an empty one 400 DBS.200001 "Parameter error.". GeminiDB's list answers an unknown job with an
// empty list, as its API documents (Terraform's poller reads that as "job is not found").
import { faultReply } from './faults.js';
import { JOB_NOT_FOUND, PARAMETER_ERROR, projectProblem, type JobsRequest } from './rds.js';
import { jsonReply, serviceError, type Reply } from './reply.js';
import { isFault, type JobBook } from './scripts.js';
import type { EmulatorProject, JobRecord, SiblingService } from './types.js';

/** What each sibling service's single-job operation is called in its SDK (for the request log). */
export const OPERATIONS = {
  taurusdb: 'ShowGaussMySqlJobInfo',
  gaussdb: 'ShowJobDetail',
  dds: 'ShowJobDetail',
  geminidb: 'ListJobs',
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** ListJobs' window: the last 30 days unless given, and never wider (model_list_jobs_request.go). */
const MAX_WINDOW_MS = 30 * DAY_MS;
const LIST_LIMITS = ['10', '20', '50'];
const DEFAULT_LIMIT = 50;
const LIST_STATUSES = ['Running', 'Completed', 'Failed'];
/** `yyyy-mm-ddThh:mm:ssZ` where Z is the offset, e.g. 2018-08-06T10:41:14+0800. */
const LIST_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-])(\d{2})(\d{2})$/;

export interface SiblingRequest extends Omit<JobsRequest, 'jobId'> {
  query: ReadonlyArray<readonly [string, string]>;
  /** The gateway's clock, for ListJobs' default window. */
  now: number;
}

export function siblingJobs(
  service: SiblingService,
  request: SiblingRequest,
  projects: readonly EmulatorProject[],
  book: JobBook,
): Reply {
  const problem = projectProblem(request.projectId, request.headerProjectId, projects, request.requestId);
  if (problem !== undefined) return problem;
  return service === 'geminidb' ? listJobs(request, book) : showJob(request, book);
}

const parameterError = () => serviceError(400, PARAMETER_ERROR.code, PARAMETER_ERROR.message);

/** The query as a map, or undefined when it names a parameter the call does not take, twice, or empty. */
function parameters(
  query: ReadonlyArray<readonly [string, string]>,
  known: readonly string[],
): Map<string, string> | undefined {
  const values = new Map<string, string>();
  for (const [name, value] of query) {
    if (!known.includes(name) || values.has(name) || value === '') return undefined;
    values.set(name, value);
  }
  return values;
}

/** TaurusDB's, GaussDB's and DDS's single-job call: `id` and nothing else. */
function showJob(request: SiblingRequest, book: JobBook): Reply {
  const id = parameters(request.query, ['id'])?.get('id');
  if (id === undefined) return parameterError();
  const outcome = book.poll(id);
  if (outcome.kind === 'not-found') return serviceError(404, JOB_NOT_FOUND.code, JOB_NOT_FOUND.message);
  return isFault(outcome.step)
    ? faultReply(outcome.step, id, request.requestId)
    : jsonReply(200, { job: outcome.step });
}

/** Epoch ms of a ListJobs time, or undefined when it is not one. */
function listTime(value: string): number | undefined {
  const m = LIST_TIME.exec(value);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[2]}${m[3]}:${m[4]}`);
  return Number.isNaN(ms) ? undefined : ms;
}

interface ListFilters {
  id?: string;
  status?: string;
  name?: string;
  window: [number, number];
  offset: number;
  limit: number;
}

function listFilters(request: SiblingRequest): ListFilters | undefined {
  const known = ['id', 'start_time', 'end_time', 'status', 'name', 'offset', 'limit'];
  const values = parameters(request.query, known);
  if (values === undefined) return undefined;
  const offset = values.get('offset') ?? '0';
  const limit = values.get('limit') ?? String(DEFAULT_LIMIT);
  if (!/^\d+$/.test(offset) || !LIST_LIMITS.includes(limit)) return undefined;
  const status = values.get('status');
  if (status !== undefined && !LIST_STATUSES.includes(status)) return undefined;
  const given = (name: string) => (values.has(name) ? listTime(values.get(name)!) : null);
  const start = given('start_time');
  const end = given('end_time');
  if (start === undefined || end === undefined) return undefined;
  const until = end ?? request.now;
  const from = start ?? until - MAX_WINDOW_MS;
  if (from >= until || until - from > MAX_WINDOW_MS) return undefined;
  return {
    id: values.get('id'),
    status,
    name: values.get('name'),
    window: [from, until],
    offset: Number(offset),
    limit: Number(limit),
  };
}

/** Whether a listed job passes the filters; a start_time that cannot be read does not hide it. */
function matches(job: JobRecord, filters: ListFilters): boolean {
  if (filters.status !== undefined && job.status !== filters.status) return false;
  if (filters.name !== undefined && job.name !== filters.name) return false;
  const at = typeof job.start_time === 'string' ? listTime(job.start_time) : undefined;
  return at === undefined || (at >= filters.window[0] && at <= filters.window[1]);
}

/**
 * GeminiDB's ListJobs. With `id`, that job's history advances one step per request (an empty list while it is not
 * visible, or unknown); without, every job's current step is listed, in the order the jobs were scripted.
 */
function listJobs(request: SiblingRequest, book: JobBook): Reply {
  const filters = listFilters(request);
  if (filters === undefined) return parameterError();
  let listed: JobRecord[];
  if (filters.id !== undefined) {
    const outcome = book.poll(filters.id);
    if (outcome.kind === 'step' && isFault(outcome.step))
      return faultReply(outcome.step, filters.id, request.requestId);
    listed = outcome.kind === 'step' ? [outcome.step as JobRecord] : [];
  } else {
    listed = book.current().filter((step): step is JobRecord => !isFault(step));
  }
  const matching = listed.filter((job) => matches(job, filters));
  return jsonReply(200, {
    jobs: matching.slice(filters.offset, filters.offset + filters.limit),
    total_count: matching.length,
  });
}
