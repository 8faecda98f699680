// `rdsjob config path` and the hidden `rdsjob config profiles` that shell completion calls.
import { readHcloudFile, readRdsjobFile } from '../../config/files.js';
import { hcloudConfigPath, rdsjobConfigPath, requireRdsjobConfigPath } from '../../config/paths.js';
import { isValidProfileName } from '../../config/validate.js';
import { OK, type Reported } from '../../outcome.js';
import type { CommandContext } from '../context.js';

export async function runConfigPath(ctx: CommandContext): Promise<Reported> {
  ctx.deps.stdout.write(`${requireRdsjobConfigPath(ctx.deps.env, ctx.deps.homedir)}\n`);
  return OK;
}

/** Profile names in rdsjob's file and KooCLI's, one per line. Silent on any problem: it runs on every <Tab>. */
export async function runConfigProfiles(ctx: CommandContext): Promise<Reported> {
  const { env, homedir } = ctx.deps;
  const names = new Set<string>();
  const quietly = async (read: () => Promise<Iterable<string>>) => {
    try {
      for (const name of await read()) names.add(name);
    } catch {
      // a corrupt or unreadable file just offers no names
    }
  };
  const rdsjobPath = rdsjobConfigPath(env, homedir);
  const hcloudPath = hcloudConfigPath(homedir);
  if (rdsjobPath !== undefined) await quietly(async () => (await readRdsjobFile(rdsjobPath)).profiles.keys());
  if (hcloudPath !== undefined)
    await quietly(async () => ((await readHcloudFile(hcloudPath))?.profiles ?? []).map((p) => p.name));
  // Only names a shell can take as one word, and that --profile would accept.
  const safe = [...names].filter(isValidProfileName).sort();
  if (safe.length > 0) ctx.deps.stdout.write(`${safe.join('\n')}\n`);
  return OK;
}
