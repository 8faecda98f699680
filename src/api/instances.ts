// RDS ListInstances: `GET {endpoint}/v3/{project_id}/instances?…` → instances exactly as received; and resolving the
// REF a user gives `--instance` (an id or a name) to one instance, with as few requests as that takes.
import { NotFoundError, UsageError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import { INSTANCE_ID, type Instance } from '../instance.js';
import { sanitize } from '../values.js';
import { fetchListPage } from './list-page.js';
import type { CallOptions, InstancePage } from './types.js';

/** One page of ListInstances for these query parameters (API names). */
export async function fetchInstancePage(
  http: HttpClient,
  endpoint: string,
  projectId: string,
  query: Array<[string, string]>,
  options: CallOptions = {},
): Promise<InstancePage> {
  const list = { resource: 'instances', member: 'instances', noun: 'instance' };
  const { items, totalCount } = await fetchListPage<Instance>(http, endpoint, projectId, list, query, options);
  return { instances: items, totalCount };
}

/** The largest page ListInstances serves. */
const INSTANCE_PAGE_SIZE = 100;

type ListInstances = (query: Array<[string, string]>) => Promise<InstancePage>;

/** The instance a REF names, and whether it is a Flexus one (listed only with `group_type=flexus`, every look too). */
export interface ResolvedInstance {
  instance: Instance & { id: string };
  flexus: boolean;
}

/** Every instance matching `field=value` exactly, in the plain listing or the Flexus one, page after page. */
async function matching(
  list: ListInstances,
  field: 'id' | 'name',
  value: string,
  flexus: boolean,
): Promise<Instance[]> {
  const found: Instance[] = [];
  for (let offset = 0; ; offset += INSTANCE_PAGE_SIZE) {
    const query: Array<[string, string]> = [[field, value]];
    if (flexus) query.push(['group_type', 'flexus']);
    if (offset > 0) query.push(['offset', String(offset)]);
    const page = await list(query);
    // The API matches exactly already; a stray fuzzy match (a value with `*` cannot reach here) is not ours.
    found.push(...page.instances.filter((instance) => instance[field] === value));
    const total = page.totalCount ?? 0;
    if (page.instances.length === 0 || offset + page.instances.length >= total) return found;
  }
}

/**
 * REF → the one instance it names (docs/instances.md): a name is looked up in both listings at
 * once (the plain one and the Flexus one, `group_type=flexus`) — found in both, or on several instances of one, it
 * is shared → UsageError (exit 2) listing every candidate and its listing; a name found in neither, or an
 * id-shaped REF, is looked up by id, in the plain listing and then the Flexus one. None → NotFoundError (exit 4).
 */
export async function resolveInstance(ref: string, list: ListInstances): Promise<ResolvedInstance> {
  const idShaped = INSTANCE_ID.test(ref);
  if (!idShaped) {
    // Both answers, even when one fails: a request left in flight would outlive the command (and be retried).
    const [plain, flexus] = await Promise.allSettled([false, true].map((f) => matching(list, 'name', ref, f)));
    if (plain!.status === 'rejected') throw plain!.reason;
    if (flexus!.status === 'rejected') throw flexus!.reason;
    const found = [...candidates(plain!.value, false), ...candidates(flexus!.value, true)];
    if (found.length > 1) throw sharedName(ref, found);
    if (found.length === 1) return found[0]!;
  }
  for (const flexus of [false, true]) {
    const found = candidates(await matching(list, 'id', ref, flexus), flexus);
    if (found.length > 0) return found[0]!;
  }
  throw new NotFoundError(`instance ${sanitize(ref)} not found`, {
    hint: idShaped
      ? 'a REF shaped like an instance id (32 hex characters and inNN) is looked up by id only; check the id, the region and the project'
      : 'names are case-sensitive; check the name or id, the region and the project (rdsjob list shows tasks)',
  });
}

/** The instances found, with the listing each came from (one without an id cannot be waited on). */
function candidates(found: readonly Instance[], flexus: boolean): ResolvedInstance[] {
  return found
    .filter((instance): instance is Instance & { id: string } => typeof instance.id === 'string')
    .map((instance) => ({ instance, flexus }));
}

function sharedName(ref: string, found: readonly ResolvedInstance[]): UsageError {
  const lines = found
    .map(({ instance: i, flexus }) =>
      [i.id, i.status ?? '-', i.type ?? '-', flexus ? 'Flexus' : 'RDS'].map((v) => sanitize(String(v))).join('  '),
    )
    .map((line) => `  ${line}`)
    .join('\n');
  return new UsageError(`${found.length} instances are named ${sanitize(ref)}:\n${lines}`, {
    hint: 'give the id with --instance',
  });
}
