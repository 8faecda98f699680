// TaurusDB (formerly GaussDB for MySQL): ShowGaussMySqlJobInfo. Sources: huaweicloud-sdk-go-v3 (commit 1cd70eb6,
// 2026-03-13) and huaweicloud-sdk-nodejs-v3 (commit b081640b, 2026-08-06), paths below.
//   call   GET /v3/{project_id}/jobs?id=             Go services/gaussdb/v3/gaussDB_meta.go GenReqDefForShowGaussMySqlJobInfo
//          (the old /mysql/v3/… path is deprecated)
//   answer {"job": {id, name, status, created, ended, process ("60%" while Running, else ""), instance, entities,
//          fail_reason}}                           Go services/gaussdb/v3/model/model_get_job_info_detail.go
//   status Pending, Running, Completed, Failed (the same file's enum); the API reference adds Unauthorized and
//          Canceled. Canceled ends the job without success; the others are waited out.
//   times  `created`/`ended` are empty while an instance is being created (the same file).
import { hostRule } from './hosts.js';
import { readJobMember, type ModelFields } from './job-model.js';
import type { JobService } from './types.js';

const FIELDS: ModelFields = {
  progress: ['process', 'progress'],
  created: ['created'],
  ended: ['ended'],
  unsuccessful: ['Canceled'],
};

export const taurusdb: JobService = {
  name: 'taurusdb',
  // gaussdb.{region}, except (Go services/gaussdb/v3/region/region.go, Node services/gaussdb/v3/GaussDBRegion.ts):
  endpoint: hostRule('gaussdb', {
    gaussdbformysql: ['ap-southeast-1', 'ap-southeast-2', 'cn-north-11', 'tr-west-1', 'me-east-1'],
    // cn-southwest-3 is in the Node SDK's table only (the Go SDK's has no entry for it).
    'gaussdb-mysql': ['af-south-1', 'cn-east-5', 'la-north-2', 'cn-southwest-3'],
  }),
  readJob: (body, text) => readJobMember(body, text, FIELDS),
};
