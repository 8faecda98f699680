// Configuration resolution (README § Configuration): each setting from the first source that has it, with its source.
import { ConfigError, UsageError } from '../errors.js';
import { flagOf, type GlobalFlagKey, type GlobalFlags } from '../flags.js';
import { DEFAULT_SERVICE, SERVICE_NAMES, sdkEndpointEnvName, serviceNamed } from '../services/names.js';
import { rds } from '../services/rds.js';
import type { JobService } from '../services/types.js';
import { iamEndpoint } from './endpoints.js';
import { isAkskMode, looksEncrypted, parseHcloud, type HcloudProfile } from './hcloud-file.js';
import { rdsjobProfiles, type ProfileValues } from './rdsjob-file.js';
import {
  DEFAULT_PROFILE,
  isCredential,
  nameOf,
  PROFILE_ENV,
  SETTING_KEYS,
  SETTINGS,
  type SettingKey,
} from './settings.js';
import type { ConfigFiles, ResolvedConfig, Setting, Source } from './types.js';
import {
  checkEndpoint,
  ID_RULE,
  isValidProfileName,
  isValidProjectId,
  isValidRegion,
  normalizeEndpoint,
  PROFILE_RULE,
  quote,
} from './validate.js';

type Env = Readonly<Record<string, string | undefined>>;

function fromEnv(env: Env, names: readonly string[]): Setting | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') return { value, source: { kind: 'env', name } };
  }
  return undefined;
}

/** The SDKs accept a comma-separated list of endpoints in their per-region override; rdsjob uses the first. */
function firstOfList(setting: Setting | undefined): Setting | undefined {
  if (setting?.source.kind !== 'env' || !setting.source.name.startsWith('HUAWEICLOUD_SDK_REGION_')) return setting;
  return { ...setting, value: setting.value.split(',')[0]!.trim() };
}

function fromFlag(flags: GlobalFlags, key: GlobalFlagKey): Setting | undefined {
  const value = flags[key];
  return value === undefined ? undefined : { value, source: { kind: 'flag', name: flagOf(key) } };
}

/** Why `value` is not acceptable for `key`, or undefined. Endpoints are checked here and normalised by the caller. */
export function problemWith(key: SettingKey, value: string): string | undefined {
  switch (key) {
    case 'service':
      return serviceNamed(value) === undefined ? `use one of ${SERVICE_NAMES.join(', ')}` : undefined;
    case 'region':
      return isValidRegion(value) ? undefined : 'expected a lower-case region id such as cn-north-4';
    case 'projectId':
      return isValidProjectId(value) ? undefined : ID_RULE;
    case 'endpoint':
    case 'iamEndpoint':
      return checkEndpoint(value);
    default:
      // A space or control character in a key would corrupt the Authorization header (or inject another one).
      return /[\x00-\x20\x7f]/.test(value) ? 'contains spaces or control characters' : undefined;
  }
}

/**
 * A value as an error message may show it: ` "…"`, nothing for a credential, and an endpoint's password (refused:
 * `https://user:pw@host`) masked, since refusing it must not print it.
 */
