// `rdsjob config set <key> [value]` and `rdsjob config unset <key>`: one value in one profile of rdsjob's file.
import type { Command } from 'commander';
import { groupOrWorldReadable } from '../../config/files.js';
import { rdsjobConfigPath } from '../../config/paths.js';
import { isSecret, nameOf, type SettingKey } from '../../config/settings.js';
import { UsageError } from '../../errors.js';
import type { GlobalOptions } from '../../flags.js';
import { loadConfigWriter } from '../../lazy.js';
import { OK, type Reported } from '../../outcome.js';
import type { CommandContext, Select } from '../context.js';
import { readValue } from './input.js';
import { checkedValue, keyArgument, profileFor, settingKeyOf } from './keys.js';

export function defineConfigSet(config: Command, select: Select): void {
  config
    .command('set')
    .description('store a value in a profile of the config file (secrets: omit the value, it is read from stdin)')
    .addArgument(keyArgument())
    .argument('[value]', 'the value; read from stdin (hidden prompt on a terminal) when omitted')
    .addHelpText('after', '\nExamples:\n  $ rdsjob config set region cn-north-4\n  $ rdsjob config set secret-key\n  $ printf %s "$SK" | rdsjob config set secret-key --profile ci\n')
    .action((key: string, value: string | undefined, _options: object, command: Command) => {
      const { profile } = command.optsWithGlobals<GlobalOptions>();
      select(command, (ctx) => runConfigSet({ key, value, profile }, ctx));
    });
}

export function defineConfigUnset(config: Command, select: Select): void {
  config
    .command('unset')
    .description('remove a value from a profile of the config file')
    .addArgument(keyArgument())
    .addHelpText('after', '\nExample:\n  $ rdsjob config unset auth-token --profile ci\n')
    .action((key: string, _options: object, command: Command) => {
      const { profile } = command.optsWithGlobals<GlobalOptions>();
      select(command, (ctx) => runConfigUnset({ key, profile }, ctx));
    });
}

export interface ConfigSetArgs {
  key: string;
  /** Undefined: read from stdin. */
  value?: string;
  profile?: string;
}

async function runConfigSet(args: ConfigSetArgs, ctx: CommandContext): Promise<Reported> {
  const { deps } = ctx;
  const key = settingKeyOf(args.key);
  const profile = profileFor(args.profile, deps.env);
  if (args.value !== undefined && isSecret(key)) {
    // An argument ends up in shell history and `ps`, exactly like a flag would.
    throw new UsageError(`${nameOf(key)} is a secret and is not accepted on the command line`, {
      hint: `run \`rdsjob config set ${nameOf(key)}\` and type it, or pipe it: printf %s "$VALUE" | rdsjob config set ${nameOf(key)}`,
    });
  }
  const raw = args.value ?? (await readValue(deps.stdin, deps.stderr, `${nameOf(key)} for profile ${profile}: `));
  return write(ctx, profile, key, checkedValue(key, raw));
}

async function runConfigUnset(args: { key: string; profile?: string }, ctx: CommandContext): Promise<Reported> {
  return write(ctx, profileFor(args.profile, ctx.deps.env), settingKeyOf(args.key), undefined);
}

async function write(ctx: CommandContext, profile: string, key: SettingKey, value: string | undefined): Promise<Reported> {
  const { deps } = ctx;
  const path = rdsjobConfigPath(deps.env, deps.homedir);
  const wasReadable = await groupOrWorldReadable(path).catch(() => false);
  const written = await (await loadConfigWriter()).updateProfileValue(path, profile, key, value, { now: deps.now });
  if (wasReadable) deps.stderr.write(`note: ${written} was readable by group or others; it is now mode 600\n`);
  if (deps.stderr.isTTY === true) {
    const what = value === undefined ? 'removed' : 'saved';
    deps.stderr.write(`${what} ${nameOf(key)} for profile ${profile} in ${written}\n`);
  }
  return OK;
}
