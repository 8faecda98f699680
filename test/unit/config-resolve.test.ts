import { describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../src/errors.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SettingKey } from '../../src/config/settings.js';
import type { ConfigFiles, Source } from '../../src/config/types.js';
import type { GlobalFlags } from '../../src/flags.js';

const RDSJOB = '/home/u/.config/rdsjob/config.json';
const HCLOUD = '/home/u/.hcloud/config.json';

type Env = Record<string, string | undefined>;
type Profile = Record<string, unknown>;

interface Setup {
  flags?: GlobalFlags;
  env?: Env;
  /** rdsjob profiles by name */
  rdsjob?: Record<string, Profile>;
  /** KooCLI file: current + profiles */
  hcloud?: { current?: string; profiles: Profile[] };
}

function files(s: Setup): ConfigFiles {
  return {
    rdsjob: { path: RDSJOB, data: s.rdsjob === undefined ? undefined : { profiles: s.rdsjob } },
    hcloud: s.hcloud === undefined ? undefined : { path: HCLOUD, data: s.hcloud },
  };
}

const resolve = (s: Setup) => resolveConfig(s.flags ?? {}, s.env ?? {}, files(s));

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

/** One source for one setting: what it contributes to the setup, and the source it must be reported as. */
interface Layer {
  value: string;
  add: (s: Setup) => void;
  source: Source;
}

const flag = (key: keyof GlobalFlags, name: string, value: string): Layer => ({
  value,
  source: { kind: 'flag', name },
  add: (s) => void (s.flags = { ...s.flags, [key]: value }),
});
const env = (name: string, value: string): Layer => ({
  value,
  source: { kind: 'env', name },
  add: (s) => void (s.env = { ...s.env, [name]: value }),
});
const stored = (key: string, value: string): Layer => ({
  value,
  source: { kind: 'profile', name: 'default', path: RDSJOB },
  add: (s) => void (s.rdsjob = { default: { ...s.rdsjob?.default, [key]: value } }),
});
const koo = (field: string, value: string): Layer => ({
  value,
  source: { kind: 'hcloud', name: 'default', path: HCLOUD },
  add: (s) => {
    const p = s.hcloud?.profiles[0] ?? { name: 'default', mode: 'AKSK' };
    s.hcloud = { current: 'default', profiles: [{ ...p, [field]: value }] };
  },
});

// Every row of the contract's table, sources from most to least specific. Region is fixed below the layers under
// test for the endpoint rows so that derivation has something to work from.
const ROWS: [SettingKey, Layer[]][] = [
  [
    'region',
    [
      flag('region', '--region', 'cn-north-1'),
      env('RDSJOB_REGION', 'cn-north-4'),
      env('HUAWEICLOUD_SDK_REGION', 'cn-east-3'),
      env('HW_REGION_NAME', 'ap-southeast-1'),
      stored('region', 'la-south-2'),
      koo('region', 'af-south-1'),
    ],
  ],
  [
    'accessKey',
    [
      env('HUAWEICLOUD_SDK_AK', 'AKSDKENV0000000000001'),
      env('HW_ACCESS_KEY', 'AKHWENV00000000000001'),
      stored('accessKey', 'AKPROFILE00000000001'),
      koo('accessKeyId', 'AKHCLOUD000000000001'),
    ],
  ],
  [
    'secretKey',
    [
      env('HUAWEICLOUD_SDK_SK', 'skSdkEnv'),
      env('HW_SECRET_KEY', 'skHwEnv'),
      stored('secretKey', 'skProfile'),
      koo('secretAccessKey', 'skHcloud'),
    ],
  ],
  [
    'securityToken',
    [
      env('HUAWEICLOUD_SDK_SECURITY_TOKEN', 'stSdkEnv'),
      env('HW_SECURITY_TOKEN', 'stHwEnv'),
      stored('securityToken', 'stProfile'),
      koo('securityToken', 'stHcloud'),
    ],
  ],
  ['authToken', [env('RDSJOB_AUTH_TOKEN', 'tokEnv'), stored('authToken', 'tokProfile')]],
  [
    'projectId',
    [
      flag('projectId', '--project-id', 'p-flag'),
      env('HUAWEICLOUD_SDK_PROJECT_ID', 'p-sdk-env'),
      env('HW_PROJECT_ID', 'p-hw-env'),
      stored('projectId', 'p-profile'),
      koo('projectId', 'p-hcloud'),
    ],
  ],
  [
    'endpoint',
    [
      flag('endpoint', '--endpoint', 'https://flag.example.com'),
      env('RDSJOB_ENDPOINT', 'https://env.example.com'),
      env('HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4', 'https://sdk.example.com'),
      stored('endpoint', 'https://profile.example.com'),
      { value: 'https://rds.cn-north-4.myhuaweicloud.com', source: { kind: 'derived' }, add: () => {} },
    ],
  ],
  [
    'iamEndpoint',
    [
      flag('iamEndpoint', '--iam-endpoint', 'https://iam-flag.example.com'),
      env('HUAWEICLOUD_SDK_IAM_ENDPOINT', 'https://iam-env.example.com'),
      stored('iamEndpoint', 'https://iam-profile.example.com'),
      { value: 'https://iam.cn-north-4.myhuaweicloud.com', source: { kind: 'derived' }, add: () => {} },
    ],
  ],
];

