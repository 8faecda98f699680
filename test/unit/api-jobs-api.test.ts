import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApi } from '../../src/api/open.js';
import { resolveProjectId } from '../../src/api/project-id.js';
import type { ApiContext } from '../../src/api/types.js';
import { createHttpClient } from '../../src/http/client.js';
import type { ResolvedConfig, Setting } from '../../src/config/types.js';
import { ConfigError } from '../../src/errors.js';
import { json, startServer, type TestServer } from '../support/http-test-server.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const flag = (value: string, name = '--x'): Setting => ({ value, source: { kind: 'flag', name } });

let server: TestServer;
let cacheHome: string;
let context: ApiContext;
const ports: number[] = [];

beforeEach(async () => {
  ports.length = 0;
  server = await startServer((req, res) => {
    ports.push(req.socket.remotePort ?? 0);
    if (req.url?.startsWith('/v3/projects')) return json(res, 200, { projects: [{ id: PROJECT, name: 'cn-north-4' }] });
    return json(res, 200, {
      job: { id: new URL(req.url ?? '', 'http://x').searchParams.get('id'), status: 'Completed' },
    });
  });
  cacheHome = await mkdtemp(join(tmpdir(), 'rdsjob-api-'));
  context = { now: Date.now, homedir: cacheHome, env: { XDG_CACHE_HOME: cacheHome } };
});
afterEach(async () => {
  await server.close();
  await rm(cacheHome, { recursive: true, force: true });
});

function config(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    profile: { value: 'default', source: { kind: 'default' } },
    configPath: '/nonexistent/config.json',
    region: flag('cn-north-4', '--region'),
    endpoint: flag(server.url, '--endpoint'),
    iamEndpoint: flag(server.url, '--iam-endpoint'),
    accessKey: { value: 'AKJOBSAPI0001', source: { kind: 'env', name: 'HUAWEICLOUD_SDK_AK' } },
    secretKey: { value: 'sk-jobs-api', source: { kind: 'env', name: 'HUAWEICLOUD_SDK_SK' } },
    ...overrides,
  };
}

describe('openApi', () => {
  it('without an endpoint (no region) → ConfigError naming the ways to set a region', async () => {
    const error = await openApi(config({ endpoint: undefined, region: undefined }), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('no region configured');
    expect((error as ConfigError).hint).toMatch(/--region.*HUAWEICLOUD_SDK_REGION.*rdsjob config set region/);
    expect(server.requests).toHaveLength(0);
  });

  it('without credentials → ConfigError before any request', async () => {
    await expect(openApi(config({ accessKey: undefined, secretKey: undefined }), context)).rejects.toBeInstanceOf(
      ConfigError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('uses a configured project id without asking IAM', async () => {
    const api = await openApi(config({ projectId: flag('my-project', '--project-id') }), context);
    try {
      expect(await api.getJob('job-1')).toEqual({ id: 'job-1', status: 'Completed' });
    } finally {
      api.close();
    }
    expect(server.requests.map((r) => r.rawUrl)).toEqual(['/v3/my-project/jobs?id=job-1']);
  });

  it('looks the project id up once, caches it, and shares one keep-alive connection', async () => {
    const api = await openApi(config(), context);
    try {
      await api.getJob('job-1');
      await api.getJob('job-2');
    } finally {
      api.close();
    }
    expect(server.requests.map((r) => r.rawUrl)).toEqual([
      '/v3/projects?name=cn-north-4',
      `/v3/${PROJECT}/jobs?id=job-1`,
      `/v3/${PROJECT}/jobs?id=job-2`,
    ]);
    expect(new Set(ports).size).toBe(1);

    server.requests.length = 0;
    const again = await openApi(config(), context);
    again.close();
    expect(server.requests).toHaveLength(0);
  });

  it('passes the caller’s abort signal to the request', async () => {
    const api = await openApi(config({ projectId: flag('p') }), context);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(api.getJob('job-1', { signal: controller.signal })).rejects.toThrow('stop');
    api.close();
  });
});

/** resolveProjectId borrows its caller's client (openApi's, in the product). */
function withHttp(ctx: ApiContext) {
  const http = createHttpClient(
    { auth: { kind: 'aksk', accessKey: 'AKJOBSAPI0001', secretKey: 'sk-jobs-api' } },
    { now: Date.now },
  );
  return { ...ctx, http };
}

describe('resolveProjectId', () => {
  it('reports where the project id came from: configured, iam lookup, then cache', async () => {
    const configured = config({ projectId: flag('p1', '--project-id') });
    expect(await resolveProjectId(configured, withHttp(context))).toBe(configured);

    const looked = await resolveProjectId(config(), withHttp(context));
    expect(looked.projectId).toEqual({ value: PROJECT, source: { kind: 'iam lookup' } });

    const cached = await resolveProjectId(config(), withHttp(context));
    expect(cached.projectId).toEqual({
      value: PROJECT,
      source: { kind: 'cache', path: join(cacheHome, 'rdsjob', 'projects.json') },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('with an endpoint but neither region nor project id → ConfigError', async () => {
    const error = await resolveProjectId(config({ region: undefined }), withHttp(context)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).hint).toMatch(/--project-id/);
  });

  it('an unwritable cache only costs a lookup next time', async () => {
    const lines: string[] = [];
    const notADirectory = join(cacheHome, 'a-file');
    await writeFile(notADirectory, '');
    const blocked = { ...context, env: { XDG_CACHE_HOME: notADirectory }, debug: (l: string) => lines.push(l) };
    expect((await resolveProjectId(config(), withHttp(blocked))).projectId?.value).toBe(PROJECT);
    expect(lines.some((l) => l.startsWith('could not cache the project id'))).toBe(true);
  });
});

describe('openApi with a Ctrl-C signal', () => {
  it("combines it with a caller's signal once, not once per request (AbortSignal.any leaks on Node 20)", async () => {
    const interrupt = new AbortController();
    const api = await openApi(config({ projectId: flag(PROJECT) }), { ...context, signal: interrupt.signal });
    const any = vi.spyOn(AbortSignal, 'any');
    try {
      const waitSignal = new AbortController().signal;
      for (let i = 0; i < 5; i++) await api.getJob(`job-${i}`, { signal: waitSignal });
      expect(any).toHaveBeenCalledTimes(1);
    } finally {
      any.mockRestore();
      api.close();
    }
  });

  it('still stops a request when Ctrl-C comes', async () => {
    const interrupt = new AbortController();
    const api = await openApi(config({ projectId: flag(PROJECT) }), { ...context, signal: interrupt.signal });
    try {
      interrupt.abort(new Error('interrupted'));
      await expect(api.getJob('job-1', { signal: new AbortController().signal })).rejects.toThrow('interrupted');
    } finally {
      api.close();
    }
  });
});
