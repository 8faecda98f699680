// A service's job object → the one job model (job.ts) that every view, the status model and the wait engine read:
// RDS's names for what differs between services (progress, times), everything received kept beside them, and the
// text as received remembered, so `--json` prints the service's own bytes, never the model.
import type { Job } from '../job.js';
import { rawMember, rememberText } from '../raw-json.js';
import { SERVICE_VERDICT, statusOf } from '../status.js';
import { isObject } from '../values.js';
import type { JobReading } from './types.js';

/** Where a service keeps what the model names `process`, `created` and `ended`: the first field present wins. */
export interface ModelFields {
  progress: readonly string[];
  created: readonly string[];
  ended: readonly string[];
  /**
   * Statuses besides Failed that end a job without success (TaurusDB's Canceled): shown as received, finished as
   * failed (exit 1), the status itself the reason when the job gives none.
   */
  unsuccessful?: readonly string[];
}

/** `received` in the one job model; `raw` is its text as received, for `--json`. */
export function toJobModel(received: Record<string, unknown>, raw: string | undefined, fields: ModelFields): Job {
  const job: Job = { ...received };
  const first = (names: readonly string[]) => names.map((name) => received[name]).find((value) => value != null);
  const assign = (key: 'process' | 'created' | 'ended', names: readonly string[]) => {
    const value = first(names);
    if (value !== undefined) job[key] = value as string;
  };
  assign('process', fields.progress);
  assign('created', fields.created);
  assign('ended', fields.ended);
  const status = statusOf(received);
  if (status !== undefined && fields.unsuccessful?.includes(status)) {
    job[SERVICE_VERDICT] = 'failed';
    const reason = received.fail_reason;
    if (typeof reason !== 'string' || reason.trim() === '') job.fail_reason = status;
  }
  if (raw !== undefined) rememberText(job, raw);
  return job;
}

/** `{"job": {…}}`, the answer of TaurusDB's, GaussDB's and DDS's single-job calls, in the one job model. */
export function readJobMember(body: unknown, text: string, fields: ModelFields): JobReading {
  const job = isObject(body) ? body.job : undefined;
  if (!isObject(job)) return { malformed: 'has no job object' };
  return { job: toJobModel(job, rawMember(text, 'job'), fields) };
}
