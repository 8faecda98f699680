// The names `rdsjob config` accepts (kebab-case, like the flags) and the file's camelCase keys they stand for.
import { problemWith } from '../config/resolve.js';
import { SECRET_KEYS, type SettingKey } from '../config/types.js';
import { isValidProfileName, normalizeEndpoint, quote } from '../config/validate.js';
import { UsageError } from '../errors.js';

export { CONFIG_KEYS, CONFIG_KEY_NAMES, type ConfigKeyName } from './config-key-names.js';
import { CONFIG_KEYS, CONFIG_KEY_NAMES, type ConfigKeyName } from './config-key-names.js';

export function nameOf(key: SettingKey): ConfigKeyName {
  return CONFIG_KEY_NAMES.find((name) => CONFIG_KEYS[name] === key)!;
}

export function settingKeyOf(name: string): SettingKey {
  if (Object.hasOwn(CONFIG_KEYS, name)) return CONFIG_KEYS[name as ConfigKeyName];
  const camel = CONFIG_KEY_NAMES.find((known) => CONFIG_KEYS[known].toLowerCase() === name.toLowerCase());
  throw new UsageError(`unknown config key ${quote(name)}`, {
    hint: camel ? `did you mean ${camel}?` : `use one of: ${CONFIG_KEY_NAMES.join(', ')}`,
  });
}

export function isSecret(key: SettingKey): boolean {
  return SECRET_KEYS.has(key);
}

/** The value as it will be stored (endpoints without trailing slashes); UsageError (exit 2) when invalid. */
export function checkedValue(key: SettingKey, value: string): string {
  const shown = isSecret(key) || key === 'accessKey' ? '' : ` ${quote(value)}`;
  if (value === '') throw new UsageError(`empty value for ${nameOf(key)}`, { hint: `remove it with \`rdsjob config unset ${nameOf(key)}\`` });
  const problem = problemWith(key, value);
  if (problem !== undefined) throw new UsageError(`invalid ${nameOf(key)}${shown}: ${problem}`);
  return key === 'endpoint' || key === 'iamEndpoint' ? normalizeEndpoint(value) : value;
}

/** The profile `config` commands act on: --profile, else RDSJOB_PROFILE, else "default". */
export function profileFor(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const name = flag ?? (env.RDSJOB_PROFILE || undefined) ?? 'default';
  if (!isValidProfileName(name)) {
    throw new UsageError(`invalid profile name ${quote(name)}: use 1–64 characters of A-Z a-z 0-9 _ . -`);
  }
  return name;
}
