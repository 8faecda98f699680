// What each database service's file says about it: how its endpoint follows from the region, the request for one
// job, and how its answer becomes the one job model (job.ts) every view, the status model and the wait engine read.
import type { Job } from '../job.js';
import type { ServiceName } from './names.js';

/** What a 2xx answer said about the job asked for. */
export type JobReading =
  /** The job in the one model; its received text is remembered (raw-json.ts), so `--json` prints it as received. */
  | { job: Job }
  /** The answer lists no such job (GeminiDB's empty `jobs`): "not found", or "not visible yet". */
  | { listedNone: true }
  /** The body is not this service's answer (a wrong endpoint, a proxy's page): what is missing. */
  | { malformed: string };

export interface JobService {
  readonly name: ServiceName;
  /** The endpoint the official SDKs use in `region` (an https URL without a trailing slash). */
  endpoint(region: string): string;
  /** The job `id` out of a 2xx answer: its parsed body, and its text as received. */
  readJob(body: unknown, text: string, id: string): JobReading;
}
