// RDS ListInstances (`GET /v3/{project_id}/instances`), after the gateway has authenticated the request. Every
// documented query parameter is checked as the API does (400 DBS.200001 "Parameter error." otherwise): no unknown
// or repeated parameter, no empty value, offset ≥ 0, limit 1–100, a bare `*` refused, the enumerations as spelled.
// `id` and `name` match exactly, or as a fuzzy match (the rest contained) when the value starts with `*`. Flexus
// instances are listed only with `group_type=flexus`, and then only they are.
import { faultReply } from './faults.js';
import { jsonReply, serviceError, type Reply } from './reply.js';
import { PARAMETER_ERROR } from './rds.js';
import type { Fault, InstanceRecord, InstanceScript } from './types.js';

const KNOWN = new Set([
  'id',
  'name',
  'type',
  'datastore_type',
  'eps_id',
  'vpc_id',
  'subnet_id',
  'offset',
  'limit',
  'tags',
  'group_type',
]);
const TYPES = ['Single', 'Ha', 'Replica'];
const DATASTORES = ['MySQL', 'PostgreSQL', 'SQLServer', 'MariaDB'];
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 100;

/** `/v3/{project_id}/instances` → the project id; undefined for any other path. */
export function matchInstancesPath(segments: readonly string[]): string | undefined {
  const [root, version, projectId, resource, ...rest] = segments;
  const exact = root === '' && version === 'v3' && resource === 'instances' && rest.length === 0;
  return exact && projectId !== undefined && projectId !== '' ? projectId : undefined;
}

interface Filters {
  offset: number;
  limit: number;
  values: Map<string, string>;
  flexus: boolean;
}

function parseInstanceQuery(query: ReadonlyArray<readonly [string, string]>): Filters | undefined {
  const values = new Map<string, string>();
  for (const [name, value] of query) {
    if (!KNOWN.has(name) || values.has(name) || value === '') return undefined;
    values.set(name, value);
  }
  const offset = values.get('offset') ?? '0';
  const limit = values.get('limit') ?? String(DEFAULT_LIMIT);
  if (!/^\d+$/.test(offset) || !/^\d+$/.test(limit)) return undefined;
  if (Number(limit) < 1 || Number(limit) > MAX_LIMIT) return undefined;
  for (const name of ['id', 'name']) if (values.get(name) === '*') return undefined;
  const type = values.get('type');
  if (type !== undefined && !TYPES.includes(type)) return undefined;
  const datastore = values.get('datastore_type');
  if (datastore !== undefined && !DATASTORES.includes(datastore)) return undefined;
  const group = values.get('group_type');
  if (group !== undefined && group !== 'flexus') return undefined;
  return { offset: Number(offset), limit: Number(limit), values, flexus: group === 'flexus' };
}

/** Exact, or `*rest`: the field contains `rest`. */
function matches(field: unknown, wanted: string | undefined): boolean {
  if (wanted === undefined) return true;
  if (typeof field !== 'string') return false;
  return wanted.startsWith('*') ? field.includes(wanted.slice(1)) : field === wanted;
}

/**
 * The project's instances and their histories: each request that matches an instance shows its next step, the
 * last repeating; a `null` step is the instance gone (deleted). Requests can be scripted to fail, one fault each.
 */
export class InstanceBook {
  private scripts: InstanceScript[] = [];
  private readonly consulted = new Map<InstanceScript, number>();
  private faults: Fault[] = [];

  constructor(scripts: readonly InstanceScript[] = []) {
    this.set(scripts);
  }

  set(scripts: readonly InstanceScript[]): void {
    this.scripts = [...scripts];
    this.consulted.clear();
  }

  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  resetPolls(): void {
    this.consulted.clear();
    this.faults = [];
  }

  answer(filters: Filters, requestId: string): Reply {
    const fault = this.faults.shift();
    if (fault !== undefined) return faultReply(fault, 'instances', requestId);
    const matching: InstanceRecord[] = [];
    for (const script of this.scripts) {
      const instance = this.consult(script, filters);
      if (instance !== undefined) matching.push(instance);
    }
    const page = matching.slice(filters.offset, filters.offset + filters.limit);
    return jsonReply(200, { instances: page, total_count: matching.length });
  }

  private consult(script: InstanceScript, filters: Filters): InstanceRecord | undefined {
    const first = script.steps[0];
    if (first === undefined || first === null) return undefined;
    if ((script.flexus === true) !== filters.flexus) return undefined;
    const v = filters.values;
    const datastore = (first.datastore as { type?: unknown } | undefined)?.type;
    if (
      !matches(first.id, v.get('id')) ||
      !matches(first.name, v.get('name')) ||
      (v.has('type') && first.type !== v.get('type')) ||
      (v.has('datastore_type') && datastore !== v.get('datastore_type'))
    ) {
      return undefined;
    }
    const count = this.consulted.get(script) ?? 0;
    this.consulted.set(script, count + 1);
    return script.steps[Math.min(count, script.steps.length - 1)] ?? undefined;
  }
}

export function listInstances(
  query: ReadonlyArray<readonly [string, string]>,
  book: InstanceBook,
  requestId: string,
): Reply {
  const filters = parseInstanceQuery(query);
  if (filters === undefined) return serviceError(400, PARAMETER_ERROR.code, PARAMETER_ERROR.message);
  return book.answer(filters, requestId);
}
