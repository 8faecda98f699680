import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { authFrom } from '../../src/config/auth.js';
import { requireEndpoint, requireIamEndpoint } from '../../src/config/require.js';
import type { ResolvedConfig, Setting, Source } from '../../src/config/types.js';

const env = (name: string): Source => ({ kind: 'env', name });
const profile: Source = { kind: 'profile', name: 'default', path: '/c.json' };
const hcloud: Source = { kind: 'hcloud', name: 'default', path: '/h.json' };
const s = (value: string, source: Source): Setting => ({ value, source });

function config(settings: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return { profile: { value: 'default', source: { kind: 'default' } }, configPath: '/c.json', ...settings };
}
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('authFrom', () => {
  const ak = s('AKAKAKAKAK', env('HUAWEICLOUD_SDK_AK'));
  const sk = s('sksksksksk-secret', env('HUAWEICLOUD_SDK_SK'));

  it('AK + SK → signing', () =>
    expect(authFrom(config({ accessKey: ak, secretKey: sk }))).toEqual({
      kind: 'aksk',
      accessKey: 'AKAKAKAKAK',
      secretKey: 'sksksksksk-secret',
    }));
  it('carries the security token', () =>
    expect(
      authFrom(config({ accessKey: ak, secretKey: sk, securityToken: s('st', env('HW_SECURITY_TOKEN')) })),
    ).toEqual({
      kind: 'aksk',
      accessKey: 'AKAKAKAKAK',
      secretKey: 'sksksksksk-secret',
      securityToken: 'st',
    }));
  it('a token alone → X-Auth-Token', () =>
    expect(authFrom(config({ authToken: s('tok', env('RDSJOB_AUTH_TOKEN')) }))).toEqual({
      kind: 'token',
      token: 'tok',
    }));

  const both: [string, Source, Source, 'aksk' | 'token'][] = [
    ['keys and token both from the environment → keys', env('HUAWEICLOUD_SDK_AK'), env('RDSJOB_AUTH_TOKEN'), 'aksk'],
    ['keys from the environment, token from a profile → keys', env('HUAWEICLOUD_SDK_AK'), profile, 'aksk'],
    ['keys and token both from the profile → keys', profile, profile, 'aksk'],
    ['token from the environment, keys from a profile → token', profile, env('RDSJOB_AUTH_TOKEN'), 'token'],
    ['token from the environment, keys from KooCLI → token', hcloud, env('RDSJOB_AUTH_TOKEN'), 'token'],
    ['token from the profile, keys from KooCLI → token', hcloud, profile, 'token'],
  ];
  for (const [name, keySource, tokenSource, kind] of both) {
    it(name, () => {
      const c = config({
        accessKey: s('AK', keySource),
        secretKey: s('SK', keySource),
        authToken: s('tok', tokenSource),
      });
      expect(authFrom(c).kind).toBe(kind);
    });
  }
  it('keys split across levels count at the less specific one', () => {
    const c = config({
      accessKey: s('AK', env('HW_ACCESS_KEY')),
      secretKey: s('SK', hcloud),
      authToken: s('tok', profile),
    });
    expect(authFrom(c).kind).toBe('token');
  });
  it('half a key pair with a token → token', () =>
    expect(authFrom(config({ accessKey: ak, authToken: s('tok', profile) })).kind).toBe('token'));

  it('AK without SK says the secret key is missing and where the AK came from', () => {
    const e = configError(() => authFrom(config({ accessKey: ak })));
    expect(e.message).toBe('secret key missing: the access key comes from env HUAWEICLOUD_SDK_AK');
    expect(e.hint).toContain('HUAWEICLOUD_SDK_SK');
  });
  it('SK without AK says the access key is missing, never the SK', () => {
    const e = configError(() => authFrom(config({ secretKey: sk })));
    expect(e.message).toMatch(/^access key missing/);
    expect(e.message + e.hint).not.toContain('sksksk');
  });
  it('nothing → "no credentials" with every way to set them', () => {
    const e = configError(() => authFrom(config()));
    expect(e.message).toBe('no credentials');
    for (const way of [
      'HUAWEICLOUD_SDK_AK',
      'HUAWEICLOUD_SDK_SK',
      'rdsjob config set access-key',
      'hcloud configure',
    ]) {
      expect(e.hint).toContain(way);
    }
  });
  it('names the profile in the hint when it is not "default"', () => {
    const e = configError(() => authFrom(config({ profile: { value: 'prod', source: env('RDSJOB_PROFILE') } })));
    expect(e.hint).toContain('rdsjob config set access-key --profile prod');
  });
  it('explains a KooCLI profile that was skipped', () => {
    const e = configError(() =>
      authFrom(
        config({ hcloudIgnored: 'KooCLI profile "x" in /h.json uses mode ecsAgency; rdsjob can only use AKSK' }),
      ),
    );
    expect(e.message).toContain('ecsAgency');
  });
});

describe('require*', () => {
  const region = s('cn-north-4', { kind: 'flag', name: '--region' });
  const endpoint = s('https://rds.example.com', { kind: 'derived' });
  it('return the setting when present', () => {
    const c = config({ region, endpoint, iamEndpoint: endpoint });
    expect([requireEndpoint(c), requireIamEndpoint(c)]).toEqual([endpoint, endpoint]);
  });
  it.each([
    ['requireEndpoint', requireEndpoint],
    ['requireIamEndpoint', requireIamEndpoint],
  ])('%s: no region → ConfigError with the ways to set one', (_, fn) => {
    const e = configError(() => fn(config()));
    expect(e.message).toBe('no region configured');
    expect(e.hint).toContain('--region');
    expect(e.hint).toContain('rdsjob config set region');
  });
});
