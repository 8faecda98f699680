// `rdsjob config set <key> [value]` and `rdsjob config unset <key>`: one value in one profile of rdsjob's file.
import { groupOrWorldReadable } from '../../config/files.js';
import { requireRdsjobConfigPath } from '../../config/paths.js';
import { updateProfileValue } from '../../config/write.js';
import { isSecret, nameOf, type SettingKey } from '../../config/settings.js';
import { UsageError } from '../../errors.js';
import { OK, type Reported } from '../../outcome.js';
import type { CommandContext } from '../context.js';
import { readValue } from './input.js';
import { checkedValue, profileFor, settingKeyOf } from './keys.js';

export interface ConfigSetArgs {
  key: string;
  /** Undefined: read from stdin. */
  value?: string;
  profile?: string;
}

export async function runConfigSet(args: ConfigSetArgs, ctx: CommandContext): Promise<Reported> {
  const { deps } = ctx;
  const key = settingKeyOf(args.key);
  const profile = profileFor(args.profile, deps.env);
  if (args.value !== undefined && isSecret(key)) {
    // An argument ends up in shell history and `ps`, exactly like a flag would.
    throw new UsageError(`${nameOf(key)} is a secret and is not accepted on the command line`, {
      hint: `run \`rdsjob config set ${nameOf(key)}\` and type it, or pipe it: printf %s "$VALUE" | rdsjob config set ${nameOf(key)}`,
    });
  }
  const raw =
    args.value ?? (await readValue(deps.stdin, deps.stderr, `${nameOf(key)} for profile ${profile}: `, ctx.signal));
  return write(ctx, profile, key, checkedValue(key, raw));
}

export async function runConfigUnset(args: { key: string; profile?: string }, ctx: CommandContext): Promise<Reported> {
  return write(ctx, profileFor(args.profile, ctx.deps.env), settingKeyOf(args.key), undefined);
}

async function write(
  ctx: CommandContext,
  profile: string,
  key: SettingKey,
  value: string | undefined,
): Promise<Reported> {
  const { deps } = ctx;
  const path = requireRdsjobConfigPath(deps.env, deps.homedir);
  const wasReadable = await groupOrWorldReadable(path).catch(() => false);
  const written = await updateProfileValue(path, profile, key, value, {
    signal: ctx.signal,
  });
  if (wasReadable) deps.stderr.write(`note: ${written} was readable by group or others; it is now mode 600\n`);
  if (deps.stderr.isTTY === true) {
    const what = value === undefined ? 'removed' : 'saved';
    deps.stderr.write(`${what} ${nameOf(key)} for profile ${profile} in ${written}\n`);
  }
  return OK;
}
