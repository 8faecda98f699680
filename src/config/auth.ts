// Which credentials a request is authenticated with. Messages name sources, never secret values.
import { ConfigError } from '../errors.js';
import { describeSource } from './describe.js';
import { DEFAULT_PROFILE, SETTINGS } from './settings.js';
import type { ResolvedConfig, Setting, Source } from './types.js';

export type Auth =
  | { kind: 'aksk'; accessKey: string; secretKey: string; securityToken?: string }
  | { kind: 'token'; token: string };

/** Lower is more specific, as in the contract's precedence table. */
function rank(source: Source): number {
  switch (source.kind) {
    case 'flag':
      return 0;
    case 'env':
      return 1;
    case 'profile':
      return 2;
    case 'hcloud':
      return 3;
    default:
      return 4;
  }
}

function profileFlag(config: ResolvedConfig): string {
  return config.profile.value === DEFAULT_PROFILE ? '' : ` --profile ${config.profile.value}`;
}

function missingHalf(config: ResolvedConfig, present: Setting, missing: 'secret key' | 'access key'): ConfigError {
  const [envName, key] =
    missing === 'secret key'
      ? [SETTINGS.secretKey.env[0], SETTINGS.secretKey.name]
      : [SETTINGS.accessKey.env[0], SETTINGS.accessKey.name];
  const other = missing === 'secret key' ? 'access key' : 'secret key';
  return new ConfigError(`${missing} missing: the ${other} comes from ${describeSource(present.source)}`, {
    hint: `set ${envName} or run \`rdsjob config set ${key}${profileFlag(config)}\``,
  });
}

/**
 * AK/SK signing when both keys are set; an IAM token otherwise. When both are available, the keys win unless the
 * token was set at a more specific level than they were (e.g. RDSJOB_AUTH_TOKEN beats keys in a config file or
 * KooCLI, but HUAWEICLOUD_SDK_AK/SK beat an authToken stored in a profile).
 */
export function authFrom(config: ResolvedConfig): Auth {
  const { accessKey, secretKey, authToken, securityToken } = config;
  if (accessKey && secretKey) {
    const keysRank = Math.max(rank(accessKey.source), rank(secretKey.source));
    if (!authToken || keysRank <= rank(authToken.source)) {
      return securityToken
        ? { kind: 'aksk', accessKey: accessKey.value, secretKey: secretKey.value, securityToken: securityToken.value }
        : { kind: 'aksk', accessKey: accessKey.value, secretKey: secretKey.value };
    }
  }
  if (authToken) return { kind: 'token', token: authToken.value };
  if (accessKey) throw missingHalf(config, accessKey, 'secret key');
  if (secretKey) throw missingHalf(config, secretKey, 'access key');
  throw noCredentials(config);
}

function noCredentials(config: ResolvedConfig): ConfigError {
  const ignored = config.hcloudIgnored === undefined ? '' : ` (${config.hcloudIgnored})`;
  return new ConfigError(`no credentials${ignored}`, {
    hint:
      `set ${SETTINGS.accessKey.env[0]} and ${SETTINGS.secretKey.env[0]}, ` +
      `or run \`rdsjob config set access-key${profileFlag(config)}\` and \`rdsjob config set secret-key${profileFlag(config)}\`, ` +
      'or configure KooCLI with `hcloud configure init` and `hcloud configure set --cli-auth-encrypt=false`',
  });
}
