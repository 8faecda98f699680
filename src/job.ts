// The ListJobInfo `job` object. Every field may be missing in practice, and unknown fields are kept as received.

export interface JobInstanceEntity {
  endpoint?: string;
  type?: string;
  datastore?: { type?: string; version?: string; [key: string]: unknown };
  replica_of?: string;
  [key: string]: unknown;
}

export interface JobEntities {
  instance?: JobInstanceEntity;
  volume?: { type?: string; original_size?: string | number; target_size?: string | number; [key: string]: unknown };
  public_ip?: string;
  switch_strategy?: string;
  resource_ids?: string[];
  [key: string]: unknown;
}

export interface Job {
  id?: string;
  name?: string;
  status?: string;
  created?: string;
  ended?: string;
  process?: string;
  instance?: { id?: string; name?: string; [key: string]: unknown };
  entities?: JobEntities;
  fail_reason?: string;
  [key: string]: unknown;
}

export const FINAL_STATUSES = ['Completed', 'Failed'] as const;

/** The status of a job (or a task) without the stray spaces RDS puts in some fields (in `name` and `process`). */
export function statusOf(item: { status?: unknown }): string | undefined {
  return typeof item.status === 'string' ? item.status.trim() : undefined;
}

/** Anything but Completed/Failed (including unknown statuses) counts as not finished. */
export function isFinished(item: { status?: unknown }): boolean {
  const status = statusOf(item);
  return status === 'Completed' || status === 'Failed';
}
