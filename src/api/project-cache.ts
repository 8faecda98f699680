// Project ids looked up from IAM, cached per (credentials, region) so the lookup happens once. Keys are sha256
// hashes: the file never holds an access key (or token) in clear. A corrupt file is ignored and rewritten.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../atomic-write.js';
import { isValidProjectId } from '../config/validate.js';

const PROJECT_CACHE_FILE = 'projects.json';

interface CacheFile {
  version: 1;
  projects: Record<string, string>;
}

export function projectCachePath(dir: string): string {
  return join(dir, PROJECT_CACHE_FILE);
}

/** `identity` is the access key (AK/SK) or the IAM token. */
export function projectCacheKey(identity: string, region: string): string {
  return createHash('sha256').update(`${identity}\u0000${region}`, 'utf8').digest('hex');
}

export async function readCachedProjectId(dir: string, identity: string, region: string): Promise<string | undefined> {
  const cache = await readCache(dir);
  const value = cache.projects[projectCacheKey(identity, region)];
  return value !== undefined && isValidProjectId(value) ? value : undefined;
}

export async function writeCachedProjectId(
  dir: string,
  identity: string,
  region: string,
  projectId: string,
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const cache = await readCache(dir);
  cache.projects[projectCacheKey(identity, region)] = projectId;
  await writeAtomically(projectCachePath(dir), `${JSON.stringify(cache, null, 2)}\n`);
}

async function readCache(dir: string): Promise<CacheFile> {
  let text: string;
  try {
    text = await readFile(projectCachePath(dir), 'utf8');
  } catch {
    return empty();
  }
  try {
    const data: unknown = JSON.parse(text);
    const projects = (data as { projects?: unknown } | null)?.projects;
    if (typeof projects !== 'object' || projects === null || Array.isArray(projects)) return empty();
    const valid = Object.entries(projects).filter(([, id]) => typeof id === 'string' && isValidProjectId(id));
    return { version: 1, projects: Object.fromEntries(valid) as Record<string, string> };
  } catch {
    return empty();
  }
}

function empty(): CacheFile {
  return { version: 1, projects: {} };
}
