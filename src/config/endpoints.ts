// Endpoints derived from a region id (huawei-rds-api.md § Endpoints).

/** Regions served from Huawei Cloud Europe's own domain rather than myhuaweicloud.com. */
const EU_DOMAIN_REGIONS: ReadonlySet<string> = new Set(['eu-west-101']);

function domainFor(region: string): string {
  return EU_DOMAIN_REGIONS.has(region) ? 'myhuaweicloud.eu' : 'myhuaweicloud.com';
}

export function rdsEndpoint(region: string): string {
  return `https://rds.${region}.${domainFor(region)}`;
}

export function iamEndpoint(region: string): string {
  return `https://iam.${region}.${domainFor(region)}`;
}

/** The official SDKs' per-service, per-region endpoint override, e.g. HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4. */
export function sdkRdsEndpointEnvName(region: string): string {
  return `HUAWEICLOUD_SDK_REGION_RDS_${region.toUpperCase().replace(/-/g, '_')}`;
}