describe('precedence: each setting from the first source that has it', () => {
  for (const [key, layers] of ROWS) {
    describe(key, () => {
      layers.forEach((winner, i) => {
        const below =
          layers
            .slice(i + 1)
            .map((l) => describeLayer(l))
            .join(', ') || 'nothing else';
        it(`${describeLayer(winner)} wins over ${below}`, () => {
          const s: Setup = key === 'endpoint' || key === 'iamEndpoint' ? { env: { RDSJOB_REGION: 'cn-north-4' } } : {};
          for (const layer of layers.slice(i)) layer.add(s);
          const config = resolve(s);
          expect(config[key]).toEqual({ value: winner.value, source: winner.source });
        });
      });
      it('is absent when no source has it', () => {
        const s: Setup = key === 'endpoint' || key === 'iamEndpoint' ? {} : { env: { RDSJOB_REGION: 'cn-north-4' } };
        if (key === 'region') delete s.env;
        expect(resolve(s)[key]).toBeUndefined();
      });
    });
  }
});

describe('a broken KooCLI file', () => {
  const problem = new ConfigError(`KooCLI config file ${HCLOUD} is not valid JSON (line 1)`);
  const broken = (extra: Partial<ConfigFiles> = {}): ConfigFiles => ({
    rdsjob: { path: RDSJOB, data: undefined },
    hcloud: { path: HCLOUD, data: undefined, problem },
    ...extra,
  });
  it('is ignored when the environment supplies credentials', () => {
    const config = resolveConfig(
      {},
      { HUAWEICLOUD_SDK_AK: 'AKENV000000000000001', HUAWEICLOUD_SDK_SK: 'skEnv', RDSJOB_REGION: 'cn-north-4' },
      broken(),
    );
    expect(config.accessKey?.source).toEqual({ kind: 'env', name: 'HUAWEICLOUD_SDK_AK' });
  });
  it('is reported when it was the only hope for credentials', () => {
    expect(thrown(() => resolveConfig({}, { RDSJOB_REGION: 'cn-north-4' }, broken()))).toBe(problem);
  });
  it('is reported for a --profile found nowhere else', () => {
    expect(thrown(() => resolveConfig({ profile: 'work' }, {}, broken()))).toBe(problem);
  });
});