export function shownValue(key: SettingKey, value: string): string {
  if (isCredential(key)) return '';
  const masked =
    key === 'endpoint' || key === 'iamEndpoint'
      ? value.replace(/^([^:/?#]*:\/\/[^:/?#@]*):[^/?#]*@/, '$1:****@')
      : value;
  return ` ${quote(masked)}`;
}

/** UsageError (exit 2) for what the user typed or exported; ConfigError (exit 3) naming the file for stored values. */
function invalid(key: SettingKey, setting: Setting, reason: string): Error {
  const shown = shownValue(key, setting.value);
  const source = setting.source;
  switch (source.kind) {
    case 'flag':
    case 'env':
      return new UsageError(`invalid ${source.name}${shown}: ${reason}`);
    case 'profile':
      return new ConfigError(`invalid ${key}${shown} in profile ${quote(source.name)} of ${source.path}: ${reason}`, {
        hint: `correct it with \`rdsjob config set ${nameOf(key)} --profile ${source.name}\``,
      });
    case 'hcloud':
      return new ConfigError(
        `invalid ${key}${shown} in KooCLI profile ${quote(source.name)} of ${source.path}: ${reason}`,
        { hint: 'correct it with `hcloud configure set`, or override it with a flag or environment variable' },
      );
    default:
      return new ConfigError(`invalid ${key}${shown}: ${reason}`);
  }
}

/**
 * A valid value as rdsjob uses and stores it: an endpoint without trailing slashes, a service name in lower case
 * (`GeminiDB` as the console writes it is `geminidb`).
 */
export function normalized(key: SettingKey, value: string): string {
  if (key === 'endpoint' || key === 'iamEndpoint') return normalizeEndpoint(value);
  if (key === 'service') return serviceNamed(value) ?? value;
  return value;
}

function validated(key: SettingKey, setting: Setting | undefined): Setting | undefined {
  if (setting === undefined) return undefined;
  const reason = problemWith(key, setting.value);
  if (reason !== undefined) throw invalid(key, setting, reason);
  return { ...setting, value: normalized(key, setting.value) };
}

/**
 * The profile a command uses: --profile, else RDSJOB_PROFILE, else "default". `explicit` when the user named one
 * (then it must exist somewhere). UsageError (exit 2) for a name outside the rule, naming where it came from.
 */
export function resolveProfile(flags: GlobalFlags, env: Env): { setting: Setting; explicit: boolean } {
  const named = fromFlag(flags, 'profile') ?? fromEnv(env, [PROFILE_ENV]);
  if (named === undefined) return { setting: { value: DEFAULT_PROFILE, source: { kind: 'default' } }, explicit: false };
  if (!isValidProfileName(named.value)) {
    const from = named.source.kind === 'flag' || named.source.kind === 'env' ? ` from ${named.source.name}` : '';
    throw new UsageError(`invalid profile name ${quote(named.value)}${from}: ${PROFILE_RULE}`);
  }
  return { setting: named, explicit: true };
}

/** The KooCLI profile rdsjob reads: the one named by --profile/RDSJOB_PROFILE, else KooCLI's `current`. */
function pickHcloudProfile(files: ConfigFiles, profile: string, explicit: boolean): HcloudProfile | undefined {
  if (files.hcloud === undefined || files.hcloud.problem !== undefined) return undefined;
  const hcloud = parseHcloud(files.hcloud.data, files.hcloud.path);
  const name = explicit ? profile : (hcloud.current ?? DEFAULT_PROFILE);
  return hcloud.profiles.find((p) => p.name === name);
}

interface HcloudUse {
  values: Partial<Record<SettingKey, Setting>>;
  /** The profile's keys are encrypted and were left out; set when they would otherwise have supplied some. */
  encrypted?: { name: string; path: string };
  ignored?: string;
}

function hcloudValues(files: ConfigFiles, profile: HcloudProfile | undefined): HcloudUse {
  if (files.hcloud === undefined || profile === undefined) return { values: {} };
  const { path } = files.hcloud;
  if (!isAkskMode(profile)) {
    return {
      values: {},
      ignored: `KooCLI profile ${quote(profile.name)} in ${path} uses mode ${profile.mode}; rdsjob can only use AKSK`,
    };
  }
  const encrypted = looksEncrypted(profile);
  const values: Partial<Record<SettingKey, Setting>> = {};
  for (const key of SETTING_KEYS) {
    const field = SETTINGS[key].hcloud;
    if (field === undefined) continue;
    const value = profile[field];
    if (value === undefined) continue;
    // Ciphertext only KooCLI can decrypt: never sign with it. Region and project id are stored in the clear.
    if (encrypted && isCredential(key)) continue;
    values[key] = { value, source: { kind: 'hcloud', name: profile.name, path } };
  }
  return { values, encrypted: encrypted ? { name: profile.name, path } : undefined };
}

function encryptedKeysError(name: string, path: string): ConfigError {
  return new ConfigError(
    `the access keys in KooCLI profile ${quote(name)} (${path}) are encrypted, and only KooCLI can decrypt them`,
    {
      hint:
        `set ${SETTINGS.accessKey.env[0]} and ${SETTINGS.secretKey.env[0]}, or store the keys with \`rdsjob config set access-key\` and ` +
        '`rdsjob config set secret-key`, or make KooCLI keep them in plaintext with ' +
        '`hcloud configure set --cli-auth-encrypt=false` and enter them in KooCLI again',
    },
  );
}

/** The endpoint rule of each service whose file is loaded: RDS's always, another's once loadService() brought it. */
export type EndpointRules = Partial<Record<JobService['name'], Pick<JobService, 'endpoint'>>>;

/**
 * Resolves every setting from flags, environment, rdsjob's profile, KooCLI's profile, then derivation.
 * Pure: the caller reads the files (loadConfigFiles), and passes the endpoint rule of the chosen service when it is
 * not RDS (config/load.ts does); without it, that service's endpoint is not derived. Missing settings are left out;
 * the code that needs one (see require.ts, auth.ts) reports it. Throws UsageError/ConfigError for invalid values,
 * naming where they came from.
 */
export function resolveConfig(
  flags: GlobalFlags,
  env: Env,
  files: ConfigFiles,
  rules: EndpointRules = {},
): ResolvedConfig {
  const { setting: profile, explicit } = resolveProfile(flags, env);
  const rdsjobPath = files.rdsjob.path;
  const stored: ProfileValues | undefined =
    rdsjobPath === undefined ? undefined : rdsjobProfiles(files.rdsjob.data, rdsjobPath).get(profile.value);
  const hcloudProfile = pickHcloudProfile(files, profile.value, explicit);

  const hcloudProblem = files.hcloud?.problem;
  if (explicit && stored === undefined && hcloudProfile === undefined) {
    if (hcloudProblem !== undefined) throw hcloudProblem;
    const where = [rdsjobPath, files.hcloud?.path].filter((p) => p !== undefined).join(' or ') || 'any config file';
    throw new ConfigError(`profile ${quote(profile.value)} not found in ${where}`, {
      hint: `create it with \`rdsjob config set region <region> --profile ${profile.value}\`, or choose another profile`,
    });
  }

  const hcloud = hcloudValues(files, hcloudProfile);
  const fromStored = (key: SettingKey): Setting | undefined => {
    const value = stored?.[key];
    // A stored value implies the file exists, so its path is known.
    return value === undefined
      ? undefined
      : { value, source: { kind: 'profile', name: profile.value, path: rdsjobPath! } };
  };
  const pick = (key: SettingKey, flag?: GlobalFlagKey, extraEnv: readonly string[] = []): Setting | undefined =>
    validated(
      key,
      (flag === undefined ? undefined : fromFlag(flags, flag)) ??
        firstOfList(fromEnv(env, [...SETTINGS[key].env, ...extraEnv])) ??
        fromStored(key) ??
        hcloud.values[key],
    );

  const service = pick('service', 'service') ?? { value: DEFAULT_SERVICE, source: { kind: 'default' } };
  const serviceName = service.value as JobService['name'];
  const config: ResolvedConfig = { profile, configPath: rdsjobPath, service };
  const region = pick('region', 'region');
  const set = (key: SettingKey, setting: Setting | undefined): void => {
    if (setting !== undefined) config[key] = setting;
  };
  set('region', region);
  const accessKey = pick('accessKey');
  set('accessKey', accessKey);
  set('secretKey', pick('secretKey'));
  // A security token belongs to the temporary key pair it was issued with: take it only from where the access key
  // came from. Pairing, say, a KooCLI token with permanent keys from the environment makes every request fail
  // (and counts towards the gateway locking the key).
  const atLevel = (key: SettingKey, kind: Source['kind']): Setting | undefined =>
    kind === 'env'
      ? fromEnv(env, SETTINGS[key].env)
      : kind === 'profile'
        ? fromStored(key)
        : kind === 'hcloud'
          ? hcloud.values[key]
          : undefined;
  set(
    'securityToken',
    accessKey ? validated('securityToken', atLevel('securityToken', accessKey.source.kind)) : pick('securityToken'),
  );
  set('authToken', pick('authToken'));
  set('projectId', pick('projectId', 'projectId'));
  const derived: Source = { kind: 'derived' };
  const rule = ({ rds, ...rules } as EndpointRules)[serviceName];
  set(
    'endpoint',
    pick('endpoint', 'endpoint', region ? [sdkEndpointEnvName(serviceName, region.value)] : []) ??
      (region && rule && { value: rule.endpoint(region.value), source: derived }),
  );
  set(
    'iamEndpoint',
    pick('iamEndpoint', 'iamEndpoint') ?? (region && { value: iamEndpoint(region.value), source: derived }),
  );
  if (hcloud.ignored !== undefined) config.hcloudIgnored = hcloud.ignored;

  // The encrypted keys, or a broken KooCLI file, matter exactly when nothing above supplied a complete key pair or
  // a token.
  const credentialsMissing = !config.authToken && (!config.accessKey || !config.secretKey);
  if (hcloud.encrypted && credentialsMissing) throw encryptedKeysError(hcloud.encrypted.name, hcloud.encrypted.path);
  if (hcloudProblem !== undefined && credentialsMissing) throw hcloudProblem;
  return config;
}
