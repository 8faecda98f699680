// `rdsjob config …` in-process: the hidden prompt, list rows, value checks and the locked writer.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { checkedValue } from '../../src/commands/config/keys.js';
import { listRows } from '../../src/commands/config/list.js';
import { renderSettingRows } from '../../src/render/settings-table.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { updateProfileValue } from '../../src/config/write.js';
import type { InStream } from '../../src/deps.js';
import { ConfigError, InterruptedError, UsageError } from '../../src/errors.js';
import { fakeDeps, scriptedApi } from '../support/fakes.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rdsjob-config-cmd-'));
  path = join(dir, 'rdsjob', 'config.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stored = () => JSON.parse(readFileSync(path, 'utf8'));

/** A terminal on stdin: raw mode is recorded, keystrokes are fed by the test. */
function terminal() {
  const stream = new PassThrough() as PassThrough & InStream & { rawModes: boolean[] };
  stream.isTTY = true;
  stream.rawModes = [];
  stream.setRawMode = (mode: boolean) => stream.rawModes.push(mode);
  return stream;
}

function deps(stdin?: InStream, env: Record<string, string> = {}) {
  return fakeDeps(
    scriptedApi(() => new Error('no request expected')),
    {
      env: { RDSJOB_CONFIG: path, ...env },
      homedir: dir,
      ...(stdin ? { stdin } : {}),
    },
  );
}

describe('config set: the hidden prompt on a terminal', () => {
  it('prompts on stderr, echoes nothing, honours backspace, restores the terminal', async () => {
    const stdin = terminal();
    const d = deps(stdin);
    const running = main(['config', 'set', 'secret-key', '--profile', 'ci'], d);
    setImmediate(() => stdin.write('hiddenSecrex\u007ft\r'));
    expect(await running).toBe(0);
    expect(stored()).toEqual({ profiles: { ci: { secretKey: 'hiddenSecret' } } });
    expect(d.stderr.text).toBe('secret-key for profile ci: \n');
    expect(d.stdout.text).toBe('');
    expect(stdin.rawModes).toEqual([true, false]);
  });

  it('Ctrl-C at the prompt → exit 130, nothing written', async () => {
    const stdin = terminal();
    const d = deps(stdin);
    const running = main(['config', 'set', 'auth-token'], d);
    setImmediate(() => stdin.write('half\u0003'));
    expect(await running).toBe(130);
    expect(existsSync(path)).toBe(false);
    expect(stdin.rawModes).toEqual([true, false]);
    expect(d.stderr.text).not.toContain('half');
  });

  it('on a pipe: all of stdin, minus one trailing newline', async () => {
    const stdin = new PassThrough() as PassThrough & InStream;
    stdin.end('cn-north-4\r\n');
    expect(await main(['config', 'set', 'region'], deps(stdin))).toBe(0);
    expect(stored().profiles.default.region).toBe('cn-north-4');
  });
});

describe('config get', () => {
  it.each([
    ['secret-key', 'longEnoughSecret', [], 'long****\n'],
    ['secret-key', 'short', [], '****\n'],
    ['secret-key', 'short', ['--show-secret'], 'short\n'],
    ['auth-token', 'MIIfulltokenvalue', [], 'MIIf****\n'],
    ['region', 'cn-north-4', [], 'cn-north-4\n'],
    ['access-key', 'HPUAKEY', [], 'HPUAKEY\n'],
  ])('%s = %j %j → %j', async (name, value, extra, expected) => {
    const key = { 'secret-key': 'secretKey', 'auth-token': 'authToken', region: 'region', 'access-key': 'accessKey' }[
      name
    ]!;
    mkdirSync(join(dir, 'rdsjob'), { recursive: true, mode: 0o700 });
    writeFileSync(path, JSON.stringify({ profiles: { default: { [key]: value } } }), { mode: 0o600 });
    const d = deps();
    expect(await main(['config', 'get', name, ...extra], d)).toBe(0);
    expect(d.stdout.text).toBe(expected);
  });

  it('an unknown profile counts as not set (exit 1)', async () => {
    const d = deps(undefined, { RDSJOB_PROFILE: 'nope' });
    expect(await main(['config', 'get', 'region'], d)).toBe(1);
    expect(d.stderr.text).toContain('region is not set in profile nope');
  });
});

describe('checkedValue', () => {
  it.each([
    ['endpoint', 'https://rds.example.com/', 'https://rds.example.com'],
    ['iamEndpoint', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['projectId', 'abc_DEF-123', 'abc_DEF-123'],
    ['secretKey', 'anything-without-spaces', 'anything-without-spaces'],
  ] as const)('%s %j → %j', (key, value, expected) => {
    expect(checkedValue(key, value)).toBe(expected);
  });

  it.each([
    ['region', 'cn_north_4'],
    ['endpoint', 'https://rds.example.com?x=1'],
    ['endpoint', 'https://user:pw@rds.example.com'],
    ['securityToken', 'line\nbreak'],
    ['region', ''],
  ] as const)('refuses %s %j (exit 2), never quoting a secret', (key, value) => {
    expect(() => checkedValue(key, value)).toThrow(UsageError);
  });

  it('does not repeat a secret in the error', () => {
    expect(() => checkedValue('secretKey', 'has space')).toThrow(/^invalid secret-key: contains spaces/);
  });
});

describe('listRows', () => {
  const config: ResolvedConfig = {
    profile: { value: 'prod', source: { kind: 'flag', name: '--profile' } },
    configPath: '/c.json',
    service: { value: 'taurusdb', source: { kind: 'profile', name: 'prod', path: '/c.json' } },
    region: { value: 'cn-north-4', source: { kind: 'profile', name: 'prod', path: '/c.json' } },
    accessKey: { value: 'HPUAEXAMPLEAK', source: { kind: 'env', name: 'HUAWEICLOUD_SDK_AK' } },
    secretKey: { value: 'secretExampleValue', source: { kind: 'hcloud', name: 'prod', path: '/h.json' } },
    projectId: { value: 'p1', source: { kind: 'cache', path: '/cache/projects.json' } },
    endpoint: { value: 'https://gaussdb.cn-north-4.myhuaweicloud.com', source: { kind: 'derived' } },
  };

  it('every setting in order, with its source; secrets and the access key masked', () => {
    expect(listRows(config)).toEqual([
      { setting: 'profile', value: 'prod', source: 'flag --profile' },
      { setting: 'service', value: 'taurusdb', source: 'profile prod (/c.json)' },
      { setting: 'region', value: 'cn-north-4', source: 'profile prod (/c.json)' },
      { setting: 'project-id', value: 'p1', source: 'cache (/cache/projects.json)' },
      { setting: 'access-key', value: 'HPUA****', source: 'env HUAWEICLOUD_SDK_AK' },
      { setting: 'secret-key', value: 'secr****', source: 'hcloud prod (/h.json)' },
      { setting: 'security-token', value: null, source: null },
      { setting: 'auth-token', value: null, source: null },
      { setting: 'endpoint', value: 'https://gaussdb.cn-north-4.myhuaweicloud.com', source: 'derived' },
      { setting: 'iam-endpoint', value: null, source: null },
    ]);
  });

  it('renders aligned columns; unset shows "-" and why', () => {
    const text = renderSettingRows(
      listRows({ ...config, projectId: undefined }, { projectId: 'not set (IAM lookup failed)' }),
    );
    expect(text.split('\n')[0]).toMatch(/^SETTING\s+VALUE\s+SOURCE$/);
    expect(text).toMatch(/\nproject-id\s+-\s+not set \(IAM lookup failed\)\n/);
    expect(text).toMatch(/\nauth-token\s+-\s+not set\n/);
    expect(text).not.toContain('secretExampleValue');
  });
});

describe('updateProfileValue', () => {
  it('a file where the config directory should be is a configuration error (exit 3), not a crash', async () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    const error = await updateProfileValue(join(blocker, 'config.json'), 'default', 'region', 'cn-north-4').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(join(blocker, 'config.json'));
  });

  it('takes over a stale lock left by a crashed process', async () => {
    mkdirSync(`${path}.lock`, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, old, old);
    await updateProfileValue(path, 'default', 'region', 'cn-north-4', { staleLockMs: 10_000 });
    expect(stored()).toEqual({ profiles: { default: { region: 'cn-north-4' } } });
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('gives up on a live lock after the timeout, naming the lock, and writes nothing', async () => {
    mkdirSync(`${path}.lock`, { recursive: true }); // another writer's, just taken
    const error = await updateProfileValue(path, 'default', 'region', 'cn-north-4', { lockTimeoutMs: 300 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(`config file is locked by another rdsjob process (${path}.lock)`);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.lock`)).toBe(true); // someone else's: left alone
  });

  it('writes nothing once the stop signal is aborted (a piped secret cut short by Ctrl-C)', async () => {
    const stop = new AbortController();
    stop.abort(new InterruptedError('interrupted'));
    const error = await updateProfileValue(path, 'default', 'secretKey', 'half-a-sec', { signal: stop.signal }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InterruptedError);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(join(dir, 'rdsjob'))).toEqual([]); // no temp file, no lock left behind
  });

  it('a profile named __proto__ or constructor is stored like any other', async () => {
    await updateProfileValue(path, '__proto__', 'region', 'cn-north-4');
    await updateProfileValue(path, 'constructor', 'region', 'cn-east-3');
    expect(readFileSync(path, 'utf8')).toContain('"__proto__": {');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const reread = JSON.parse(readFileSync(path, 'utf8')).profiles;
    expect(Object.getOwnPropertyDescriptor(reread, '__proto__')?.value).toEqual({ region: 'cn-north-4' });
    expect(reread.constructor).toEqual({ region: 'cn-east-3' });
  });

  it('writes through a dangling symlink, creating its target and keeping the link', async () => {
    const real = join(dir, 'dotfiles', 'not-yet.json');
    mkdirSync(join(dir, 'dotfiles'));
    mkdirSync(join(dir, 'rdsjob'));
    symlinkSync(real, path);
    await updateProfileValue(path, 'default', 'region', 'cn-north-4');
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8'))).toEqual({ profiles: { default: { region: 'cn-north-4' } } });
  });

  it('writes through a symlinked config file, keeping the link', async () => {
    const real = join(dir, 'dotfiles', 'rdsjob.json');
    mkdirSync(join(dir, 'dotfiles'));
    writeFileSync(real, JSON.stringify({ profiles: { a: { region: 'cn-east-3' } } }));
    mkdirSync(join(dir, 'rdsjob'));
    symlinkSync(real, path);
    await updateProfileValue(path, 'b', 'region', 'cn-north-4');
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8'))).toEqual({
      profiles: { a: { region: 'cn-east-3' }, b: { region: 'cn-north-4' } },
    });
  });

  it('leaves no temp or lock files behind', async () => {
    await updateProfileValue(path, 'default', 'region', 'cn-north-4');
    await updateProfileValue(path, 'default', 'region', undefined);
    expect(readdirSync(join(dir, 'rdsjob'))).toEqual(['config.json']);
    expect(stored()).toEqual({ profiles: { default: {} } });
  });
});
