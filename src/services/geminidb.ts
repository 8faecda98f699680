// GeminiDB (Cassandra, Mongo, Influx and Redis APIs; formerly GaussDB NoSQL): ListJobs, a list, since the service
// has no single-job call. Sources: huaweicloud-sdk-go-v3 (commit 1cd70eb6), paths below.
//   host   gaussdb-nosql.{region}; eu-west-101 ends in .myhuaweicloud.eu
//                                  Go services/gaussdbfornosql/v3/region/region.go
//   call   GET /v3/{project_id}/jobs?id= (also start_time, end_time, status, name, offset, limit; the window
//          defaults to the last 30 days)   Go services/gaussdbfornosql/v3/gaussDBforNoSQL_meta.go GenReqDefForListJobs,
//                                          model/model_list_jobs_request.go
//   answer {"jobs": [{id, name, status, start_time, end_time, progress, instance, fail_reason}], "total_count": N}
//                                          Go model/model_list_jobs_response.go, model/model_job_detail.go
//   status Running, Completed, Failed (the same file's enum).
// The job is the element whose id is the one asked for; a list without it (empty) is "not found" — what Terraform's
// poller says of an empty list too.
import { rawElements, rawMember } from '../raw-json.js';
import { isObject } from '../values.js';
import { hostRule } from './hosts.js';
import { toJobModel, type ModelFields } from './job-model.js';
import type { JobService } from './types.js';

const FIELDS: ModelFields = { progress: ['progress', 'process'], created: ['start_time'], ended: ['end_time'] };

export const geminidb: JobService = {
  name: 'geminidb',
  endpoint: hostRule('gaussdb-nosql'),
  readJob(body, text, id) {
    const jobs = isObject(body) ? body.jobs : undefined;
    if (!Array.isArray(jobs)) return { malformed: 'has no list of jobs' };
    const index = jobs.findIndex((job) => isObject(job) && job.id === id);
    if (index < 0) return { listedNone: true };
    const raw = rawElements(rawMember(text, 'jobs') ?? '')[index];
    return { job: toJobModel(jobs[index] as Record<string, unknown>, raw, FIELDS) };
  },
};
