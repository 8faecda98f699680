// "Job X not found", said once: `get`'s 404 or empty list, a wait's ending after the grace period, the programmatic
// API — one sentence (what the service answered, in brackets) and one hint, wherever it is noticed.
import { type ErrorDetails, NotFoundError } from './errors.js';

/** What to check when a job is not found, whichever way it was asked for. */
export const JOB_NOT_FOUND_HINT =
  'check the id, the region and the project id; a new job takes a few seconds to become visible, ' +
  'and only jobs of the last month can be queried';

export interface NotFoundAnswer {
  /** The HTTP status the service answered (404; 400 with a `DBS.` code; 200 with an empty list). */
  status?: number;
  code?: string;
  requestId?: string;
  /** A service that answered with a list lacking the job (GeminiDB): `GeminiDB`. */
  listedBy?: string;
  cause?: unknown;
}

/** `job 9a1c… not found (HTTP 404, request id 5b7e…)`, exit 4, with the one hint. */
export function jobNotFound(id: string, answer: NotFoundAnswer): NotFoundError {
  const said = [
    answer.listedBy === undefined ? `HTTP ${answer.status ?? 404}` : `${answer.listedBy} lists no job with this id`,
    answer.status !== 404 && answer.code ? answer.code : undefined,
    answer.requestId ? `request id ${answer.requestId}` : undefined,
  ].filter((part) => part !== undefined);
  const details: ErrorDetails = {
    itemId: id,
    status: answer.status,
    code: answer.code,
    requestId: answer.requestId,
    cause: answer.cause,
    hint: JOB_NOT_FOUND_HINT,
  };
  return new NotFoundError(`job ${id} not found (${said.join(', ')})`, details);
}
