// The names `rdsjob config` accepts (kebab-case, like the flags) and the file's camelCase keys they stand for.
// Apart from config-keys.ts so that defining the commands (every run's start-up) pulls in nothing else.
import type { SettingKey } from '../config/types.js';

export const CONFIG_KEYS = {
  region: 'region',
  'project-id': 'projectId',
  'access-key': 'accessKey',
  'secret-key': 'secretKey',
  'security-token': 'securityToken',
  'auth-token': 'authToken',
  endpoint: 'endpoint',
  'iam-endpoint': 'iamEndpoint',
} as const satisfies Record<string, SettingKey>;

export type ConfigKeyName = keyof typeof CONFIG_KEYS;
export const CONFIG_KEY_NAMES = Object.keys(CONFIG_KEYS) as ConfigKeyName[];
