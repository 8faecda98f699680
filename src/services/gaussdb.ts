// GaussDB (openGauss-based): ShowJobDetail. Sources: huaweicloud-sdk-go-v3 (commit 1cd70eb6) and
// huaweicloud-sdk-nodejs-v3 (commit b081640b), paths below.
//   call   GET /v3/{project_id}/jobs?id=   Go services/gaussdbforopengauss/v3/gaussDBforopenGauss_meta.go
//                                          GenReqDefForShowJobDetail
//   answer {"job": {id, name, status, created, ended, progress, instance, fail_reason}}, no entities
//                                          Go services/gaussdbforopengauss/v3/model/model_job_detail.go
//   status a free string in the SDK; Running, Completed, Failed in the API reference.
// Not confirmed on the wire: that this call really sends `progress` (the service's task list sends `process`), so
// whichever of the two is present is read.
import { hostRule } from './hosts.js';
import { readJobMember, type ModelFields } from './job-model.js';
import type { JobService } from './types.js';

const FIELDS: ModelFields = { progress: ['progress', 'process'], created: ['created'], ended: ['ended'] };

export const gaussdb: JobService = {
  name: 'gaussdb',
  // gaussdb-opengauss.{region}, except (Go services/gaussdbforopengauss/v3/region/region.go, the same in Node's
  // services/gaussdbforopengauss/v3/GaussDBforopenGaussRegion.ts):
  endpoint: hostRule('gaussdb-opengauss', {
    gaussdb: [
      'cn-east-2',
      'cn-east-4',
      'cn-east-5',
      'cn-north-12',
      'ap-southeast-5',
      'tr-west-1',
      'me-east-1',
      'af-north-1',
    ],
  }),
  readJob: (body, text) => readJobMember(body, text, FIELDS),
};
