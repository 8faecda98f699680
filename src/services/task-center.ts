// `list` and `wait --instance` read RDS's task center (ListTasks) and instances (ListInstances); the other services'
// task lists have other shapes and are not supported yet (huawei-rds-api.md § Sibling services). Refused before any
// request, as bad input is.
import { describeSource } from '../config/describe.js';
import type { ResolvedConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { serviceOf } from './names.js';

/** UsageError (exit 2) when the configuration chose a service other than RDS; `what`: `rdsjob list`, … */
export function requireRdsTaskCenter(config: Pick<ResolvedConfig, 'service'>, what: string): void {
  const service = serviceOf(config);
  if (service === 'rds') return;
  const from = config.service === undefined ? '' : ` (${describeSource(config.service.source)})`;
  throw new UsageError(
    `${what} reads RDS's task center and instances; the service is ${service}${from}, whose task list rdsjob does not read yet`,
    { hint: `wait for a ${service} job by its id: rdsjob --service ${service} wait JOB_ID; or use --service rds` },
  );
}
