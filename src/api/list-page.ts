// One page of an RDS listing (`GET /v3/{project_id}/tasklist`, `…/instances`): the member array, each entry an object
// kept exactly as received (its raw text remembered, for `--json`), and the API's total_count when it says.
import type { HttpClient } from '../http/client.js';
import { rawElements, rawMember, rememberText } from '../raw-json.js';
import { isObject } from '../values.js';
import { malformedBody } from './malformed.js';
import type { CallOptions } from './types.js';

export interface ListPage<T> {
  items: T[];
  totalCount?: number;
}

/** `resource`: the path after the project id; `member`: the array in the body; `noun`: one entry, for messages. */
export async function fetchListPage<T>(
  http: HttpClient,
  endpoint: string,
  projectId: string,
  list: { resource: string; member: string; noun: string },
  query: Array<[string, string]>,
  options: CallOptions = {},
): Promise<ListPage<T>> {
  const response = await http.getJson(
    endpoint,
    `/v3/${projectId}/${list.resource}`,
    query,
    { 'X-Project-Id': projectId },
    options.signal,
    options.retries,
    options.onPause,
  );
  const body = response.body;
  const items = isObject(body) ? body[list.member] : undefined;
  if (!Array.isArray(items)) throw malformedBody(`has no list of ${list.member}`, response);
  const bad = items.findIndex((item) => !isObject(item));
  if (bad >= 0) {
    throw malformedBody(
      `lists ${article(list.noun)} that is not an object (entry ${bad + 1} of ${items.length})`,
      response,
    );
  }
  const raw = rawElements(rawMember(response.text, list.member) ?? '');
  items.forEach((item, i) => {
    if (raw[i] !== undefined) rememberText(item, raw[i]!);
  });
  const total = isObject(body) ? body.total_count : undefined;
  return {
    items: items as T[],
    totalCount: typeof total === 'number' && Number.isSafeInteger(total) && total >= 0 ? total : undefined,
  };
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
