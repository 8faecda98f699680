// The one place each service's own file (services/<name>.ts: its hosts, its job request, how to read its job) is
// loaded: RDS's with the configuration (config/resolve.ts reads its endpoint rule on every run, so an `import()` of
// it would only add a file to load), every other one with `import()`, only for the service a run chose, so RDS's
// start-up carries none of them. Not in names.ts, which --help loads: RDS's file stays off that path.
import type { ServiceName } from './names.js';
import { rds } from './rds.js';
import type { JobService } from './types.js';

/** The service's file, loaded on first use. */
export async function loadService(name: ServiceName): Promise<JobService> {
  switch (name) {
    case 'rds':
      return rds;
    case 'taurusdb':
      return (await import('./taurusdb.js')).taurusdb;
    case 'gaussdb':
      return (await import('./gaussdb.js')).gaussdb;
    case 'dds':
      return (await import('./dds.js')).dds;
    case 'geminidb':
      return (await import('./geminidb.js')).geminidb;
  }
}
