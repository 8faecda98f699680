// Endpoints derived from a region id (huawei-rds-api.md § Endpoints); each database service's own host rule is in
// its file under services/.

/** Regions served from Huawei Cloud Europe's own domain rather than myhuaweicloud.com. */
const EU_DOMAIN_REGIONS: ReadonlySet<string> = new Set(['eu-west-101']);

export function domainFor(region: string): string {
  return EU_DOMAIN_REGIONS.has(region) ? 'myhuaweicloud.eu' : 'myhuaweicloud.com';
}

export function iamEndpoint(region: string): string {
  return `https://iam.${region}.${domainFor(region)}`;
}
