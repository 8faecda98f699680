// The names `rdsjob config` takes for settings (kebab-case, like the flags; config/settings.ts), checked and
// turned into the file's keys.
import { normalized, problemWith, resolveProfile, shownValue } from '../../config/resolve.js';
import { keyNamed, nameOf, SETTING_KEYS, SETTING_NAMES, type SettingKey } from '../../config/settings.js';
import { quote } from '../../config/validate.js';
import { UsageError } from '../../errors.js';

export function settingKeyOf(name: string): SettingKey {
  const key = keyNamed(name);
  if (key !== undefined) return key;
  const camel = SETTING_KEYS.find((known) => known.toLowerCase() === name.toLowerCase());
  throw new UsageError(`unknown config key ${quote(name)}`, {
    hint: camel ? `did you mean ${nameOf(camel)}?` : `use one of: ${SETTING_NAMES.join(', ')}`,
  });
}

/** The value as it will be stored (endpoints without trailing slashes, services in lower case); UsageError (exit 2) when invalid. */
export function checkedValue(key: SettingKey, value: string): string {
  const shown = shownValue(key, value);
  if (value === '')
    throw new UsageError(`empty value for ${nameOf(key)}`, {
      hint: `remove it with \`rdsjob config unset ${nameOf(key)}\``,
    });
  const problem = problemWith(key, value);
  if (problem !== undefined) throw new UsageError(`invalid ${nameOf(key)}${shown}: ${problem}`);
  return normalized(key, value);
}

/** The profile `config` commands act on, chosen as for every other command. */
export function profileFor(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  return resolveProfile({ profile: flag }, env).setting.value;
}
