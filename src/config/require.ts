// Settings a request cannot do without; reported as configuration errors (exit 3) with the ways to set them.
import { ConfigError } from '../errors.js';
import { SETTINGS } from './settings.js';
import type { ResolvedConfig, Setting } from './types.js';

function noRegion(): ConfigError {
  return new ConfigError('no region configured', {
    hint:
      `pass --region (e.g. --region cn-north-4), set ${SETTINGS.region.env.slice(0, 2).join(' or ')}, ` +
      'or run `rdsjob config set region cn-north-4`',
  });
}

/**
 * The chosen service's endpoint; missing when there is no region to derive it from, or when a configuration was
 * resolved without the service's endpoint rule (resolveConfig's last argument; loadConfig passes it).
 */
export function requireEndpoint(config: ResolvedConfig): Setting {
  if (config.endpoint !== undefined) return config.endpoint;
  if (config.region === undefined) throw noRegion();
  throw new ConfigError(`no endpoint for service ${config.service?.value} in region ${config.region.value}`, {
    hint: 'pass --endpoint, or resolve the configuration with loadConfig()',
  });
}

/** The IAM endpoint (project-id lookup); only missing when there is no region to derive it from. */
export function requireIamEndpoint(config: ResolvedConfig): Setting {
  if (config.iamEndpoint === undefined) throw noRegion();
  return config.iamEndpoint;
}