describe('a security token travels with the access key it was issued for', () => {
  const kooTemp = {
    current: 'default',
    profiles: [
      {
        name: 'default',
        mode: 'AKSK',
        accessKeyId: 'AKHCLOUDTEMP00000001',
        secretAccessKey: 'skHcloud',
        securityToken: 'stHcloud',
      },
    ],
  };
  it.each([
    [
      'keys from the environment ignore a KooCLI token',
      { env: { HUAWEICLOUD_SDK_AK: 'AKENV000000000000001', HUAWEICLOUD_SDK_SK: 'skEnv' }, hcloud: kooTemp },
      undefined,
    ],
    [
      'keys from the environment ignore a profile token',
      {
        env: { HUAWEICLOUD_SDK_AK: 'AKENV000000000000001', HUAWEICLOUD_SDK_SK: 'skEnv' },
        rdsjob: { default: { securityToken: 'stProfile' } },
      },
      undefined,
    ],
    [
      'keys and token from the environment',
      {
        env: { HW_ACCESS_KEY: 'AKENV000000000000001', HW_SECRET_KEY: 'skEnv', HUAWEICLOUD_SDK_SECURITY_TOKEN: 'stEnv' },
        hcloud: kooTemp,
      },
      'stEnv',
    ],
    ['keys and token from a KooCLI profile', { hcloud: kooTemp }, 'stHcloud'],
    [
      'keys from a profile ignore an environment token',
      {
        env: { HUAWEICLOUD_SDK_SECURITY_TOKEN: 'stEnv' },
        rdsjob: { default: { accessKey: 'AKPROFILE00000000001', secretKey: 'skProfile' } },
      },
      undefined,
    ],
    [
      'keys and token from a profile',
      {
        rdsjob: { default: { accessKey: 'AKPROFILE00000000001', secretKey: 'skProfile', securityToken: 'stProfile' } },
        hcloud: kooTemp,
      },
      'stProfile',
    ],
  ] as [string, Setup, string | undefined][])('%s', (_name, setup, token) => {
    expect(resolve(setup).securityToken?.value).toBe(token);
  });
});

function describeLayer(l: Layer): string {
  const s = l.source;
  return s.kind === 'flag' || s.kind === 'env' ? s.name : s.kind;
}

describe('empty environment values count as unset', () => {
  it('falls through to the next variable', () => {
    const c = resolve({ env: { RDSJOB_REGION: '', HUAWEICLOUD_SDK_REGION: '', HW_REGION_NAME: 'cn-east-3' } });
    expect(c.region).toEqual({ value: 'cn-east-3', source: { kind: 'env', name: 'HW_REGION_NAME' } });
  });
  it('falls through to the profile', () => {
    const c = resolve({
      env: { HUAWEICLOUD_SDK_AK: '', HW_ACCESS_KEY: '' },
      rdsjob: { default: { accessKey: 'AKP' } },
    });
    expect(c.accessKey?.source.kind).toBe('profile');
  });
  it('an empty profile value falls through to KooCLI', () => {
    const c = resolve({
      rdsjob: { default: { region: '' } },
      hcloud: { current: 'default', profiles: [{ name: 'default', mode: 'AKSK', region: 'cn-east-3' }] },
    });
    expect(c.region?.source.kind).toBe('hcloud');
  });
  it('an empty RDSJOB_PROFILE means "default"', () =>
    expect(resolve({ env: { RDSJOB_PROFILE: '' } }).profile).toEqual({
      value: 'default',
      source: { kind: 'default' },
    }));
});

