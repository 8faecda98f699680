// The shape of rdsjob's own config file: {"profiles": {"NAME": {region, accessKey, …}}}.
import { isObject } from '../values.js';
import { ConfigError } from '../errors.js';
import { SETTING_KEYS, type SettingKey } from './settings.js';
import { quote } from './validate.js';

export type ProfileValues = Partial<Record<SettingKey, string>>;

export const CORRUPT_HINT = 'fix the file by hand, or move it aside and set the values again with `rdsjob config set`';

/**
 * Every profile in the file, by name (a Map: a profile may be called `__proto__` or `constructor`). Unknown keys
 * are ignored (a newer rdsjob may have written them); empty strings count as unset. Throws ConfigError naming the
 * file when the structure is wrong.
 */
export function rdsjobProfiles(data: unknown, path: string): Map<string, ProfileValues> {
  const result = new Map<string, ProfileValues>();
  if (data === undefined) return result;
  if (!isObject(data)) throw new ConfigError(`config file ${path} is not a JSON object`, { hint: CORRUPT_HINT });
  const profiles = data.profiles;
  if (profiles === undefined) return result;
  if (!isObject(profiles)) {
    throw new ConfigError(`config file ${path}: "profiles" is not an object`, { hint: CORRUPT_HINT });
  }
  for (const [name, raw] of Object.entries(profiles)) {
    if (!isObject(raw)) {
      throw new ConfigError(`config file ${path}: profile ${quote(name)} is not an object`, { hint: CORRUPT_HINT });
    }
    const values: ProfileValues = {};
    for (const key of SETTING_KEYS) {
      const value = raw[key];
      if (value === undefined || value === null || value === '') continue;
      if (typeof value !== 'string') {
        throw new ConfigError(`config file ${path}: "${key}" in profile ${quote(name)} is not a string`, {
          hint: CORRUPT_HINT,
        });
      }
      values[key] = value;
    }
    result.set(name, values);
  }
  return result;
}
