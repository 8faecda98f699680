// `rdsjob config get <key>`: the value stored in a profile of rdsjob's file (what `config set` wrote).
// Like `git config`, an unset key prints nothing on stdout (and exits 1); `config list` shows resolved values.
import type { Command } from 'commander';
import { maskSecret } from '../../config/describe.js';
import { readableWarning, readRdsjobFile } from '../../config/files.js';
import { rdsjobConfigPath } from '../../config/paths.js';
import { isSecret, nameOf } from '../../config/settings.js';
import type { GlobalOptions } from '../../flags.js';
import { OK, type Reported } from '../../outcome.js';
import type { CommandContext, Select } from '../context.js';
import { keyArgument, profileFor, settingKeyOf } from './keys.js';

export function defineConfigGet(config: Command, select: Select): void {
  config
    .command('get')
    .description('print a value stored in a profile (exit 1 when it is not set)')
    .addArgument(keyArgument())
    .option('--show-secret', 'print a secret in full instead of its first 4 characters')
    .addHelpText('after', '\nExamples:\n  $ rdsjob config get region\n  $ rdsjob config get secret-key --show-secret --profile ci\n')
    .action((key: string, options: { showSecret?: boolean }, command: Command) => {
      const { profile } = command.optsWithGlobals<GlobalOptions>();
      select(command, (ctx) => runConfigGet({ key, profile, showSecret: options.showSecret }, ctx));
    });
}

export interface ConfigGetArgs {
  key: string;
  profile?: string;
  showSecret?: boolean;
}

async function runConfigGet(args: ConfigGetArgs, ctx: CommandContext): Promise<Reported> {
  const { deps } = ctx;
  const key = settingKeyOf(args.key);
  const profile = profileFor(args.profile, deps.env);
  const file = await readRdsjobFile(rdsjobConfigPath(deps.env, deps.homedir));
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
