// Every setting rdsjob resolves, in one table (README § Configuration): its name for `rdsjob config`, the
// environment variables that set it (first set wins), KooCLI's field for it, and how it may be shown.
// Everything else (config keys, env lookups, masking, completion, help) is derived from this table.
import { SERVICE_NAMES } from '../services/names.js';

export const SETTINGS = {
  service: {
    name: 'service',
    help: 'database service: rds, taurusdb, gaussdb, dds or geminidb',
    env: ['RDSJOB_SERVICE'],
    hcloud: undefined,
    shown: 'plain',
    /** The only values it takes: --service, completion and `config set service <TAB>` offer them. */
    choices: SERVICE_NAMES,
  },
  region: {
    name: 'region',
    help: 'region, e.g. cn-north-4',
    env: ['RDSJOB_REGION', 'HUAWEICLOUD_SDK_REGION', 'HW_REGION_NAME'],
    hcloud: 'region',
    shown: 'plain',
  },
  projectId: {
    name: 'project-id',
    help: 'project id (else looked up in IAM)',
    env: ['HUAWEICLOUD_SDK_PROJECT_ID', 'HW_PROJECT_ID'],
    hcloud: 'projectId',
    shown: 'plain',
  },
  // The access key is no secret, but its first 4 characters are enough to tell keys apart.
  accessKey: {
    name: 'access-key',
    help: 'access key',
    env: ['HUAWEICLOUD_SDK_AK', 'HW_ACCESS_KEY'],
    hcloud: 'accessKeyId',
    shown: 'masked',
  },
  secretKey: {
    name: 'secret-key',
    help: 'secret key',
    env: ['HUAWEICLOUD_SDK_SK', 'HW_SECRET_KEY'],
    hcloud: 'secretAccessKey',
    shown: 'secret',
  },
  securityToken: {
    name: 'security-token',
    help: "temporary credentials' security token",
    env: ['HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HW_SECURITY_TOKEN'],
    hcloud: 'securityToken',
    shown: 'secret',
  },
  authToken: {
    name: 'auth-token',
    help: 'an IAM token, sent as X-Auth-Token instead of signing',
    env: ['RDSJOB_AUTH_TOKEN'],
    hcloud: undefined,
    shown: 'secret',
  },
  // Then the SDKs' HUAWEICLOUD_SDK_REGION_<SERVICE>_<REGION>, which depends on both (services/names.ts).
  endpoint: {
    name: 'endpoint',
    help: "the service's endpoint override",
    env: ['RDSJOB_ENDPOINT'],
    hcloud: undefined,
    shown: 'plain',
  },
  iamEndpoint: {
    name: 'iam-endpoint',
    help: 'IAM endpoint override',
    env: ['HUAWEICLOUD_SDK_IAM_ENDPOINT'],
    hcloud: undefined,
    shown: 'plain',
  },
} as const;

/** The profile is not a setting of a profile: it chooses the profile (--profile, else this, else the default). */
export const PROFILE_ENV = 'RDSJOB_PROFILE';
/** The config file's path, when not the default one (config/paths.ts). */
export const CONFIG_ENV = 'RDSJOB_CONFIG';
export const DEFAULT_PROFILE = 'default';

export type SettingKey = keyof typeof SETTINGS;
/** The kebab-case name `rdsjob config set` takes, e.g. `secret-key`. */
export type SettingName = (typeof SETTINGS)[SettingKey]['name'];

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
export const SETTING_NAMES = SETTING_KEYS.map((key) => SETTINGS[key].name) as SettingName[];

/** Never printed whole (docs/reliability.md § Security). */
export function isSecret(key: SettingKey): boolean {
  return SETTINGS[key].shown === 'secret';
}

/** Credentials: `config list` shows their first 4 characters, and no error message shows their values. */
export function isCredential(key: SettingKey): boolean {
  return SETTINGS[key].shown !== 'plain';
}

export function nameOf(key: SettingKey): SettingName {
  return SETTINGS[key].name;
}

/** The values a setting takes when they are a fixed set (the services); none when any value of its rule will do. */
export function choicesOf(key: SettingKey): readonly string[] {
  const setting = SETTINGS[key];
  return 'choices' in setting ? setting.choices : [];
}

/** `secret-key` → `secretKey`; undefined for a name that is not a setting. */
export function keyNamed(name: string): SettingKey | undefined {
  return SETTING_KEYS.find((key) => SETTINGS[key].name === name);
}
