// DDS, Document Database Service: ShowJobDetail. Sources: huaweicloud-sdk-go-v3 (commit 1cd70eb6), paths below.
//   host   dds.{region}; eu-west-101 ends in .myhuaweicloud.eu   Go services/dds/v3/region/region.go
//   call   GET /v3/{project_id}/jobs?id=                          Go services/dds/v3/dds_meta.go GenReqDefForShowJobDetail
//   answer {"job": {id, name, status, created, ended, progress, instance, fail_reason}}
//                                                                 Go services/dds/v3/model/model_job_detail.go
//   status Running, Completed, Failed (the API reference).
import { hostRule } from './hosts.js';
import { readJobMember, type ModelFields } from './job-model.js';
import type { JobService } from './types.js';

const FIELDS: ModelFields = { progress: ['progress', 'process'], created: ['created'], ended: ['ended'] };

export const dds: JobService = {
  name: 'dds',
  endpoint: hostRule('dds'),
  readJob: (body, text) => readJobMember(body, text, FIELDS),
};
