// Where rdsjob and KooCLI keep their files (docs/configuration.md). Empty environment values count as unset,
// as everywhere in config, and relative XDG directories are ignored, as the XDG spec says: rdsjob never writes into
// the current directory unless a path given to it (RDSJOB_CONFIG) says so.
import { isAbsolute, join } from 'node:path';
import { ConfigError } from '../errors.js';

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** An XDG base directory, when it is usable: set, and absolute. */
function xdgDir(value: string | undefined): string | undefined {
  return value !== undefined && isAbsolute(value) ? value : undefined;
}

/** `$RDSJOB_CONFIG`, else `$XDG_CONFIG_HOME/rdsjob/config.json`, else `~/.config/rdsjob/config.json`. */
export function rdsjobConfigPath(env: Env, homedir: string | undefined): string | undefined {
  const explicit = nonEmpty(env.RDSJOB_CONFIG);
  if (explicit !== undefined) return explicit;
  const base = xdgDir(env.XDG_CONFIG_HOME) ?? (homedir === undefined ? undefined : join(homedir, '.config'));
  return base === undefined ? undefined : join(base, 'rdsjob', 'config.json');
}

/** rdsjob's config file path, or a ConfigError (exit 3) naming why there is none. */
export function requireRdsjobConfigPath(env: Env, homedir: string | undefined): string {
  const path = rdsjobConfigPath(env, homedir);
  if (path !== undefined) return path;
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  const why = [
    'HOME is empty or not an absolute path',
    xdg === undefined
      ? 'XDG_CONFIG_HOME is not set'
      : `XDG_CONFIG_HOME (${JSON.stringify(xdg)}) is not an absolute path`,
  ].join(' and ');
  throw new ConfigError(`no place for the config file: ${why}`, {
    hint: 'set RDSJOB_CONFIG to the file to use (e.g. RDSJOB_CONFIG=/etc/rdsjob/config.json), or HOME',
  });
}

/**
 * The home directory as given (HOME for the CLI, the API's `homedir` option): undefined when it is empty or relative
 * (no usable home: nothing is read or written under it, never the current directory), the account's home from the
 * password database when none is given at all.
 */
export function usableHome(home: string | undefined, accountHome: () => string): string | undefined {
  const value = home ?? accountHome();
  return value !== '' && isAbsolute(value) ? value : undefined;
}

/** KooCLI (hcloud) keeps its profiles here on every platform. */
export function hcloudConfigPath(homedir: string | undefined): string | undefined {
  return homedir === undefined ? undefined : join(homedir, '.hcloud', 'config.json');
}

/** `$XDG_CACHE_HOME/rdsjob`, else `~/.cache/rdsjob` (project ids looked up from IAM); undefined: no cache. */
export function cacheDir(env: Env, homedir: string | undefined): string | undefined {
  const base = xdgDir(env.XDG_CACHE_HOME) ?? (homedir === undefined ? undefined : join(homedir, '.cache'));
  return base === undefined ? undefined : join(base, 'rdsjob');
}
