import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/errors.js';
import { groupOrWorldReadable, loadConfigFiles } from '../../src/config/files.js';

let home: string;
beforeEach(async () => void (home = await mkdtemp(join(tmpdir(), 'rdsjob-config-'))));
afterEach(async () => rm(home, { recursive: true, force: true }));

const rdsjobPath = () => join(home, '.config', 'rdsjob', 'config.json');
const hcloudPath = () => join(home, '.hcloud', 'config.json');
async function put(path: string, text: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
}
async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loadConfigFiles', () => {
  it('missing files are absent, not errors', async () => {
    expect(await loadConfigFiles({}, home)).toEqual({ rdsjob: { path: rdsjobPath(), data: undefined } });
  });

  it('reads both files', async () => {
    await put(rdsjobPath(), '{"profiles": {"default": {"region": "cn-north-4"}}}');
    await put(hcloudPath(), '{"current": "default", "profiles": [{"name": "default", "mode": "AKSK"}]}');
    expect(await loadConfigFiles({}, home)).toEqual({
      rdsjob: { path: rdsjobPath(), data: { profiles: { default: { region: 'cn-north-4' } } } },
      hcloud: { path: hcloudPath(), data: { current: 'default', profiles: [{ name: 'default', mode: 'AKSK' }] } },
    });
  });

  it('honours $RDSJOB_CONFIG and $XDG_CONFIG_HOME', async () => {
    await put(join(home, 'elsewhere.json'), '{"profiles": {}}');
    expect((await loadConfigFiles({ RDSJOB_CONFIG: join(home, 'elsewhere.json') }, home)).rdsjob.data).toEqual({
      profiles: {},
    });
    await put(join(home, 'xdg', 'rdsjob', 'config.json'), '{}');
    expect((await loadConfigFiles({ XDG_CONFIG_HOME: join(home, 'xdg') }, home)).rdsjob).toEqual({
      path: join(home, 'xdg', 'rdsjob', 'config.json'),
      data: {},
    });
  });

  it('an empty file or a byte-order mark is fine', async () => {
    await put(rdsjobPath(), '  \n');
    expect((await loadConfigFiles({}, home)).rdsjob.data).toEqual({});
    await put(rdsjobPath(), '\uFEFF{"profiles": {}}');
    expect((await loadConfigFiles({}, home)).rdsjob.data).toEqual({ profiles: {} });
  });

  const corrupt: [string, string][] = [
    ['bad JSON', '{"profiles": {"default": {"secretKey": "hunter2secret",}}}'],
    ['truncated JSON', '{"profiles": {"default": {"secretKey": "hunter2secret'],
    ['not an object', '["hunter2secret"]'],
    ['profiles not an object', '{"profiles": ["hunter2secret"]}'],
    ['a profile not an object', '{"profiles": {"default": "hunter2secret"}}'],
  ];
  for (const [name, text] of corrupt) {
    it(`a corrupt rdsjob file (${name}) is a ConfigError with its path, and is left untouched`, async () => {
      await put(rdsjobPath(), text);
      const e = await configError(loadConfigFiles({}, home));
      expect(e.message).toContain(rdsjobPath());
      expect(e.hint).toBeTruthy();
      expect(e.message + e.hint).not.toContain('hunter2');
      expect(await readFile(rdsjobPath(), 'utf8')).toBe(text);
    });
  }

  it('points at the line of a JSON syntax error when the parser says where', async () => {
    await put(rdsjobPath(), '{\n"profiles": {\n  "default": {,}\n}}');
    const e = await configError(loadConfigFiles({}, home));
    expect(e.message).toBe(`config file ${rdsjobPath()} is not valid JSON (line 3)`);
  });

  it('a corrupt KooCLI file comes back with its problem (a ConfigError naming it), not as a failure', async () => {
    for (const text of ['{not json', '{"profiles": {"default": {}}}']) {
      await put(hcloudPath(), text);
      const files = await loadConfigFiles({}, home);
      expect(files.hcloud?.data).toBeUndefined();
      expect(files.hcloud?.problem).toBeInstanceOf(ConfigError);
      expect(files.hcloud?.problem?.message).toContain(hcloudPath());
    }
  });

  it('a directory in place of the file is a ConfigError', async () => {
    await mkdir(rdsjobPath(), { recursive: true });
    expect((await configError(loadConfigFiles({}, home))).message).toContain(rdsjobPath());
  });

  // An unreadable file (permission denied): test/e2e/contract.test.ts, run as an ordinary user even under root.
});

describe('groupOrWorldReadable', () => {
  it.each([
    [0o600, false],
    [0o400, false],
    [0o640, true],
    [0o604, true],
    [0o644, true],
  ])('mode %o → %s', async (mode, expected) => {
    await put(rdsjobPath(), '{}');
    await chmod(rdsjobPath(), mode);
    expect(await groupOrWorldReadable(rdsjobPath(), 'linux')).toBe(expected);
  });
  it('a missing file is not', async () => expect(await groupOrWorldReadable(join(home, 'none'))).toBe(false));
  it('on Windows mode bits say nothing', async () => {
    await put(rdsjobPath(), '{}');
    await chmod(rdsjobPath(), 0o644);
    expect(await groupOrWorldReadable(rdsjobPath(), 'win32')).toBe(false);
  });
});
