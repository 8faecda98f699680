import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lookupProjectId } from '../../src/api/iam-projects.js';
import {
  projectCacheKey,
  projectCachePath,
  readCachedProjectId,
  writeCachedProjectId,
} from '../../src/api/project-cache.js';
import { createHttpClient } from '../../src/http/client.js';
import { AuthError, ConfigError, MalformedResponseError } from '../../src/errors.js';
import {
  expectedAuthorization,
  json,
  startServer,
  type Handler,
  type TestServer,
} from '../support/http-test-server.js';

const AK = 'AKPROJECTLOOKUP00001';
const SK = 'sk-projects-secret';
const P1 = '0123456789abcdef0123456789abcdef';
const P2 = 'fedcba9876543210fedcba9876543210';

let server: TestServer | undefined;
let close: (() => void) | undefined;
afterEach(async () => {
  close?.();
  await server?.close();
  server = undefined;
});

async function lookup(handler: Handler, region = 'cn-north-4') {
  server = await startServer(handler);
  const http = createHttpClient(
    { auth: { kind: 'aksk', accessKey: AK, secretKey: SK } },
    { now: Date.now, sleep: async () => undefined },
  );
  close = () => http.close();
  return lookupProjectId(http, server.url, region);
}

const projects = (...list: Array<{ id: string; name: string }>) => ({ projects: list, links: {} });

describe('lookupProjectId', () => {
  it('exactly one project → its id, from a signed GET /v3/projects?name=REGION', async () => {
    expect(await lookup((_req, res) => json(res, 200, projects({ id: P1, name: 'cn-north-4' })))).toBe(P1);
    const [request] = server!.requests;
    expect(request!.rawUrl).toBe('/v3/projects?name=cn-north-4');
    expect(request!.headers.authorization).toBe(expectedAuthorization(request!, AK, SK));
    expect(request!.headers['x-project-id']).toBeUndefined();
  });

  it('no project → ConfigError with a hint', async () => {
    const error = await lookup((_req, res) => json(res, 200, projects())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('no project for region cn-north-4');
    expect((error as ConfigError).hint).toMatch(/--project-id/);
  });

  it('several projects → ConfigError listing them', async () => {
    const several = await lookup((_req, res) =>
      json(res, 200, projects({ id: P1, name: 'cn-north-4' }, { id: P2, name: 'cn-north-4' })),
    ).catch((e: unknown) => e);
    expect(several).toBeInstanceOf(ConfigError);
    expect((several as Error).message).toBe(
      `several projects for region cn-north-4: ${P1} (cn-north-4), ${P2} (cn-north-4)`,
    );
  });

  it.each([
    ['no projects list', { links: {} }],
    ['an invalid id', projects({ id: '../../etc', name: 'cn-north-4' })],
  ])('a malformed IAM answer → MalformedResponseError: %s', async (_name, body) => {
    await expect(lookup((_req, res) => json(res, 200, body))).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it('403 from IAM stays an AuthError, says how to skip the lookup, names IAM and the trace id', async () => {
    const error = await lookup((_req, res) =>
      json(res, 403, { error: { code: 403, message: 'You are not authorized' } }, { 'x-iam-trace-id': 'trace-1' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('request id trace-1');
    expect((error as AuthError).hint).toMatch(/--project-id/);
  });

  it('404 from IAM is a configuration problem (wrong IAM endpoint), not a missing job', async () => {
    const error = await lookup((_req, res) => json(res, 404, {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).hint).toMatch(/--iam-endpoint/);
  });
});

describe('project id cache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'rdsjob-cache-')), 'nested', 'rdsjob');
  });
  afterEach(async () => rm(join(dir, '..', '..'), { recursive: true, force: true }));

  it('round-trips per access key and region, without storing the access key', async () => {
    expect(await readCachedProjectId(dir, AK, 'cn-north-4')).toBeUndefined();
    await writeCachedProjectId(dir, AK, 'cn-north-4', P1);
    await writeCachedProjectId(dir, AK, 'cn-east-3', P2);
    expect(await readCachedProjectId(dir, AK, 'cn-north-4')).toBe(P1);
    expect(await readCachedProjectId(dir, AK, 'cn-east-3')).toBe(P2);
    expect(await readCachedProjectId(dir, 'OTHERAK', 'cn-north-4')).toBeUndefined();
    const text = await readFile(projectCachePath(dir), 'utf8');
    expect(text).not.toContain(AK);
    expect(JSON.parse(text).projects[projectCacheKey(AK, 'cn-north-4')]).toBe(P1);
    expect(projectCacheKey(AK, 'cn-north-4')).toMatch(/^[0-9a-f]{64}$/);
  });

  it.skipIf(process.platform === 'win32')(
    'writes the file 0600 in a 0700 directory, leaving no temp files',
    async () => {
      await writeCachedProjectId(dir, AK, 'cn-north-4', P1);
      expect((await stat(projectCachePath(dir))).mode & 0o777).toBe(0o600);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      expect(await readdir(dir)).toEqual(['projects.json']);
    },
  );

  it.each([
    ['garbage', 'not json{'],
    ['wrong shape', '{"projects": [1, 2]}'],
    ['null', 'null'],
    ['invalid ids', JSON.stringify({ projects: { [projectCacheKey(AK, 'cn-north-4')]: '../x' } })],
  ])('a corrupt cache (%s) is ignored and rewritten', async (_name, content) => {
    await mkdir(dir, { recursive: true });
    await writeFile(projectCachePath(dir), content);
    expect(await readCachedProjectId(dir, AK, 'cn-north-4')).toBeUndefined();
    await writeCachedProjectId(dir, AK, 'cn-north-4', P1);
    expect(await readCachedProjectId(dir, AK, 'cn-north-4')).toBe(P1);
    expect(JSON.parse(await readFile(projectCachePath(dir), 'utf8'))).toEqual({
      version: 1,
      projects: { [projectCacheKey(AK, 'cn-north-4')]: P1 },
    });
  });
});