describe('profile selection', () => {
  const rdsjob = { default: { region: 'cn-north-4' }, prod: { region: 'eu-west-101' }, ci: { region: 'cn-east-3' } };
  it('defaults to "default"', () => {
    const c = resolve({ rdsjob });
    expect(c.profile).toEqual({ value: 'default', source: { kind: 'default' } });
    expect(c.region?.value).toBe('cn-north-4');
  });
  it('RDSJOB_PROFILE picks a profile', () => {
    const c = resolve({ rdsjob, env: { RDSJOB_PROFILE: 'ci' } });
    expect(c.profile).toEqual({ value: 'ci', source: { kind: 'env', name: 'RDSJOB_PROFILE' } });
    expect(c.region).toEqual({ value: 'cn-east-3', source: { kind: 'profile', name: 'ci', path: RDSJOB } });
  });
  it('--profile wins over RDSJOB_PROFILE', () => {
    const c = resolve({ rdsjob, env: { RDSJOB_PROFILE: 'ci' }, flags: { profile: 'prod' } });
    expect(c.profile).toEqual({ value: 'prod', source: { kind: 'flag', name: '--profile' } });
    expect(c.region?.value).toBe('eu-west-101');
  });
  it('a missing default profile is fine', () => expect(resolve({ rdsjob: {} }).region).toBeUndefined());
  it('a missing rdsjob file is fine', () => expect(resolve({}).configPath).toBe(RDSJOB));
  it('a profile named explicitly but found nowhere is a ConfigError naming both files', () => {
    const e = thrown(() => resolve({ rdsjob, flags: { profile: 'nope' }, hcloud: { profiles: [] } }));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toBe(`profile "nope" not found in ${RDSJOB} or ${HCLOUD}`);
  });
  it('a profile named by RDSJOB_PROFILE but found nowhere is a ConfigError', () =>
    expect(thrown(() => resolve({ env: { RDSJOB_PROFILE: 'nope' } }))).toBeInstanceOf(ConfigError));
  it('a profile only KooCLI has is fine', () => {
    const c = resolve({
      flags: { profile: 'k' },
      hcloud: { profiles: [{ name: 'k', mode: 'AKSK', region: 'cn-east-3' }] },
    });
    expect(c.region).toEqual({ value: 'cn-east-3', source: { kind: 'hcloud', name: 'k', path: HCLOUD } });
  });
  it.each([
    ['--profile', { flags: { profile: 'a b' } }],
    ['RDSJOB_PROFILE', { env: { RDSJOB_PROFILE: 'a/b' } }],
  ] as const)('an invalid name from %s is a UsageError naming it', (name, s) => {
    const e = thrown(() => resolve(s));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toContain(name);
  });
});

describe('KooCLI profile', () => {
  const hcloud = {
    current: 'work',
    profiles: [
      { name: 'default', mode: 'AKSK', region: 'cn-north-1', accessKeyId: 'AKDEFAULT', secretAccessKey: 'skdefault' },
      {
        name: 'work',
        mode: 'AKSK',
        region: 'cn-east-3',
        accessKeyId: 'AKWORK',
        secretAccessKey: 'skwork',
        projectId: 'pwork',
      },
      { name: 'agency', mode: 'ecsAgency', region: 'ap-southeast-1' },
    ],
  };
  it('uses the current profile when none is named', () => {
    const c = resolve({ hcloud });
    expect(c.region).toEqual({ value: 'cn-east-3', source: { kind: 'hcloud', name: 'work', path: HCLOUD } });
    expect(c.accessKey?.value).toBe('AKWORK');
    expect(c.projectId?.value).toBe('pwork');
  });
  it('uses the profile named by --profile', () => {
    const c = resolve({ hcloud, flags: { profile: 'default' } });
    expect(c.region).toEqual({ value: 'cn-north-1', source: { kind: 'hcloud', name: 'default', path: HCLOUD } });
  });
  it('uses the profile named by RDSJOB_PROFILE', () =>
    expect(resolve({ hcloud, env: { RDSJOB_PROFILE: 'default' } }).accessKey?.value).toBe('AKDEFAULT'));
  it('falls back to the profile called "default" when there is no current', () =>
    expect(resolve({ hcloud: { profiles: hcloud.profiles } }).accessKey?.value).toBe('AKDEFAULT'));
  it("a named rdsjob profile does not pull in KooCLI's current profile", () => {
    const c = resolve({ hcloud, rdsjob: { mine: { region: 'cn-north-4' } }, flags: { profile: 'mine' } });
    expect(c.accessKey).toBeUndefined();
  });
  it('a profile whose mode is not AKSK is ignored, without error', () => {
    const c = resolve({ hcloud, flags: { profile: 'agency' } });
    expect(c.region).toBeUndefined();
    expect(c.hcloudIgnored).toMatch(/"agency".*ecsAgency.*AKSK/);
  });
  it("rdsjob's profile wins over KooCLI, setting by setting", () => {
    const c = resolve({ hcloud, rdsjob: { default: { region: 'cn-north-4' } } });
    expect(c.region?.source.kind).toBe('profile');
    expect(c.accessKey?.source).toEqual({ kind: 'hcloud', name: 'work', path: HCLOUD });
  });
});

