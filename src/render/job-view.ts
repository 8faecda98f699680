// One job as a two-column table (label, value). Survives any JSON in place of a job: absent or odd values are skipped.
import type { Job } from '../job.js';
import { paint } from './color.js';
import type { RenderOptions } from './options.js';
import { liveProgress, verdictOf } from '../status.js';
import { formatProgress } from './progress.js';
import { statusColor } from './status.js';
import { fieldList } from './fields.js';
import { anyText, asRecord, humanizeKey, scalarText } from './text.js';
import { formatAge, formatLocalTime, itemDuration, parseRdsTime } from './time.js';

type Row = [label: string, value: string];

/** A label and its value, plain (a list one item a line); `paint` colours the value (or each line of it). */
export interface Field {
  label: string;
  value: string;
  paint?: (text: string) => string;
}

/** The view as piped output has it: every value whole, on its own line (fields.ts). */
export function renderJob(job: Job, opts: RenderOptions): string {
  return fieldList(jobFields(job, opts).map((field) => [field.label, field.paint?.(field.value) ?? field.value]));
}

export function jobFields(job: Job, opts: RenderOptions): Field[] {
  const chalk = paint(opts.color);
  const timeZone = opts.timeZone; // undefined: the process's local zone
  const j = asRecord(job) ?? {};
  const rows: Field[] = [];
  const add = (label: string, value: string | undefined, color?: (text: string) => string) => {
    if (value !== undefined && value !== '') rows.push({ label, value, paint: color });
  };

  const status = scalarText(j.status);
  // ID and status are what the user asked about: say "-" rather than leave them out when the API omits them.
  add('ID', scalarText(j.id) ?? '-');
  add('Name', scalarText(j.name));
  add('Status', status ?? '-', statusColor(status, chalk));
  const progress = liveProgress(j);
  if (progress !== undefined) add('Progress', formatProgress(progress));

  const created = parseRdsTime(j.created);
  const ended = parseRdsTime(j.ended);
  add(
    'Created',
    created === undefined
      ? scalarText(j.created)
      : `${formatLocalTime(created, timeZone)} (${formatAge(created, opts.now)})`,
  );
  if (ended === undefined) add('Ended', scalarText(j.ended));
  else add('Ended', formatLocalTime(ended, timeZone) + took(j));
  add('Instance', instanceText(j.instance));

  rows.push(...entityRows(j.entities).map(([label, value]) => ({ label, value })));
  if (verdictOf(j) === 'failed') {
    const reason = scalarText(j.fail_reason);
    if (reason !== undefined) add('Fail reason', reason, chalk.red);
  }
  return rows;
}

function took(job: unknown): string {
  const duration = itemDuration(job);
  return duration === undefined ? '' : ` (took ${duration})`;
}

function instanceText(value: unknown): string | undefined {
  const instance = asRecord(value);
  if (!instance) return scalarText(value);
  const name = scalarText(instance.name);
  const id = scalarText(instance.id);
  if (name !== undefined && id !== undefined) return `${name} (${id})`;
  return name ?? id;
}

/**
 * Every field of `entities` that is present. Known fields get their own label and format; fields this version does
 * not know are still shown (label from the key, scalars as-is, lists one per line, objects as compact JSON) so a new
 * API field is visible in the table and not only in `--json`. Extra keys inside `volume`/`datastore` are left to
 * `--json`: those render as one composed value.
 */
function entityRows(value: unknown): Row[] {
  const entities = asRecord(value);
  if (!entities) return [];
  const rows: Row[] = [];
  const add = (label: string, text: string | undefined) => {
    if (text !== undefined && text !== '') rows.push([label, text]);
  };

  const instance = asRecord(entities.instance);
  if (instance) {
    add('Endpoint', scalarText(instance.endpoint));
    add('Type', scalarText(instance.type));
    add('Datastore', datastoreText(instance.datastore));
    add('Replica of', scalarText(instance.replica_of));
    for (const [key, v] of Object.entries(instance)) {
      if (!INSTANCE_KEYS.has(key)) add(humanizeKey(key), anyText(v));
    }
  } else {
    add('Instance entity', anyText(entities.instance));
  }
  const volume = asRecord(entities.volume);
  add('Volume', volume ? volumeText(volume) : anyText(entities.volume));
  add('Public IP', anyText(entities.public_ip));
  add('Switch strategy', anyText(entities.switch_strategy));
  add('Resource IDs', anyText(entities.resource_ids));
  for (const [key, v] of Object.entries(entities)) {
    if (!ENTITY_KEYS.has(key)) add(humanizeKey(key), anyText(v));
  }
  return rows;
}

const INSTANCE_KEYS = new Set(['endpoint', 'type', 'datastore', 'replica_of']);
const ENTITY_KEYS = new Set(['instance', 'volume', 'public_ip', 'switch_strategy', 'resource_ids']);

/** `mysql 8.0` */
function datastoreText(value: unknown): string | undefined {
  const datastore = asRecord(value);
  if (!datastore) return scalarText(value);
  const parts = [scalarText(datastore.type), scalarText(datastore.version)].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** `ULTRAHIGH, 100 GB → 200 GB` (RDS sends sizes as strings of GB). */
function volumeText(volume: Record<string, unknown>): string | undefined {
  const from = sizeText(volume.original_size);
  const to = sizeText(volume.target_size);
  const sizes =
    from !== undefined && to !== undefined ? `${from} → ${to}` : (from ?? (to !== undefined ? `→ ${to}` : undefined));
  const parts = [scalarText(volume.type), sizes].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function sizeText(value: unknown): string | undefined {
  const size = scalarText(value);
  return size !== undefined && /^\d+(\.\d+)?$/.test(size) ? `${size} GB` : size;
}
