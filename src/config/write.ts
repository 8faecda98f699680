// Changes one value in rdsjob's config file without losing anyone else's: a lock (proper-lockfile: a lock
// directory whose mtime the holder keeps fresh, so a crashed writer's lock goes stale and a live one never does)
// serialises concurrent writers, and the new content goes to a temp file in the same directory that is renamed
// over the old one, so readers never see half a file. Other profiles and keys this version does not know are kept.
// A corrupt file is reported and left alone.
import { mkdir, readlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeAtomically } from '../atomic-write.js';
import { ConfigError, RdsjobError } from '../errors.js';
import { errnoOf } from '../values.js';
import { readRdsjobFile } from './files.js';
import type { SettingKey } from './settings.js';

export interface WriteOptions {
  /** Give up waiting for another writer's lock after about this long; default 10 s. */
  lockTimeoutMs?: number;
  /** A lock not refreshed for this long was left by a crashed process and is taken over; default 10 s. */
  staleLockMs?: number;
  /** A stop signal: once it is aborted nothing is written (checked right before the file is replaced). */
  signal?: AbortSignal;
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
    const reason = errnoOf(error) ?? (error as Error).message;
    throw new ConfigError(`cannot create the directory for the config file ${path} (${reason})`, {
      hint: 'check RDSJOB_CONFIG / XDG_CONFIG_HOME, or the permissions of the directories on that path',
    });
  }
  return withLock(target, options, async () => {
    const data = await readForUpdate(target);
    const profiles = ownObject(data, 'profiles');
    const entry = ownObject(profiles, profile);
    if (value === undefined) delete entry[key];
    else entry[key] = value;
    await writeConfigFile(target, `${JSON.stringify(data, null, 2)}\n`, options.signal);
    return target;
  });
}

/**
 * Dotfile managers symlink config files: renaming over the link would replace it with a copy. The link is followed
 * even when its target does not exist yet (the first `config set` creates it there).
 */
async function resolveLink(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let target: string;
    try {
      target = await readlink(current);
    } catch {
      return current; // not a link (or not there yet): this is the file
    }
    current = resolve(dirname(current), target);
  }
  throw new ConfigError(`config file ${path}: too many levels of symbolic links`);
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

async function writeConfigFile(path: string, text: string, signal: AbortSignal | undefined): Promise<void> {
  try {
    // Ctrl-C while a piped secret was still arriving: what was read may be cut short, so it is not saved.
    await writeAtomically(path, text, signal);
  } catch (error) {
    if (error instanceof RdsjobError) throw error; // the stop signal's reason
    throw new ConfigError(`cannot write config file ${path} (${errnoOf(error) ?? 'error'})`, { cause: error });
  }
}

async function withLock<T>(target: string, options: WriteOptions, work: () => Promise<T>): Promise<T> {
  const lockPath = `${target}.lock`;
  const timeoutMs = options.lockTimeoutMs ?? 10_000;
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  // proper-lockfile (and graceful-fs under it) loads only when something is written: this file is part of the chunk
  // every run that reads the configuration loads (commands/config/runs.ts).
  const { default: lockfile } = await import('proper-lockfile');
  try {
    release = await lockfile.lock(target, {
      lockfilePath: lockPath,
      realpath: false, // the file may not exist yet
      stale: options.staleLockMs ?? 10_000,
      // Randomised so 20 waiting writers do not retry in lockstep; about `timeoutMs` in all.
      retries: {
        retries: Math.max(1, Math.ceil(timeoutMs / 100)),
        minTimeout: 50,
        maxTimeout: 100,
        factor: 1.1,
        randomize: true,
      },
      onCompromised: (error) => void (compromised = error),
    });
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ELOCKED') {
      throw new ConfigError(`config file is locked by another rdsjob process (${lockPath})`, {
        hint: `try again; if no rdsjob is running, remove ${lockPath}`,
      });
    }
    throw new ConfigError(`cannot lock the config file (${lockPath}: ${code ?? (error as Error).message})`, {
      cause: error,
    });
  }
  try {
    const result = await work();
    if (compromised !== undefined) {
      throw new ConfigError(`the lock on the config file was taken over while writing (${lockPath})`, {
        hint: 'check the file, and set the value again',
      });
    }
    return result;
  } finally {
    await release().catch(() => undefined); // released already when compromised: then it is someone else's
  }
}
