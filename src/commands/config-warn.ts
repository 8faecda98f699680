// The config file may hold a secret key: say so when group or others can read it.
import { groupOrWorldReadable } from '../config/files.js';
import type { OutStream } from '../deps.js';

export async function warnIfReadable(path: string, stderr: OutStream, platform?: string): Promise<boolean> {
  const readable = await groupOrWorldReadable(path, platform).catch(() => false);
  if (readable) {
    stderr.write(`warning: ${path} is readable by group or others and may hold secrets; run: chmod 600 ${path}\n`);
  }
  return readable;
}
