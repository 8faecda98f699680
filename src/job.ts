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
