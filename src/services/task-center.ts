// `list` and `wait --instance` (and the API's listTasks, resolveInstance, waitForInstance) read RDS's task center
// (ListTasks) and instances (ListInstances); the other services' task lists have other shapes and are not supported
// yet (huawei-rds-api.md § Sibling services). Refused by openApi, before the IAM lookup and any request, as bad
// input is: one check, one sentence, whichever way in.
import { describeSource } from '../config/describe.js';
import type { ResolvedConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { serviceOf } from './names.js';

/** The UsageError (exit 2) that refuses the task center and instances for a service other than RDS; else undefined. */
export function taskCenterRefusal(config: Pick<ResolvedConfig, 'service'>): UsageError | undefined {
  const service = serviceOf(config);
  if (service === 'rds') return undefined;
  const from = config.service === undefined ? '' : ` (${describeSource(config.service.source)})`;
  return new UsageError(
    `tasks and instances are listed for RDS only; the service is ${service}${from}, whose task list rdsjob does not read yet`,
    { hint: `wait for a ${service} job by its id: rdsjob --service ${service} wait JOB_ID; or use --service rds` },
  );
}