describe('KooCLI encrypted keys', () => {
  // What KooCLI's default (encrypted) storage looks like: ciphertext, encoded, much longer than a 20-character AK.
  const encrypted = {
    current: 'default',
    profiles: [
      {
        name: 'default',
        mode: 'AKSK',
        region: 'cn-north-4',
        projectId: 'p1',
        accessKeyId: 'k3JxQv8y0m6Zb2Lr9T1u4WcN5sA7dF0gH2jK4lM6nP8qR0sT2uV4wX6yZ8aB0cD=',
        secretAccessKey: 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9mcmVkcGx1Z2g+/xyz0123456789abcdefABCDEF==',
      },
    ],
  };
  it('is a ConfigError naming the file and the fix when its keys would be used', () => {
    const e = thrown(() => resolve({ hcloud: encrypted }));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toContain(HCLOUD);
    expect(e.message).toMatch(/encrypted/);
    expect((e as ConfigError).hint).toContain('hcloud configure set --cli-auth-encrypt=false');
    expect((e as ConfigError).hint).toContain('HUAWEICLOUD_SDK_AK');
    expect(e.message + (e as ConfigError).hint).not.toContain('k3JxQv8y');
  });
  it('is no error when the environment supplies the keys; region and project id still come from KooCLI', () => {
    const c = resolve({ hcloud: encrypted, env: { HUAWEICLOUD_SDK_AK: 'AK1', HUAWEICLOUD_SDK_SK: 'sk1' } });
    expect(c.accessKey?.value).toBe('AK1');
    expect(c.region?.source.kind).toBe('hcloud');
    expect(c.projectId?.value).toBe('p1');
    expect(c.securityToken).toBeUndefined();
  });
  it('is no error when an IAM token is set', () =>
    expect(resolve({ hcloud: encrypted, env: { RDSJOB_AUTH_TOKEN: 'tok' } }).accessKey).toBeUndefined());
  it('is an error when only the secret key is supplied elsewhere', () =>
    expect(thrown(() => resolve({ hcloud: encrypted, env: { HUAWEICLOUD_SDK_SK: 'sk1' } }))).toBeInstanceOf(
      ConfigError,
    ));
  it('plaintext keys (after --cli-auth-encrypt=false) are used', () => {
    const plain = {
      profiles: [
        {
          name: 'default',
          mode: 'AKSK',
          accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
          secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
        },
      ],
    };
    expect(resolve({ hcloud: plain }).secretKey?.value).toBe('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc');
  });
});

