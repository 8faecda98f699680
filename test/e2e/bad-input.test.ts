// Every input check's rejects, end to end: the built binary refuses each bad id, project id, region, endpoint,
// duration, profile name and config key before anything is sent — exit 2 from a flag, the environment or an
// argument, exit 3 from a config file — with one `error:` line (and a hint at most), and the emulator sees nothing.
// Each case runs main() in-process against the emulator (the checks are main()'s, whatever process runs it); the
// last block runs the binary for one case of each exit code, which a shell sees.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server.js';
import {
  AK,
  PROJECT_ID,
  REGION,
  SK,
  emulator,
  inProcess,
  rdsjob,
  tempHome,
  writeJson,
  type RunResult,
} from './harness.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  // Cases run concurrently against this one emulator; none of them may have reached it.
  expect(emu.requests).toEqual([]);
  await emu.close();
});

const ID = 'a9767ede-fe0f-4888-9003-e843a4c90514';

function expectRefused(r: RunResult, code: number, mention?: string): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^error: \S/);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  if (mention !== undefined) expect(lines[0]).toContain(mention);
  expect(emu.requests).toEqual([]);
}

describe.concurrent('flags and arguments → exit 2, nothing sent', () => {
  it.each<[string, string[], string?]>([
    // job ids: 1–64 of A-Z a-z 0-9 - _
    ['id with a space and !', ['get', 'bad id!'], '"bad id!"'],
    ['empty id', ['get', ''], '""'],
    ['65-character id', ['wait', 'x'.repeat(65)]],
    ['id with a slash', ['get', ID, '../etc/passwd'], '"../etc/passwd"'],
    ['id with a newline', ['get', 'id\nX'], '"id\\nX"'],
    ['id with a non-ASCII letter', ['wait', 'é1'], '"é1"'],
    // project ids
    ['empty project id', ['get', ID, '--project-id', '']],
    ['project id with a path', ['get', ID, '--project-id', 'p/../x'], 'p/../x'],
    ['project id with a space', ['get', ID, '--project-id', 'a b']],
    ['65-character project id', ['get', ID, '--project-id', 'p'.repeat(65)]],
    // regions: ^[a-z]{2,}(-[a-z0-9]+)+$
    ['upper-case region', ['get', ID, '--region', 'CN_NORTH'], 'CN_NORTH'],
    ['region without a dash', ['get', ID, '--region', 'cn']],
    ['region ending in a dash', ['get', ID, '--region', 'cn-']],
    ['region with a one-letter prefix', ['get', ID, '--region', 'c-north-4']],
    ['empty region', ['get', ID, '--region', '']],
    // endpoints: https, or http on loopback only
    ['http to a private address', ['get', ID, '--endpoint', 'http://10.0.0.1:8080']],
    ['http to a look-alike of localhost', ['get', ID, '--endpoint', 'http://localhost.evil.com']],
    ['ftp endpoint', ['get', ID, '--endpoint', 'ftp://example.com']],
    ['endpoint with credentials', ['get', ID, '--endpoint', 'https://user:pw@example.com']],
    ['endpoint with a query string', ['get', ID, '--endpoint', 'https://example.com/?a=1']],
    ['endpoint that is not a URL', ['get', ID, '--endpoint', 'not a url']],
    ['http IAM endpoint', ['get', ID, '--iam-endpoint', 'http://iam.example.com']],
    ['IAM endpoint with a fragment', ['get', ID, '--iam-endpoint', 'https://iam.example.com/#x']],
    // durations
    ['negative timeout', ['wait', ID, '--timeout', '-5s'], '-5s'],
    ['unknown unit', ['wait', ID, '--timeout', '5x']],
    ['fractional interval', ['wait', ID, '--interval', '0.5s']],
    ['units out of order', ['wait', ID, '--not-found-grace', '5m1h']],
    ['empty interval', ['wait', ID, '--interval', '']],
    ['get --wait with a bad timeout', ['get', ID, '--wait', '--timeout', '1e3']],
    // profile names: 1–64 of A-Z a-z 0-9 _ . -
    ['profile with a slash', ['get', ID, '--profile', '../x'], '../x'],
    ['empty profile', ['get', ID, '--profile', '']],
    ['profile with a space', ['config', 'list', '--profile', 'a b']],
    ['65-character profile', ['get', ID, '--profile', 'p'.repeat(65)]],
    // other flag values
    ['unknown output format', ['get', ID, '-o', 'yaml'], 'yaml'],
    ['unknown option', ['get', ID, '--frobnicate']],
  ])('%s', async (_name, args, mention) => {
    expectRefused(await inProcess(emu, args), 2, mention);
  });
});

