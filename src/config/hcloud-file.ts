// KooCLI's ~/.hcloud/config.json: {"current": "x", "profiles": [{"name", "mode", "accessKeyId", …}]}.
import { isObject } from '../values.js';
import { ConfigError } from '../errors.js';

export interface HcloudProfile {
  name: string;
  mode?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  securityToken?: string;
  region?: string;
  projectId?: string;
}

export interface HcloudConfig {
  current?: string;
  profiles: HcloudProfile[];
}

export const HCLOUD_HINT = 'check it with `hcloud configure test`, or move it aside if you do not use KooCLI';

function stringField(raw: Record<string, unknown>, key: string): string | undefined {
  const value = raw[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Only the fields rdsjob uses; KooCLI's many others are ignored. Throws ConfigError on a wrong structure. */
export function parseHcloud(data: unknown, path: string): HcloudConfig {
  if (!isObject(data)) throw new ConfigError(`KooCLI config file ${path} is not a JSON object`, { hint: HCLOUD_HINT });
  const profiles = data.profiles ?? [];
  if (!Array.isArray(profiles)) {
    throw new ConfigError(`KooCLI config file ${path}: "profiles" is not a list`, { hint: HCLOUD_HINT });
  }
  const parsed: HcloudProfile[] = [];
  for (const raw of profiles) {
    if (!isObject(raw)) continue;
    const name = stringField(raw, 'name');
    if (name === undefined) continue;
    parsed.push({
      name,
      mode: stringField(raw, 'mode'),
      accessKeyId: stringField(raw, 'accessKeyId'),
      secretAccessKey: stringField(raw, 'secretAccessKey'),
      securityToken: stringField(raw, 'securityToken'),
      region: stringField(raw, 'region'),
      projectId: stringField(raw, 'projectId'),
    });
  }
  return { current: stringField(data, 'current'), profiles: parsed };
}

// Huawei Cloud AKs are 20 upper-case alphanumerics and SKs 40 alphanumerics. KooCLI's encryption (on by default)
// adds at least an IV/nonce and encodes the result, so a ciphertext is longer than these bounds or carries base64
// punctuation. The bounds are loose on purpose so hand-made test keys such as "test-ak" still count as plaintext.
const PLAIN_AK = /^[A-Za-z0-9_-]{1,40}$/;
const PLAIN_SK = /^[A-Za-z0-9_-]{1,64}$/;

/** True when the profile's keys cannot be plaintext, i.e. KooCLI stored them encrypted. */
export function looksEncrypted(profile: HcloudProfile): boolean {
  const ak = profile.accessKeyId;
  const sk = profile.secretAccessKey;
  return (ak !== undefined && !PLAIN_AK.test(ak)) || (sk !== undefined && !PLAIN_SK.test(sk));
}

/** KooCLI writes mode AKSK for access keys; other modes (ecsAgency, SSO, …) hold nothing rdsjob can sign with. */
export function isAkskMode(profile: HcloudProfile): boolean {
  return profile.mode === undefined || profile.mode.toUpperCase() === 'AKSK';
}
