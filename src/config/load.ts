// Reading and resolving the configuration, as every command and the programmatic API do it.
import type { GlobalFlags } from '../flags.js';
import { loadService } from '../services/load.js';
import { serviceOf } from '../services/names.js';
import { loadConfigFiles, readableWarning } from './files.js';
import { resolveConfig } from './resolve.js';
import type { ResolvedConfig } from './types.js';

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Lines for stderr (a config file others can read). */
  warnings: string[];
}

export async function loadConfig(
  flags: GlobalFlags,
  env: Readonly<Record<string, string | undefined>>,
  homedir: string | undefined,
): Promise<LoadedConfig> {
  const files = await loadConfigFiles(env, homedir);
  const warning =
    files.rdsjob.data === undefined || files.rdsjob.path === undefined
      ? undefined
      : await readableWarning(files.rdsjob.path);
  let config = resolveConfig(flags, env, files);
  const service = serviceOf(config);
  // Another service's endpoint rule is in its own file, loaded only now that it is the chosen one.
  if (config.endpoint === undefined && config.region !== undefined && service !== 'rds')
    config = resolveConfig(flags, env, files, { [service]: await loadService(service) });
  return { config, warnings: warning === undefined ? [] : [warning] };
}