describe.concurrent('environment variables → exit 2, nothing sent', () => {
  it.each<[string, string, string]>([
    ['RDSJOB_REGION', 'CN_NORTH', 'RDSJOB_REGION'],
    ['HUAWEICLOUD_SDK_PROJECT_ID', 'a/b', 'HUAWEICLOUD_SDK_PROJECT_ID'],
    ['RDSJOB_ENDPOINT', 'http://example.com', 'RDSJOB_ENDPOINT'],
    ['HUAWEICLOUD_SDK_IAM_ENDPOINT', 'ftp://x', 'HUAWEICLOUD_SDK_IAM_ENDPOINT'],
    ['RDSJOB_PROFILE', 'a/b', 'RDSJOB_PROFILE'],
  ])('%s=%s', async (name, value, mention) => {
    expectRefused(await inProcess(emu, ['get', ID], { env: { [name]: value } }), 2, mention);
  });
});

describe.concurrent('config set / get with a bad key or value → exit 2, the file left alone', () => {
  it.each<[string, string[]]>([
    ['unknown key (set)', ['config', 'set', 'nonsense', 'v']],
    ['unknown key (get)', ['config', 'get', 'secretkey']],
    ['bad region value', ['config', 'set', 'region', 'CN_NORTH']],
    ['plain http endpoint', ['config', 'set', 'endpoint', 'http://example.com']],
    ['bad project id value', ['config', 'set', 'project-id', 'a/b']],
    ['bad profile name', ['config', 'set', 'region', REGION, '--profile', 'a/b']],
  ])('%s', async (_name, args) => {
    const { home, cleanup } = tempHome();
    try {
      expectRefused(await inProcess(emu, args, { home }), 2);
      expect(existsSync(join(home, '.config', 'rdsjob', 'config.json'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});

describe.concurrent('bad values in a config file → exit 3 naming the file, nothing sent', () => {
  it.each<[string, Record<string, string>, string]>([
    ['region', { region: 'CN_NORTH' }, 'CN_NORTH'],
    ['projectId', { projectId: 'a/b' }, 'a/b'],
    ['endpoint', { endpoint: 'http://example.com' }, 'http://example.com'],
    ['iamEndpoint', { iamEndpoint: 'ftp://x' }, 'ftp://x'],
  ])('%s', async (_name, bad, mention) => {
    const { home, cleanup } = tempHome();
    try {
      const path = join(home, '.config', 'rdsjob', 'config.json');
      writeJson(path, {
        profiles: {
          default: { region: REGION, accessKey: AK, secretKey: SK, projectId: PROJECT_ID, endpoint: emu.url, ...bad },
        },
      });
      const r = await inProcess(emu, ['get', ID], { bare: true, home });
      expectRefused(r, 3, mention);
      expect(r.stderr).toContain(path);
    } finally {
      cleanup();
    }
  });
});

describe.concurrent('through the binary: the exit code a shell sees, the one error line on stderr', () => {
  it('a bad flag: exit 2', async () => {
    expectRefused(await rdsjob(emu, ['get', ID, '--region', 'CN_NORTH']), 2, 'CN_NORTH');
  });

  it('a bad value in the config file: exit 3 naming the file', async () => {
    const { home, cleanup } = tempHome();
    try {
      const path = join(home, '.config', 'rdsjob', 'config.json');
      writeJson(path, { profiles: { default: { region: REGION, accessKey: AK, secretKey: SK, projectId: 'a/b' } } });
      const r = await rdsjob(emu, ['get', ID], { bare: true, home });
      expectRefused(r, 3, 'a/b');
      expect(r.stderr).toContain(path);
    } finally {
      cleanup();
    }
  });
});
