// `rdsjob config path` and the hidden `rdsjob config profiles` that shell completion calls.
import { hcloudConfigPath, rdsjobConfigPath } from '../config/paths.js';
import { rdsjobProfiles } from '../config/rdsjob-file.js';
import { parseHcloud } from '../config/hcloud-file.js';
import { readConfigFile } from '../config/write.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { CommandContext } from './context.js';

export async function runConfigPath(ctx: CommandContext): Promise<ExitCode> {
  ctx.deps.stdout.write(`${rdsjobConfigPath(ctx.deps.env, ctx.deps.homedir)}\n`);
  return EXIT.ok;
}

/** Profile names in rdsjob's file and KooCLI's, one per line. Silent on any problem: it runs on every <Tab>. */
export async function runConfigProfiles(ctx: CommandContext): Promise<ExitCode> {
  const { env, homedir } = ctx.deps;
  const names = new Set<string>();
  const quietly = async (read: () => Promise<string[]>) => {
    try {
      for (const name of await read()) names.add(name);
    } catch {
      // a corrupt or unreadable file just offers no names
    }
  };
  await quietly(async () => {
    const path = rdsjobConfigPath(env, homedir);
    return Object.keys(rdsjobProfiles(await readConfigFile(path), path));
  });
  await quietly(async () => {
    const path = hcloudConfigPath(homedir);
    return parseHcloud(await readConfigFile(path), path).profiles.map((p) => p.name);
  });
  const safe = [...names].filter((name) => /^[A-Za-z0-9_.-]{1,64}$/.test(name)).sort();
  if (safe.length > 0) ctx.deps.stdout.write(`${safe.join('\n')}\n`);
  return EXIT.ok;
}
