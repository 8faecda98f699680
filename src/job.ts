// The one job model: RDS's ListJobInfo `job` object, which the other services' jobs are read into (services/).
// Every field may be missing in practice, and unknown fields are kept as received.
import type { SERVICE_VERDICT, Verdict } from './status.js';

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
  /** Set by a service whose own status word ends the job (TaurusDB's Canceled); not part of the JSON. */
  [SERVICE_VERDICT]?: Verdict;
  [key: string]: unknown;
}
