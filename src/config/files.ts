// The one reader of rdsjob's config file and KooCLI's: every command that looks at either file goes through
// readJsonFile, so each problem (missing, unreadable, a directory, too large, not JSON) reads the same everywhere,
// with the file's path and, for bad JSON, the line. Never writes (write.ts builds on readRdsjobFile).
import { open, stat } from 'node:fs/promises';
import { platform as osPlatform } from 'node:os';
import { ConfigError } from '../errors.js';
import { errnoOf } from '../values.js';
import { HCLOUD_HINT, parseHcloud, type HcloudConfig } from './hcloud-file.js';
import { hcloudConfigPath, rdsjobConfigPath } from './paths.js';
import { CORRUPT_HINT, rdsjobProfiles, type ProfileValues } from './rdsjob-file.js';
import type { ConfigFiles } from './types.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A config file holds a few profiles: anything near this size is not one, and reading it on every run (and every
 * <Tab>) would cost seconds. */
const MAX_CONFIG_BYTES = 1024 * 1024;

function unreadable(what: string, path: string, error: unknown): ConfigError {
  const code = errnoOf(error);
  if (code === 'EACCES' || code === 'EPERM') {
    return new ConfigError(`cannot read ${what} ${path}: permission denied`, {
      hint: 'make it readable by your user, e.g. `chmod 600` on it as its owner',
      cause: error,
    });
  }
  if (code === 'EISDIR') return new ConfigError(`cannot read ${what} ${path}: it is a directory`, { cause: error });
  return new ConfigError(`cannot read ${what} ${path} (${code ?? 'unknown error'})`, { cause: error });
}

/** File text, or undefined when the file does not exist; ConfigError naming the file otherwise. */
async function readText(path: string, what: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw unreadable(what, path, error);
  }
  try {
    const { size } = await handle.stat();
    if (size > MAX_CONFIG_BYTES) {
      throw new ConfigError(`${what} ${path} is too large (${size} bytes; a config file is a few hundred)`, {
        hint: 'check the path, or move the file aside',
      });
    }
    return await handle.readFile('utf8');
  } catch (error) {
    throw error instanceof ConfigError ? error : unreadable(what, path, error);
  } finally {
    await handle.close();
  }
}

/**
 * Parsed JSON; an empty file counts as an empty object. The parser's own message is not shown: recent V8 versions
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

/** A JSON file as parsed, or undefined when it does not exist. */
async function readJsonFile(path: string, what: string, hint: string): Promise<unknown> {
  const text = await readText(path, what);
  return text === undefined ? undefined : parseJson(text, path, what, hint);
}

export interface RdsjobFile {
  path: string;
  /** The parsed file, other versions' keys included (undefined when it does not exist). */
  data: unknown;
  profiles: Map<string, ProfileValues>;
}

/** rdsjob's config file with its profiles; ConfigError naming the file when it cannot be used. */
export async function readRdsjobFile(path: string): Promise<RdsjobFile> {
  const data = await readJsonFile(path, 'config file', CORRUPT_HINT);
  return { path, data, profiles: rdsjobProfiles(data, path) };
}

/** KooCLI's file, or undefined when it does not exist. */
export async function readHcloudFile(path: string): Promise<HcloudConfig | undefined> {
  const data = await readJsonFile(path, 'KooCLI config file', HCLOUD_HINT);
  return data === undefined ? undefined : parseHcloud(data, path);
}

/**
 * Reads both config files. Missing files are absent, not errors; a corrupt or unreadable rdsjob file throws
 * ConfigError, a corrupt or unreadable KooCLI file is returned with its problem (see ConfigFiles).
 */
export async function loadConfigFiles(env: Env, homedir: string | undefined): Promise<ConfigFiles> {
  const rdsjobPath = rdsjobConfigPath(env, homedir);
  const rdsjob = rdsjobPath === undefined ? { path: undefined, data: undefined } : await readRdsjobFile(rdsjobPath);
  const hcloudPath = hcloudConfigPath(homedir);
  if (hcloudPath === undefined) return { rdsjob: { path: rdsjob.path, data: rdsjob.data } };
  return { rdsjob: { path: rdsjob.path, data: rdsjob.data }, ...(await loadHcloud(hcloudPath)) };
}

async function loadHcloud(hcloudPath: string): Promise<Pick<ConfigFiles, 'hcloud'>> {
  try {
    const hcloudData = await readJsonFile(hcloudPath, 'KooCLI config file', HCLOUD_HINT);
    if (hcloudData === undefined) return {};
    parseHcloud(hcloudData, hcloudPath);
    return { hcloud: { path: hcloudPath, data: hcloudData } };
  } catch (error) {
    // KooCLI's file is read last and only as a fallback: a broken one must not stop users who configure rdsjob
    // otherwise. resolveConfig reports it when it would have been needed.
    if (!(error instanceof ConfigError)) throw error;
    return { hcloud: { path: hcloudPath, data: undefined, problem: error } };
  }
}

/** Whether group or others may read the file (worth a warning: it may hold a secret key). False when missing. */
export async function groupOrWorldReadable(path: string, platform: string = osPlatform()): Promise<boolean> {
  // Windows reports 0o666 for every file; its ACLs are not visible through mode bits.
  if (platform === 'win32') return false;
  try {
    return ((await stat(path)).mode & 0o044) !== 0;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
}

/** The warning for a config file others can read, or undefined (also when that cannot be told). */
export async function readableWarning(path: string, platform?: string): Promise<string | undefined> {
  const readable = await groupOrWorldReadable(path, platform).catch(() => false);
  return readable
    ? `warning: ${path} is readable by group or others and may hold secrets; run: chmod 600 ${path}\n`
    : undefined;
}