describe('derived endpoints', () => {
  it.each([
    ['cn-north-4', 'https://rds.cn-north-4.myhuaweicloud.com', 'https://iam.cn-north-4.myhuaweicloud.com'],
    ['ap-southeast-1', 'https://rds.ap-southeast-1.myhuaweicloud.com', 'https://iam.ap-southeast-1.myhuaweicloud.com'],
    ['eu-west-101', 'https://rds.eu-west-101.myhuaweicloud.eu', 'https://iam.eu-west-101.myhuaweicloud.eu'],
  ])('%s', (region, rds, iam) => {
    const c = resolve({ flags: { region } });
    expect(c.endpoint).toEqual({ value: rds, source: { kind: 'derived' } });
    expect(c.iamEndpoint).toEqual({ value: iam, source: { kind: 'derived' } });
  });
  it('follow the resolved region, wherever it came from', () =>
    expect(
      resolve({ hcloud: { profiles: [{ name: 'default', mode: 'AKSK', region: 'eu-west-101' }] } }).endpoint?.value,
    ).toBe('https://rds.eu-west-101.myhuaweicloud.eu'));
  it('the SDK override is looked up for the resolved region only', () => {
    const c = resolve({
      flags: { region: 'cn-east-3' },
      env: { HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4: 'https://x.example.com' },
    });
    expect(c.endpoint?.source).toEqual({ kind: 'derived' });
  });
  it('the SDK override may list several endpoints; the first is used', () => {
    const c = resolve({
      flags: { region: 'eu-west-101' },
      env: { HUAWEICLOUD_SDK_REGION_RDS_EU_WEST_101: 'https://a.example.com, https://b.example.com' },
    });
    expect(c.endpoint).toEqual({
      value: 'https://a.example.com',
      source: { kind: 'env', name: 'HUAWEICLOUD_SDK_REGION_RDS_EU_WEST_101' },
    });
  });
  it('configured endpoints lose their trailing slash', () =>
    expect(resolve({ flags: { endpoint: 'http://127.0.0.1:8080/' } }).endpoint?.value).toBe('http://127.0.0.1:8080'));
  it('an explicit endpoint needs no region', () =>
    expect(resolve({ env: { RDSJOB_ENDPOINT: 'http://localhost:1' } }).endpoint?.value).toBe('http://localhost:1'));
});

