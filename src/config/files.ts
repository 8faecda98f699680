// Reads rdsjob's config file and KooCLI's, reporting any problem with the file's path. Never writes.
import { readFile, stat } from 'node:fs/promises';
import { platform as osPlatform } from 'node:os';
import { ConfigError } from '../errors.js';
import { parseHcloud } from './hcloud-file.js';
import { hcloudConfigPath, rdsjobConfigPath } from './paths.js';
import { CORRUPT_HINT, rdsjobProfiles } from './rdsjob-file.js';
import type { ConfigFiles } from './types.js';

type Env = Readonly<Record<string, string | undefined>>;

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** File text, or undefined when the file does not exist. */
async function readText(path: string, what: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') return undefined;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new ConfigError(`cannot read ${what} ${path}: permission denied`, {
        hint: 'make it readable by your user, e.g. `chmod 600` on it as its owner',
        cause: error,
      });
    }
    if (code === 'EISDIR') throw new ConfigError(`cannot read ${what} ${path}: it is a directory`, { cause: error });
    throw new ConfigError(`cannot read ${what} ${path} (${code ?? 'unknown error'})`, { cause: error });
  }
}

/**
 * Parsed JSON. An empty file counts as an empty object. The parser's own message is not shown: recent V8 versions
 * quote the surrounding text, which may be a secret key.
 */
function parseJson(text: string, path: string, what: string, hint: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    const line = position === undefined ? undefined : body.slice(0, Number(position)).split('\n').length;
    const where = line === undefined ? '' : ` (line ${line})`;
    throw new ConfigError(`${what} ${path} is not valid JSON${where}`, { hint });
  }
}

/**
 * Reads both config files. Missing files are absent, not errors; a corrupt or unreadable rdsjob file throws
 * ConfigError, a corrupt or unreadable KooCLI file is returned with its problem (see ConfigFiles).
 */
export async function loadConfigFiles(env: Env, homedir: string): Promise<ConfigFiles> {
  const rdsjobPath = rdsjobConfigPath(env, homedir);
  const rdsjobText = await readText(rdsjobPath, 'config file');
  const rdsjobData =
    rdsjobText === undefined ? undefined : parseJson(rdsjobText, rdsjobPath, 'config file', CORRUPT_HINT);
  rdsjobProfiles(rdsjobData, rdsjobPath); // structure check, so a corrupt file is reported before anything else

  const rdsjob = { path: rdsjobPath, data: rdsjobData };
  const hcloudPath = hcloudConfigPath(homedir);
  try {
    const hcloudText = await readText(hcloudPath, 'KooCLI config file');
    if (hcloudText === undefined) return { rdsjob };
    const hcloudData = parseJson(hcloudText, hcloudPath, 'KooCLI config file', 'check it with `hcloud configure test`');
    parseHcloud(hcloudData, hcloudPath);
    return { rdsjob, hcloud: { path: hcloudPath, data: hcloudData } };
  } catch (error) {
    // KooCLI's file is read last and only as a fallback: a broken one must not stop users who configure rdsjob
    // otherwise. resolveConfig reports it when it would have been needed.
    if (!(error instanceof ConfigError)) throw error;
    return { rdsjob, hcloud: { path: hcloudPath, data: undefined, problem: error } };
  }
}

/** Whether group or others may read the file (worth a warning: it may hold a secret key). False when missing. */
export async function groupOrWorldReadable(path: string, platform: string = osPlatform()): Promise<boolean> {
  // Windows reports 0o666 for every file; its ACLs are not visible through mode bits.
  if (platform === 'win32') return false;
  try {
    return ((await stat(path)).mode & 0o044) !== 0;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}
