// RDS (MySQL, PostgreSQL, SQL Server, MariaDB, Flexus RDS): ListJobInfo, the shape the one job model is named after.
//   host   rds.{region}, .myhuaweicloud.eu in eu-west-101      huaweicloud-sdk-go-v3 services/rds/v3/region/region.go
//   call   GET /v3/{project_id}/jobs?id=                        services/rds/v3/rds_meta.go GenReqDefForListJobInfo
//   answer {"job": {id, name, status, created, ended, process, instance, entities, fail_reason}}
//                                                               services/rds/v3/model/model_get_job_info_response_body_job.go
import { rawMember, rememberText } from '../raw-json.js';
import { isObject } from '../values.js';
import { hostRule } from './hosts.js';
import type { JobService } from './types.js';

export const rds: JobService = {
  name: 'rds',
  endpoint: hostRule('rds'),
  // The job object itself is the model: nothing to rename.
  readJob(body, text) {
    const job = isObject(body) ? body.job : undefined;
    if (!isObject(job)) return { malformed: 'has no job object' };
    const raw = rawMember(text, 'job');
    if (raw !== undefined) rememberText(job, raw);
    return { job };
  },
};