describe('invalid values: UsageError from a flag or variable, ConfigError naming the file from a profile', () => {
  const cases: [string, Setup, typeof UsageError | typeof ConfigError, string][] = [
    ['--region', { flags: { region: 'CN North' } }, UsageError, 'invalid --region "CN North"'],
    ['--region ""', { flags: { region: '' } }, UsageError, 'invalid --region ""'],
    ['RDSJOB_REGION', { env: { RDSJOB_REGION: 'cn_north_4' } }, UsageError, 'invalid RDSJOB_REGION "cn_north_4"'],
    ['HW_REGION_NAME', { env: { HW_REGION_NAME: 'x' } }, UsageError, 'invalid HW_REGION_NAME "x"'],
    ['--project-id', { flags: { projectId: 'a/b' } }, UsageError, 'invalid --project-id "a/b"'],
    ['HW_PROJECT_ID', { env: { HW_PROJECT_ID: 'p q' } }, UsageError, 'invalid HW_PROJECT_ID "p q"'],
    ['--endpoint', { flags: { endpoint: 'http://10.0.0.1' } }, UsageError, 'invalid --endpoint "http://10.0.0.1"'],
    ['RDSJOB_ENDPOINT', { env: { RDSJOB_ENDPOINT: 'ftp://x' } }, UsageError, 'invalid RDSJOB_ENDPOINT "ftp://x"'],
    [
      'SDK RDS override',
      { flags: { region: 'cn-north-4' }, env: { HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4: 'http://rds.example.com' } },
      UsageError,
      'invalid HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4',
    ],
    ['--iam-endpoint', { flags: { iamEndpoint: 'https://u:p@x' } }, UsageError, 'invalid --iam-endpoint'],
    [
      'HUAWEICLOUD_SDK_IAM_ENDPOINT',
      { env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: 'nope' } },
      UsageError,
      'invalid HUAWEICLOUD_SDK_IAM_ENDPOINT "nope"',
    ],
    [
      'profile region',
      { rdsjob: { default: { region: 'Mars' } } },
      ConfigError,
      `invalid region "Mars" in profile "default" of ${RDSJOB}`,
    ],
    [
      'profile projectId',
      { rdsjob: { default: { projectId: '../x' } } },
      ConfigError,
      `invalid projectId "../x" in profile "default" of ${RDSJOB}`,
    ],
    [
      'profile endpoint',
      { rdsjob: { default: { endpoint: 'http://example.com' } } },
      ConfigError,
      `invalid endpoint "http://example.com" in profile "default" of ${RDSJOB}`,
    ],
    ['profile iamEndpoint', { rdsjob: { default: { iamEndpoint: 'https://x/?q' } } }, ConfigError, `of ${RDSJOB}`],
    [
      'KooCLI region',
      { hcloud: { profiles: [{ name: 'default', mode: 'AKSK', region: 'EU' }] } },
      ConfigError,
      `invalid region "EU" in KooCLI profile "default" of ${HCLOUD}`,
    ],
    [
      'KooCLI projectId',
      { hcloud: { profiles: [{ name: 'default', mode: 'AKSK', projectId: 'a b' }] } },
      ConfigError,
      `of ${HCLOUD}`,
    ],
  ];
  for (const [name, setup, type, message] of cases) {
    it(name, () => {
      const e = thrown(() => resolve(setup));
      expect(e).toBeInstanceOf(type);
      expect(e.message).toContain(message);
    });
  }
  it('a bad value lower down is never looked at', () =>
    expect(
      resolve({
        flags: { region: 'cn-north-4' },
        env: { RDSJOB_REGION: 'BAD' },
        rdsjob: { default: { region: 'BAD' } },
      }).region?.value,
    ).toBe('cn-north-4'));
  it('a secret with a newline is refused without showing it', () => {
    const e = thrown(() => resolve({ env: { HUAWEICLOUD_SDK_SK: 'hunter2secret\n' } }));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toContain('HUAWEICLOUD_SDK_SK');
    expect(e.message).not.toContain('hunter2');
  });
  it('a stored secret with a space is a ConfigError without showing it', () => {
    const e = thrown(() => resolve({ rdsjob: { default: { secretKey: 'hunter2 x' } } }));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toContain(RDSJOB);
    expect(e.message).not.toContain('hunter2');
  });
  it('a stored value that is not a string is a ConfigError naming the file', () => {
    const e = thrown(() => resolve({ rdsjob: { default: { region: 4 } } }));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toContain(RDSJOB);
  });
});

describe('the result', () => {
  it('carries the rdsjob config path and every source', () => {
    const c = resolve({
      flags: { region: 'cn-north-4' },
      env: { HW_ACCESS_KEY: 'AK', HUAWEICLOUD_SDK_SK: 'sk', HUAWEICLOUD_SDK_PROJECT_ID: 'p' },
    });
    expect(c).toEqual({
      profile: { value: 'default', source: { kind: 'default' } },
      configPath: RDSJOB,
      service: { value: 'rds', source: { kind: 'default' } },
      region: { value: 'cn-north-4', source: { kind: 'flag', name: '--region' } },
      accessKey: { value: 'AK', source: { kind: 'env', name: 'HW_ACCESS_KEY' } },
      secretKey: { value: 'sk', source: { kind: 'env', name: 'HUAWEICLOUD_SDK_SK' } },
      projectId: { value: 'p', source: { kind: 'env', name: 'HUAWEICLOUD_SDK_PROJECT_ID' } },
      endpoint: { value: 'https://rds.cn-north-4.myhuaweicloud.com', source: { kind: 'derived' } },
      iamEndpoint: { value: 'https://iam.cn-north-4.myhuaweicloud.com', source: { kind: 'derived' } },
    });
  });
  it('is the same for the same input (pure)', () => {
    const s: Setup = { env: { RDSJOB_REGION: 'cn-north-4' }, rdsjob: { default: { accessKey: 'A' } } };
    expect(resolve(s)).toEqual(resolve(s));
  });
});
