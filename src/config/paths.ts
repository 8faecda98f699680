// Where rdsjob and KooCLI keep their files. Empty environment values count as unset, as everywhere in config.
import { join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** `$RDSJOB_CONFIG`, else `$XDG_CONFIG_HOME/rdsjob/config.json`, else `~/.config/rdsjob/config.json`. */
export function rdsjobConfigPath(env: Env, homedir: string): string {
  const explicit = nonEmpty(env.RDSJOB_CONFIG);
  if (explicit !== undefined) return explicit;
  return join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(homedir, '.config'), 'rdsjob', 'config.json');
}

/** KooCLI (hcloud) keeps its profiles here on every platform. */
export function hcloudConfigPath(homedir: string): string {
  return join(homedir, '.hcloud', 'config.json');
}

/** `$XDG_CACHE_HOME/rdsjob`, else `~/.cache/rdsjob` (project ids looked up from IAM). */
export function cacheDir(env: Env, homedir: string): string {
  return join(nonEmpty(env.XDG_CACHE_HOME) ?? join(homedir, '.cache'), 'rdsjob');
}
