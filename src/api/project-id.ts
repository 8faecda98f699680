// The project id for a configuration: as configured, else cached from an earlier lookup, else looked up in IAM
// (and cached). The returned config says which, so `config list` can show `cache` or `iam lookup` as the source.
import { authFrom } from '../config/auth.js';
import { cacheDir } from '../config/paths.js';
import { requireIamEndpoint } from '../config/require.js';
import type { ResolvedConfig } from '../config/types.js';
import { ConfigError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import { lookupProjectId } from './iam-projects.js';
import { projectCachePath, readCachedProjectId, writeCachedProjectId } from './project-cache.js';

export interface ProjectIdDeps {
  env: Readonly<Record<string, string | undefined>>;
  homedir: string | undefined;
  now(): number;
  debug?: (line: string) => void;
  signal?: AbortSignal;
  /** The caller's client: the lookup shares its keep-alive pool. */
  http: HttpClient;
}

export async function resolveProjectId(config: ResolvedConfig, deps: ProjectIdDeps): Promise<ResolvedConfig> {
  if (config.projectId !== undefined) return config;
  if (config.region === undefined) {
    throw new ConfigError('no project id configured, and no region to look it up by', {
      hint: 'pass --region (the project id is then looked up in IAM) or --project-id',
    });
  }
  const region = config.region.value;
  const iamEndpoint = requireIamEndpoint(config).value;
  const auth = authFrom(config);
  const identity = auth.kind === 'aksk' ? auth.accessKey : auth.token;
  const dir = cacheDir(deps.env, deps.homedir);

  const cached = dir === undefined ? undefined : await readCachedProjectId(dir, identity, region);
  if (cached !== undefined && dir !== undefined) {
    deps.debug?.(`project id ${cached} for ${region} from ${projectCachePath(dir)}`);
    return { ...config, projectId: { value: cached, source: { kind: 'cache', path: projectCachePath(dir) } } };
  }

  const projectId = await lookupProjectId(deps.http, iamEndpoint, region, deps.signal);
  try {
    if (dir === undefined)
      deps.debug?.('no cache directory (HOME and XDG_CACHE_HOME unusable): the project id is not cached');
    else await writeCachedProjectId(dir, identity, region, projectId);
  } catch (error) {
    // Only a missed optimisation: the next run looks it up again.
    deps.debug?.(`could not cache the project id in ${dir}: ${(error as Error).message}`);
  }
  return { ...config, projectId: { value: projectId, source: { kind: 'iam lookup' } } };
}
