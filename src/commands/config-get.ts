// `rdsjob config get <key>`: the value stored in a profile of rdsjob's file (what `config set` wrote).
// Like `git config`, an unset key prints nothing on stdout and exits 1; `config list` shows resolved values.
import { rdsjobConfigPath } from '../config/paths.js';
import { rdsjobProfiles } from '../config/rdsjob-file.js';
import { maskSecret } from '../config/describe.js';
import { readConfigFile } from '../config/write.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { CommandContext } from './context.js';
import { isSecret, nameOf, profileFor, settingKeyOf } from './config-keys.js';
import { warnIfReadable } from './config-warn.js';

export interface ConfigGetArgs {
  key: string;
  profile?: string;
  showSecret?: boolean;
}

export async function runConfigGet(args: ConfigGetArgs, ctx: CommandContext): Promise<ExitCode> {
  const { deps } = ctx;
  const key = settingKeyOf(args.key);
  const profile = profileFor(args.profile, deps.env);
  const path = rdsjobConfigPath(deps.env, deps.homedir);
  const data = await readConfigFile(path);
  await warnIfReadable(path, deps.stderr);
  const value = rdsjobProfiles(data, path)[profile]?.[key];
  if (value === undefined) {
    deps.stderr.write(`${nameOf(key)} is not set in profile ${profile} of ${path}\n`);
    return EXIT.jobFailed; // 1, as `git config` does for a missing key
  }
  deps.stdout.write(`${isSecret(key) && !args.showSecret ? maskSecret(value) : value}\n`);
  return EXIT.ok;
}
