// A file written whole or not at all: a temporary file beside it, synced, then renamed over it, so a concurrent
// reader sees the old file or the new one, never half of one (the config file, the project-id cache).
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/** `signal`: checked before the rename, so what a stop cut short is never saved. Throws the file system's errors. */
export async function writeAtomically(path: string, text: string, signal?: AbortSignal): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync(); // the rename must not land before the data does
    } finally {
      await handle.close();
    }
    signal?.throwIfAborted();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
