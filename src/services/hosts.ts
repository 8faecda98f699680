// The endpoint rule every service's region table follows: `https://{host}.{region}.{domain}`, where the host is the
// service's usual one except in the regions its SDK table lists otherwise, and the domain is Huawei Cloud Europe's
// own for its regions (config/endpoints.ts, shared with RDS and IAM).
import { domainFor } from '../config/endpoints.js';

/** `usual` everywhere, except the regions `exceptions` names (host → regions), exactly as the SDK tables say. */
export function hostRule(
  usual: string,
  exceptions: Readonly<Record<string, readonly string[]>> = {},
): (region: string) => string {
  const byRegion = new Map<string, string>();
  for (const [host, regions] of Object.entries(exceptions)) for (const region of regions) byRegion.set(region, host);
  return (region) => `https://${byRegion.get(region) ?? usual}.${region}.${domainFor(region)}`;
}
