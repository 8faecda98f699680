// A 2xx answer whose body is not what the service documents: most often a wrong --endpoint (another service, a proxy page).
import { MalformedResponseError } from '../errors.js';

/** `response has no job object (request id …)`, naming what was missing and the likely fix. */
export function malformedBody(
  what: string,
  response: { status: number; requestId?: string },
  service = 'RDS',
): MalformedResponseError {
  const id = response.requestId ? ` (request id ${response.requestId})` : '';
  return new MalformedResponseError(`response ${what}${id}`, {
    status: response.status,
    requestId: response.requestId,
    hint: `check --endpoint: it should be the ${service} API endpoint of the region`,
  });
}
