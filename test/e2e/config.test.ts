// `rdsjob config …` end to end: the built binary writing and reading real files in a throwaway HOME.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server.js';
import { createInstanceCompleted } from '../../emulator/sample-jobs.js';
import { AK, PROJECT_ID, REGION, SK, emulator, rdsjob, tempHome, writeJson } from './harness.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});

let home: string;
let cleanup: () => void;
let configPath: string;
beforeEach(() => {
  emu.reset();
  ({ home, cleanup } = tempHome());
  configPath = join(home, '.config', 'rdsjob', 'config.json');
});
afterEach(() => cleanup());

const mode = (path: string) => statSync(path).mode & 0o777;
const readConfig = () => JSON.parse(readFileSync(configPath, 'utf8'));
/** No credentials, region or endpoints from the environment: only what the files say. */
const bare = (args: string[], stdin?: string, env: Record<string, string | undefined> = {}) =>
  rdsjob(emu, args, { home, bare: true, stdin, env });

describe('config set / get / path', () => {
  it('round trip: values land in the profile, file 0600, directory 0700', async () => {
    expect((await bare(['config', 'set', 'region', REGION])).code).toBe(0);
    expect((await bare(['config', 'set', 'access-key', AK, '--profile', 'ci'])).code).toBe(0);
    expect((await bare(['config', 'set', 'secret-key', '--profile', 'ci'], `${SK}\n`)).code).toBe(0);
    expect((await bare(['config', 'set', 'endpoint', `${emu.url}/`, '--profile', 'ci'])).code).toBe(0);

    expect(readConfig()).toEqual({
      profiles: { default: { region: REGION }, ci: { accessKey: AK, secretKey: SK, endpoint: emu.url } },
    });
    expect(mode(configPath)).toBe(0o600);
    expect(mode(join(home, '.config', 'rdsjob'))).toBe(0o700);

    const region = await bare(['config', 'get', 'region']);
    expect([region.code, region.stdout, region.stderr]).toEqual([0, `${REGION}\n`, '']);
    expect((await bare(['config', 'get', 'access-key', '--profile', 'ci'])).stdout).toBe(`${AK}\n`);
    expect((await bare(['config', 'get', 'secret-key', '--profile', 'ci'])).stdout).toBe(`${SK.slice(0, 4)}****\n`);
    const path = await bare(['config', 'path']);
    expect(path.stdout).toBe(`${configPath}\n`);
    // Nine runs of the binary one after another: the harness's limit, not a bound on rdsjob, sized for a loaded machine.
  }, 90_000);

  it('--show-secret prints the secret itself (only on request)', async () => {
    writeJson(configPath, { profiles: { default: { secretKey: 'shown-on-request-0123' } } });
    const r = await bare(['config', 'get', 'secret-key', '--show-secret']);
    expect(r.stdout).toBe('shown-on-request-0123\n');
  });

  it('a secret read from stdin is never echoed, and a secret as an argument is refused', async () => {
    const r = await bare(['config', 'set', 'security-token'], 'tokenFromStdin-0123456789\n');
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('tokenFromStdin');
    expect(readConfig().profiles.default.securityToken).toBe('tokenFromStdin-0123456789');

    const refused = await bare(['config', 'set', 'secret-key', 'on-the-command-line']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: secret-key is a secret and is not accepted on the command line/);
    expect(readConfig().profiles.default.secretKey).toBeUndefined();
  });

  it('RDSJOB_CONFIG and RDSJOB_PROFILE choose the file and the profile', async () => {
    const custom = join(home, 'elsewhere', 'rdsjob.json');
    const env = { RDSJOB_CONFIG: custom, RDSJOB_PROFILE: 'staging' };
    expect((await bare(['config', 'set', 'region', 'ap-southeast-1'], undefined, env)).code).toBe(0);
    expect(JSON.parse(readFileSync(custom, 'utf8'))).toEqual({ profiles: { staging: { region: 'ap-southeast-1' } } });
    expect((await bare(['config', 'path'], undefined, env)).stdout).toBe(`${custom}\n`);
  });

  it('keeps other profiles and keys it does not know; unset removes one key', async () => {
    writeJson(configPath, {
      future: { setting: true },
      profiles: { prod: { region: 'cn-east-3', colour: 'blue' }, default: { region: REGION, projectId: PROJECT_ID } },
    });
    expect((await bare(['config', 'set', 'project-id', 'other_project-1', '--profile', 'prod'])).code).toBe(0);
    expect((await bare(['config', 'unset', 'project-id'])).code).toBe(0);
    expect(readConfig()).toEqual({
      future: { setting: true },
      profiles: {
        prod: { region: 'cn-east-3', colour: 'blue', projectId: 'other_project-1' },
        default: { region: REGION },
      },
    });
  });

  it.each([
    [['region', 'CN-NORTH-4'], /invalid region "CN-NORTH-4"/],
    [['project-id', 'a/b'], /invalid project-id/],
    [['endpoint', 'http://rds.example.com'], /only allowed for localhost/],
    [['iam-endpoint', 'not a url'], /not a valid URL/],
    [['access-key', 'has space'], /contains spaces/],
    [['accessKey', 'x'], /invalid for argument 'key'/],
    [['region', 'cn-north-4', '--profile', 'bad/name'], /invalid profile name/],
  ])('refuses %j with exit 2 and writes nothing', async (args, message) => {
    const r = await bare(['config', 'set', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(() => statSync(configPath)).toThrow();
  });

  it('an empty value on stdin is refused', async () => {
    const r = await bare(['config', 'set', 'region'], '\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no value given/);
  });

  it('config get of an unset key: nothing on stdout, exit 1 (like git config)', async () => {
    writeJson(configPath, { profiles: { default: { region: REGION } } });
    const r = await bare(['config', 'get', 'endpoint']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('endpoint is not set in profile default');
  });

  it('a corrupt file → exit 3 naming it, and it is left untouched', async () => {
    const corrupt = '{"profiles": {"default": {"secretKey": "corruptSecret0123456789"\n';
    writeJson(configPath, {});
    writeFileSync(configPath, corrupt, { mode: 0o600 });
    for (const args of [
      ['config', 'set', 'region', REGION],
      ['config', 'get', 'region'],
      ['config', 'list'],
    ]) {
      const r = await bare(args);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(configPath);
      expect(r.stderr).not.toContain('corruptSecret');
      expect(readFileSync(configPath, 'utf8')).toBe(corrupt);
    }
  });

  it('a profile that is not an object is reported, and nothing is written', async () => {
    writeJson(configPath, { profiles: { default: 'oops' } });
    const r = await bare(['config', 'set', 'region', REGION]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('profile "default" is not an object');
    expect(readConfig()).toEqual({ profiles: { default: 'oops' } });
  });

  it('warns when the file is readable by group or others; set rewrites it 0600', async () => {
    writeJson(configPath, { profiles: { default: { region: REGION } } }, 0o644);
    chmodSync(configPath, 0o644);
    const list = await bare(['config', 'list', '--no-lookup']);
    expect(list.stderr).toMatch(/warning: .*config\.json is readable by group or others/);
    expect(list.stdout).not.toContain('warning');
    const set = await bare(['config', 'set', 'region', 'cn-east-3']);
    expect(set.code).toBe(0);
    expect(mode(configPath)).toBe(0o600);
  });

  it('get warns too when the file it reads is readable by others, and still works', async () => {
    writeJson(configPath, { profiles: { default: { region: REGION } } });
    chmodSync(configPath, 0o604);
    const r = await rdsjob(emu, ['get', createInstanceCompleted.id!], { home });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `warning: ${configPath} is readable by group or others and may hold secrets; run: chmod 600 ${configPath}\n`,
    );
  });

  it('20 concurrent config set processes on different profiles all land', async () => {
    writeJson(configPath, { profiles: { keep: { region: REGION } } });
    const names = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const results = await Promise.all(
      names.map((name, i) => bare(['config', 'set', 'project-id', `project_${i}`, '--profile', name])),
    );
    expect(results.map((r) => r.code)).toEqual(names.map(() => 0));
    const profiles = readConfig().profiles;
    expect(Object.keys(profiles).sort()).toEqual(['keep', ...names].sort());
    for (const [i, name] of names.entries()) expect(profiles[name]).toEqual({ projectId: `project_${i}` });
    expect(mode(configPath)).toBe(0o600);
  }, 60_000);
});

describe('config list', () => {
  const rows = (stdout: string) =>
    Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [setting = '', value = '', ...source] = line.split(/\s{2,}/);
          return [setting, { value, source: source.join('  ') }];
        }),
    );

  it('shows each setting with its source; secrets masked to 4 characters', async () => {
    writeJson(configPath, { profiles: { default: { region: REGION, secretKey: SK } } });
    const r = await bare(['config', 'list', '--project-id', PROJECT_ID], undefined, {
      HUAWEICLOUD_SDK_AK: AK,
      RDSJOB_ENDPOINT: emu.url,
    });
    expect(r.code).toBe(0);
    const got = rows(r.stdout);
    expect(got.profile).toEqual({ value: 'default', source: 'default' });
    expect(got.region).toEqual({ value: REGION, source: `profile default (${configPath})` });
    expect(got['project-id']).toEqual({ value: PROJECT_ID, source: 'flag --project-id' });
    expect(got['access-key']).toEqual({ value: `${AK.slice(0, 4)}****`, source: 'env HUAWEICLOUD_SDK_AK' });
    expect(got['secret-key']).toEqual({ value: `${SK.slice(0, 4)}****`, source: `profile default (${configPath})` });
    expect(got.endpoint).toEqual({ value: emu.url, source: 'env RDSJOB_ENDPOINT' });
    expect(got['iam-endpoint']).toEqual({ value: 'https://iam.cn-north-4.myhuaweicloud.com', source: 'derived' });
    expect(got['auth-token']).toEqual({ value: '-', source: 'not set' });
    expect(emu.requests).toHaveLength(0);
  });

  it('KooCLI values show as hcloud with the path', async () => {
    const hcloudPath = join(home, '.hcloud', 'config.json');
    writeJson(hcloudPath, {
      current: 'work',
      profiles: [
        { name: 'work', mode: 'AKSK', accessKeyId: AK, secretAccessKey: SK, region: REGION, projectId: PROJECT_ID },
      ],
    });
    const r = await bare(['config', 'list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.region).toEqual({ value: REGION, source: `hcloud work (${hcloudPath})` });
    expect(list['secret-key'].value).toBe(`${SK.slice(0, 4)}****`);
  });

  it('looks the project id up in IAM (source iam lookup), then finds it in the cache', async () => {
    const env = {
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
      RDSJOB_REGION: REGION,
      HUAWEICLOUD_SDK_IAM_ENDPOINT: emu.url,
    };
    const first = JSON.parse((await bare(['config', 'list', '--json'], undefined, env)).stdout);
    expect(first['project-id']).toEqual({ value: PROJECT_ID, source: 'iam lookup' });
    expect(emu.requests.map((r) => r.path)).toEqual(['/v3/projects']);

    const second = JSON.parse((await bare(['config', 'list', '--json'], undefined, env)).stdout);
    expect(second['project-id'].value).toBe(PROJECT_ID);
    expect(second['project-id'].source).toMatch(/^cache \(.*projects\.json\)$/);
    expect(emu.requests).toHaveLength(1);

    const noLookup = JSON.parse((await bare(['config', 'list', '--json', '--no-lookup'], undefined, env)).stdout);
    expect(noLookup['project-id']).toEqual({
      value: null,
      source: null,
      note: 'not set (looked up in IAM when needed)',
    });
  });

  it('a failed lookup is a warning, not a failure: exit 0 and no error: line', async () => {
    const env = {
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: 'wrong-secret-0123456789',
      RDSJOB_REGION: REGION,
      HUAWEICLOUD_SDK_IAM_ENDPOINT: emu.url,
    };
    const r = await rdsjob(emu, ['config', 'list'], { home, bare: true, env, secrets: ['wrong-secret-0123456789'] });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: project id lookup failed: .*APIGW\.0301/);
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.stdout).toMatch(/project-id\s+-\s+not set \(IAM lookup failed\)/);
  });
});

describe('configured with config set only', () => {
  it('rdsjob get works with credentials stored by config set', async () => {
    for (const [key, value] of [
      ['region', REGION],
      ['access-key', AK],
      ['project-id', PROJECT_ID],
      ['endpoint', emu.url],
    ]) {
      expect((await bare(['config', 'set', key!, value!])).code).toBe(0);
    }
    expect((await bare(['config', 'set', 'secret-key'], SK)).code).toBe(0);
    const r = await bare(['get', createInstanceCompleted.id!, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe('Completed');
  });
});
