import { describe, expect, it } from 'vitest';
import { describeSource, maskSecret } from '../../src/config/describe.js';
import { iamEndpoint } from '../../src/config/endpoints.js';
import { sdkEndpointEnvName } from '../../src/services/names.js';
import { rds as rdsService } from '../../src/services/rds.js';
import { cacheDir, hcloudConfigPath, rdsjobConfigPath } from '../../src/config/paths.js';
import type { Source } from '../../src/config/types.js';

describe('describeSource', () => {
  const cases: [Source, string][] = [
    [{ kind: 'flag', name: '--region' }, 'flag --region'],
    [{ kind: 'env', name: 'HUAWEICLOUD_SDK_AK' }, 'env HUAWEICLOUD_SDK_AK'],
    [{ kind: 'profile', name: 'default', path: '/p/config.json' }, 'profile default (/p/config.json)'],
    [{ kind: 'hcloud', name: 'default', path: '/h/config.json' }, 'hcloud default (/h/config.json)'],
    [{ kind: 'derived' }, 'derived'],
    [{ kind: 'default' }, 'default'],
    [{ kind: 'iam lookup' }, 'iam lookup'],
    [{ kind: 'cache', path: '/c/projects.json' }, 'cache (/c/projects.json)'],
  ];
  for (const [source, text] of cases) it(text, () => expect(describeSource(source)).toBe(text));
});

describe('maskSecret', () => {
  const cases: [string, string][] = [
    ['MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', 'MFyf****'],
    ['12345678', '1234****'],
    ['1234567', '****'],
    ['abc', '****'],
    ['', '****'],
  ];
  for (const [value, masked] of cases)
    it(`${value.length} characters → ${masked}`, () => expect(maskSecret(value)).toBe(masked));
});

describe('endpoints', () => {
  const cases: [string, string, string][] = [
    ['cn-north-4', 'https://rds.cn-north-4.myhuaweicloud.com', 'https://iam.cn-north-4.myhuaweicloud.com'],
    ['af-south-1', 'https://rds.af-south-1.myhuaweicloud.com', 'https://iam.af-south-1.myhuaweicloud.com'],
    ['eu-west-0', 'https://rds.eu-west-0.myhuaweicloud.com', 'https://iam.eu-west-0.myhuaweicloud.com'],
    ['eu-west-101', 'https://rds.eu-west-101.myhuaweicloud.eu', 'https://iam.eu-west-101.myhuaweicloud.eu'],
  ];
  for (const [region, rds, iam] of cases) {
    it(region, () => {
      expect(rdsService.endpoint(region)).toBe(rds);
      expect(iamEndpoint(region)).toBe(iam);
    });
  }
  it('SDK override variable name', () =>
    expect(sdkEndpointEnvName('rds', 'eu-west-101')).toBe('HUAWEICLOUD_SDK_REGION_RDS_EU_WEST_101'));
});

describe('paths', () => {
  const home = '/home/u';
  it.each([
    [{}, '/home/u/.config/rdsjob/config.json'],
    [{ XDG_CONFIG_HOME: '/xdg' }, '/xdg/rdsjob/config.json'],
    [{ XDG_CONFIG_HOME: '/xdg', RDSJOB_CONFIG: '/etc/rdsjob.json' }, '/etc/rdsjob.json'],
    [{ XDG_CONFIG_HOME: '', RDSJOB_CONFIG: '' }, '/home/u/.config/rdsjob/config.json'],
  ])('rdsjobConfigPath(%j)', (env, path) => expect(rdsjobConfigPath(env, home)).toBe(path));
  it('hcloudConfigPath', () => expect(hcloudConfigPath(home)).toBe('/home/u/.hcloud/config.json'));
  it.each([
    [{}, '/home/u/.cache/rdsjob'],
    [{ XDG_CACHE_HOME: '/var/cache/u' }, '/var/cache/u/rdsjob'],
    [{ XDG_CACHE_HOME: '' }, '/home/u/.cache/rdsjob'],
  ])('cacheDir(%j)', (env, path) => expect(cacheDir(env, home)).toBe(path));
});
