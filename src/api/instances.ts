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
 * REF → the one instance it names (contract § Task center and instances): id-shaped → by id; otherwise by name,
 * then by id. Each lookup asks the plain listing first and the Flexus one (`group_type=flexus`) only when the plain
 * one found nothing. None → NotFoundError (exit 4); several sharing the name → UsageError (exit 2) listing them.
 */
export async function resolveInstance(ref: string, list: ListInstances): Promise<ResolvedInstance> {
  const lookups: Array<'id' | 'name'> = INSTANCE_ID.test(ref) ? ['id'] : ['name', 'id'];
  for (const flexus of [false, true]) {
    for (const field of lookups) {
      const found = await matching(list, field, ref, flexus);
      if (found.length === 1 && typeof found[0]!.id === 'string') {
        return { instance: found[0] as Instance & { id: string }, flexus };
      }
      if (found.length > 1) throw sharedName(ref, found);
    }
  }
  throw new NotFoundError(`instance ${sanitize(ref)} not found`, {
    hint: 'names are case-sensitive; check the name or id, the region and the project (rdsjob list shows tasks)',
  });
}

function sharedName(ref: string, found: readonly Instance[]): UsageError {
  const candidates = found
    .map(
      (i) =>
        `  ${sanitize(String(i.id ?? '-'))}  ${sanitize(String(i.status ?? '-'))}  ${sanitize(String(i.type ?? '-'))}`,
    )
    .join('\n');
  return new UsageError(`${found.length} instances are named ${sanitize(ref)}:\n${candidates}`, {
    hint: 'give the id with --instance',
  });
}
