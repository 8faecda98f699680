// `rdsjob config get <key>`: the value stored in a profile of rdsjob's file (what `config set` wrote).
// Like `git config`, an unset key prints nothing on stdout (and exits 1); `config list` shows resolved values.
import { maskSecret } from '../../config/describe.js';
import { readableWarning, readRdsjobFile } from '../../config/files.js';
import { requireRdsjobConfigPath } from '../../config/paths.js';
import { isSecret, nameOf } from '../../config/settings.js';
import { OK, type Reported } from '../../outcome.js';
import type { CommandContext } from '../context.js';
import { profileFor, settingKeyOf } from './keys.js';

export interface ConfigGetArgs {
  key: string;
  profile?: string;
  showSecret?: boolean;
}

export async function runConfigGet(args: ConfigGetArgs, ctx: CommandContext): Promise<Reported> {
  const { deps } = ctx;
  const key = settingKeyOf(args.key);
  const profile = profileFor(args.profile, deps.env);
  const file = await readRdsjobFile(requireRdsjobConfigPath(deps.env, deps.homedir));
  const warning = await readableWarning(file.path);
  if (warning !== undefined) deps.stderr.write(warning);
  const value = file.profiles.get(profile)?.[key];
  if (value === undefined) {
    deps.stderr.write(`${nameOf(key)} is not set in profile ${profile} of ${file.path}\n`);
    return { outcome: 'unset' };
  }
  deps.stdout.write(`${isSecret(key) && !args.showSecret ? maskSecret(value) : value}\n`);
  return OK;
}
