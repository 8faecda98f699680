// Changes one value in rdsjob's config file without losing anyone else's: a lock file serialises concurrent
// writers (rename alone would let two read-modify-write cycles overwrite each other), the new content goes to a
// temp file in the same directory that is renamed over the old one, so readers never see half a file. Other
// profiles and keys this version does not know are kept as they are. A corrupt file is reported and left alone.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, realpath, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigError } from '../errors.js';
import { readRdsjobFile } from './files.js';
import type { SettingKey } from './settings.js';

export interface WriteOptions {
  /** Give up waiting for another writer's lock after this long; default 10 s. */
  lockTimeoutMs?: number;
  /** A lock older than this was left by a crashed process and is taken over; default 10 s. */
  staleLockMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** `value` undefined removes the key. Returns the path actually written (a symlinked file is written through). */
export async function updateProfileValue(
  path: string,
  profile: string,
  key: SettingKey,
  value: string | undefined,
  options: WriteOptions = {},
): Promise<string> {
  const target = await resolveLink(path);
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  } catch (error) {
    // A file where a directory should be, no permission: the configured path is wrong, not rdsjob (exit 3).
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(`cannot create the directory for the config file ${path} (${reason})`, {
      hint: 'check RDSJOB_CONFIG / XDG_CONFIG_HOME, or the permissions of the directories on that path',
    });
  }
  return withLock(`${target}.lock`, options, async () => {
    const data = await readForUpdate(target);
    const profiles = ownObject(data, 'profiles');
    const entry = ownObject(profiles, profile);
    if (value === undefined) delete entry[key];
    else entry[key] = value;
    await writeAtomically(target, `${JSON.stringify(data, null, 2)}\n`);
    return target;
  });
}

/** Dotfile managers symlink config files; renaming over the link would replace it with a copy. */
async function resolveLink(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** The file as parsed (`{}` when missing); the reader refuses, naming the file, what cannot be used, so a corrupt
 * file is never overwritten. */
async function readForUpdate(path: string): Promise<Record<string, unknown>> {
  const { data } = await readRdsjobFile(path);
  return (data ?? {}) as Record<string, unknown>;
}

/** `parent[name]` as an object of its own, created when missing. `name` may be `__proto__` (a valid profile name):
 * plain assignment would then change the prototype instead of adding a key. */
function ownObject(parent: Record<string, unknown>, name: string): Record<string, unknown> {
  if (!Object.hasOwn(parent, name)) {
    Object.defineProperty(parent, name, { value: {}, enumerable: true, writable: true, configurable: true });
  }
  return parent[name] as Record<string, unknown>;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync(); // the rename must not land before the data does
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`cannot write config file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
}

async function withLock<T>(lockPath: string, options: WriteOptions, work: () => Promise<T>): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const deadline = now() + (options.lockTimeoutMs ?? 10_000);
  const staleMs = options.staleLockMs ?? 10_000;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.close();
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new ConfigError(`cannot create lock file ${lockPath} (${code ?? 'error'})`, { cause: error });
      }
    }
    if (await takeOverStale(lockPath, staleMs, now)) continue;
    if (now() >= deadline) {
      throw new ConfigError(`config file is locked by another rdsjob process (${lockPath})`, {
        hint: `try again; if no rdsjob is running, remove ${lockPath}`,
      });
    }
    // Randomised so 20 waiting writers do not retry in lockstep.
    await sleep(Math.min(200, 5 + attempt * 5) * (0.5 + Math.random()));
  }
  try {
    return await work();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}

/**
 * Moves a stale lock aside under a unique name. Only one process can rename a given file, and the one that did
 * checks it really moved the stale lock, not one a faster process had just created; if not, it puts it back.
 */
async function takeOverStale(lockPath: string, staleMs: number, now: () => number): Promise<boolean> {
  const isStale = async (path: string) => now() - (await stat(path)).mtimeMs > staleMs;
  try {
    if (!(await isStale(lockPath))) return false;
    const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
    await rename(lockPath, aside);
    if (!(await isStale(aside))) await link(aside, lockPath).catch(() => undefined);
    await unlink(aside);
    return true;
  } catch {
    return false; // it vanished meanwhile: simply try again
  }
}
