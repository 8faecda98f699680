// The database services whose jobs rdsjob reads (docs/services.md), by the name `--service` takes, and what is
// known of each before its own file (services/<name>.ts, loaded by load.ts) is.
import type { ResolvedConfig } from '../config/types.js';

export const SERVICE_NAMES = ['rds', 'taurusdb', 'gaussdb', 'dds', 'geminidb'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export const DEFAULT_SERVICE: ServiceName = 'rds';

function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}

/** A service by its name in any case (`GeminiDB`, as the console writes it); undefined for an unknown name. */
export function serviceNamed(value: string): ServiceName | undefined {
  const name = value.toLowerCase();
  return isServiceName(name) ? name : undefined;
}

/** As messages name each service: `TaurusDB API error 503`, `::error title=GeminiDB job … failed`. */
const TITLES: Readonly<Record<ServiceName, string>> = {
  rds: 'RDS',
  taurusdb: 'TaurusDB',
  gaussdb: 'GaussDB',
  dds: 'DDS',
  geminidb: 'GeminiDB',
};

export function serviceTitle(name: ServiceName): string {
  return TITLES[name];
}

/**
 * Each service's name in the official SDKs' per-region endpoint override, HUAWEICLOUD_SDK_REGION_<NAME>_<REGION>
 * (huaweicloud-sdk-go-v3 services/<svc>/v3/region/region.go: `region.DefaultProviderChain("GAUSSDB")`…, read by
 * core/region/env_region.go). Needed while resolving the configuration, before any service file is loaded.
 */
const SDK_SERVICE_IDS: Readonly<Record<ServiceName, string>> = {
  rds: 'RDS',
  taurusdb: 'GAUSSDB',
  gaussdb: 'GAUSSDBFOROPENGAUSS',
  dds: 'DDS',
  geminidb: 'GAUSSDBFORNOSQL',
};

/** The SDKs' override for one service and region, e.g. HUAWEICLOUD_SDK_REGION_GAUSSDB_AP_SOUTHEAST_1. */
export function sdkEndpointEnvName(service: ServiceName, region: string): string {
  return `HUAWEICLOUD_SDK_REGION_${SDK_SERVICE_IDS[service]}_${region.toUpperCase().replace(/-/g, '_')}`;
}

/** The configuration's service; a configuration without one (built by hand) is RDS's, as before `--service`. */
export function serviceOf(config: Pick<ResolvedConfig, 'service'>): ServiceName {
  const name = config.service?.value;
  return (name === undefined ? undefined : serviceNamed(name)) ?? DEFAULT_SERVICE;
}
