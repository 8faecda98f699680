// The service tables (src/services/): each service's hosts exactly as the official SDKs' region tables have them,
// how `--service` resolves, and how each service's answer becomes the one job model.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { receivedText } from '../../src/raw-json.js';
import { renderJson } from '../../src/render/json.js';
import { liveProgress, verdictOf } from '../../src/status.js';
import { loadService } from '../../src/services/load.js';
import { SERVICE_NAMES, sdkEndpointEnvName, type ServiceName } from '../../src/services/names.js';

/**
 * Every region of each SDK's table whose host is not the service's usual one, and a few usual ones. Copied from
 * huaweicloud-sdk-go-v3 services/{gaussdb,gaussdbforopengauss,dds,gaussdbfornosql,rds}/v3/region/region.go (commit
 * 1cd70eb6) and, for TaurusDB's cn-southwest-3, huaweicloud-sdk-nodejs-v3 services/gaussdb/v3/GaussDBRegion.ts.
 */
const HOSTS: Record<ServiceName, Array<[string, string]>> = {
  rds: [
    ['cn-north-4', 'https://rds.cn-north-4.myhuaweicloud.com'],
    ['eu-west-101', 'https://rds.eu-west-101.myhuaweicloud.eu'],
  ],
  taurusdb: [
    ['cn-north-4', 'https://gaussdb.cn-north-4.myhuaweicloud.com'],
    ['cn-south-4', 'https://gaussdb.cn-south-4.myhuaweicloud.com'],
    ['tr-west-1', 'https://gaussdbformysql.tr-west-1.myhuaweicloud.com'],
    ['ap-southeast-1', 'https://gaussdbformysql.ap-southeast-1.myhuaweicloud.com'],
    ['ap-southeast-2', 'https://gaussdbformysql.ap-southeast-2.myhuaweicloud.com'],
    ['cn-north-11', 'https://gaussdbformysql.cn-north-11.myhuaweicloud.com'],
    ['me-east-1', 'https://gaussdbformysql.me-east-1.myhuaweicloud.com'],
    ['af-south-1', 'https://gaussdb-mysql.af-south-1.myhuaweicloud.com'],
    ['cn-east-5', 'https://gaussdb-mysql.cn-east-5.myhuaweicloud.com'],
    ['la-north-2', 'https://gaussdb-mysql.la-north-2.myhuaweicloud.com'],
    ['cn-southwest-3', 'https://gaussdb-mysql.cn-southwest-3.myhuaweicloud.com'],
  ],
  gaussdb: [
    ['cn-north-4', 'https://gaussdb-opengauss.cn-north-4.myhuaweicloud.com'],
    ['ap-southeast-4', 'https://gaussdb-opengauss.ap-southeast-4.myhuaweicloud.com'],
    ['cn-east-2', 'https://gaussdb.cn-east-2.myhuaweicloud.com'],
    ['cn-east-4', 'https://gaussdb.cn-east-4.myhuaweicloud.com'],
    ['cn-east-5', 'https://gaussdb.cn-east-5.myhuaweicloud.com'],
    ['cn-north-12', 'https://gaussdb.cn-north-12.myhuaweicloud.com'],
    ['ap-southeast-5', 'https://gaussdb.ap-southeast-5.myhuaweicloud.com'],
    ['tr-west-1', 'https://gaussdb.tr-west-1.myhuaweicloud.com'],
    ['me-east-1', 'https://gaussdb.me-east-1.myhuaweicloud.com'],
    ['af-north-1', 'https://gaussdb.af-north-1.myhuaweicloud.com'],
  ],
  dds: [
    ['cn-north-4', 'https://dds.cn-north-4.myhuaweicloud.com'],
    ['eu-west-101', 'https://dds.eu-west-101.myhuaweicloud.eu'],
    ['eu-west-0', 'https://dds.eu-west-0.myhuaweicloud.com'],
  ],
  geminidb: [
    ['cn-north-4', 'https://gaussdb-nosql.cn-north-4.myhuaweicloud.com'],
    ['eu-west-101', 'https://gaussdb-nosql.eu-west-101.myhuaweicloud.eu'],
    ['ru-moscow-1', 'https://gaussdb-nosql.ru-moscow-1.myhuaweicloud.com'],
  ],
};

describe('each service’s endpoint, as the SDK region tables have it', () => {
  for (const name of SERVICE_NAMES) {
    it.each(HOSTS[name])(`${name} in %s → %s`, async (region, url) => {
      expect((await loadService(name)).endpoint(region)).toBe(url);
    });
  }

  it.each([
    ['rds', 'cn-north-4', 'HUAWEICLOUD_SDK_REGION_RDS_CN_NORTH_4'],
    ['taurusdb', 'ap-southeast-1', 'HUAWEICLOUD_SDK_REGION_GAUSSDB_AP_SOUTHEAST_1'],
    ['gaussdb', 'cn-east-2', 'HUAWEICLOUD_SDK_REGION_GAUSSDBFOROPENGAUSS_CN_EAST_2'],
    ['dds', 'eu-west-101', 'HUAWEICLOUD_SDK_REGION_DDS_EU_WEST_101'],
    ['geminidb', 'cn-north-4', 'HUAWEICLOUD_SDK_REGION_GAUSSDBFORNOSQL_CN_NORTH_4'],
  ] as const)('the SDKs’ override for %s in %s is %s', (service, region, name) => {
    expect(sdkEndpointEnvName(service, region)).toBe(name);
  });
});

const files = (profile: Record<string, string> = {}) => ({
  rdsjob: { path: '/c.json', data: { profiles: { default: profile } } },
});

describe('--service, RDSJOB_SERVICE, the profile key `service`', () => {
  it('defaults to rds, derived RDS endpoint', () => {
    const c = resolveConfig({ region: 'cn-north-4' }, {}, files());
    expect(c.service).toEqual({ value: 'rds', source: { kind: 'default' } });
    expect(c.endpoint?.value).toBe('https://rds.cn-north-4.myhuaweicloud.com');
  });

  it('flag over environment over profile', () => {
    const env = { RDSJOB_SERVICE: 'dds' };
    expect(resolveConfig({ service: 'geminidb' }, env, files({ service: 'gaussdb' })).service?.source).toEqual({
      kind: 'flag',
      name: '--service',
    });
    expect(resolveConfig({}, env, files({ service: 'gaussdb' })).service?.value).toBe('dds');
    expect(resolveConfig({}, {}, files({ service: 'gaussdb' })).service).toEqual({
      value: 'gaussdb',
      source: { kind: 'profile', name: 'default', path: '/c.json' },
    });
  });

  it('an unknown name from the flag or the environment is a usage error listing the names (exit 2)', () => {
    for (const [flags, env] of [[{ service: 'mysql' }, {}] as const, [{}, { RDSJOB_SERVICE: 'mysql' }] as const]) {
      const call = () => resolveConfig(flags, env, files());
      expect(call).toThrow(UsageError);
      expect(call).toThrow(
        /invalid (--service|RDSJOB_SERVICE) "mysql": use one of rds, taurusdb, gaussdb, dds, geminidb/,
      );
    }
  });

  it('a name in any case, as the console writes it (GeminiDB), from the flag, the environment or a profile', () => {
    expect(resolveConfig({ service: 'GeminiDB' }, {}, files()).service).toEqual({
      value: 'geminidb',
      source: { kind: 'flag', name: '--service' },
    });
    expect(resolveConfig({}, { RDSJOB_SERVICE: 'TaurusDB' }, files()).service?.value).toBe('taurusdb');
    expect(resolveConfig({}, {}, files({ service: 'DDS' })).service?.value).toBe('dds');
    // The unknown stays unknown, whatever its case.
    expect(() => resolveConfig({ service: 'MySQL' }, {}, files())).toThrow(
      /invalid --service "MySQL": use one of rds, taurusdb, gaussdb, dds, geminidb/,
    );
  });

  it('an unknown name stored in a profile is a configuration error naming the file (exit 3)', () => {
    expect(() => resolveConfig({}, {}, files({ service: 'Mongo' }))).toThrow(ConfigError);
    expect(() => resolveConfig({}, {}, files({ service: 'Mongo' }))).toThrow(/\/c\.json/);
  });

  it('another service’s endpoint is derived once its rule is given (loadConfig loads it)', async () => {
    const flags = { service: 'taurusdb', region: 'ap-southeast-1' };
    expect(resolveConfig(flags, {}, files()).endpoint).toBeUndefined();
    const taurusdb = await loadService('taurusdb');
    expect(resolveConfig(flags, {}, files(), { taurusdb }).endpoint).toEqual({
      value: 'https://gaussdbformysql.ap-southeast-1.myhuaweicloud.com',
      source: { kind: 'derived' },
    });
  });

  it('loadConfig derives the chosen service’s endpoint; the SDKs’ override for that service wins over it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdsjob-services-'));
    try {
      const path = join(dir, 'config.json');
      writeFileSync(path, JSON.stringify({ profiles: { default: { service: 'gaussdb', region: 'cn-east-2' } } }));
      const env = { RDSJOB_CONFIG: path };
      expect((await loadConfig({}, env, dir)).config.endpoint?.value).toBe(
        'https://gaussdb.cn-east-2.myhuaweicloud.com',
      );
      // The service's own rule, whatever the case the name was typed in.
      expect((await loadConfig({ service: 'GeminiDB' }, env, dir)).config.endpoint?.value).toBe(
        'https://gaussdb-nosql.cn-east-2.myhuaweicloud.com',
      );
      const override = { ...env, HUAWEICLOUD_SDK_REGION_GAUSSDBFOROPENGAUSS_CN_EAST_2: 'https://og.example.com' };
      expect((await loadConfig({}, override, dir)).config.endpoint).toEqual({
        value: 'https://og.example.com',
        source: { kind: 'env', name: 'HUAWEICLOUD_SDK_REGION_GAUSSDBFOROPENGAUSS_CN_EAST_2' },
      });
      // RDS's own override does not apply to another service.
      const rdsOverride = { ...env, HUAWEICLOUD_SDK_REGION_RDS_CN_EAST_2: 'https://rds.example.com' };
      expect((await loadConfig({}, rdsOverride, dir)).config.endpoint?.source).toEqual({ kind: 'derived' });
      expect((await loadConfig({ endpoint: 'https://x.example.com' }, env, dir)).config.endpoint?.value).toBe(
        'https://x.example.com',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A service's answer as the API would send it: the object and its exact text. */
async function read(service: ServiceName, text: string, id = 'j1') {
  return (await loadService(service)).readJob(JSON.parse(text), text, id);
}

describe('each service’s answer → the one job model', () => {
  it('TaurusDB: process, created/ended, entities, the job exactly as received for --json', async () => {
    const text =
      '{"job":{"id":"j1","name":"CreateGaussDBforMySQLInstance","status":"Running","created":"2026-12-05T09:40:00+0800","ended":"","process":"60%","instance":{"id":"i","name":"n"},"entities":{"x":1.0}}}';
    const reading = await read('taurusdb', text);
    if (!('job' in reading)) throw new Error('no job');
    expect(liveProgress(reading.job)).toBe(60);
    expect(reading.job.created).toBe('2026-12-05T09:40:00+0800');
    expect(renderJson(reading.job)).toContain('"x": 1.0');
  });

  it.each([
    ['Canceled', 'failed', 'Canceled'],
    ['Failed', 'failed', undefined],
    ['Completed', 'completed', undefined],
    ['Pending', undefined, undefined],
    ['Unauthorized', undefined, undefined],
    ['Paused', undefined, undefined],
  ] as const)('TaurusDB %s → %s', async (status, verdict, reason) => {
    const reading = await read('taurusdb', `{"job":{"id":"j1","status":"${status}","fail_reason":""}}`);
    if (!('job' in reading)) throw new Error('no job');
    expect(verdictOf(reading.job)).toBe(verdict);
    expect(reading.job.status).toBe(status);
    if (reason !== undefined) expect(reading.job.fail_reason).toBe(reason);
    // What --json prints is the service's object, never the model's additions.
    expect(JSON.parse(renderJson(reading.job))).toEqual({ id: 'j1', status, fail_reason: '' });
  });

  it('TaurusDB Canceled keeps a fail_reason the service gave', async () => {
    const reading = await read('taurusdb', '{"job":{"id":"j1","status":"Canceled","fail_reason":"by the user"}}');
    expect('job' in reading && reading.job.fail_reason).toBe('by the user');
  });

  it('Canceled ends nothing for the other services (only TaurusDB documents it)', async () => {
    for (const service of ['rds', 'gaussdb', 'dds'] as const) {
      const reading = await read(service, '{"job":{"id":"j1","status":"Canceled"}}');
      expect('job' in reading && verdictOf(reading.job)).toBeUndefined();
    }
  });

  it.each(['gaussdb', 'dds'] as const)(
    '%s: progress (with or without %%) or process, whichever is there',
    async (service) => {
      for (const [field, value, percent] of [
        ['progress', '"35%"', 35],
        ['progress', '"35"', 35],
        ['process', '"70%"', 70],
      ] as const) {
        const reading = await read(service, `{"job":{"id":"j1","status":"Running","${field}":${value}}}`);
        expect('job' in reading && liveProgress(reading.job)).toBe(percent);
      }
    },
  );

  it('GeminiDB: the element with the id asked for is the job; start_time/end_time are its times', async () => {
    const text =
      '{"jobs":[{"id":"other","status":"Running"},{"id":"j1","status":"Failed","start_time":"2026-12-05T09:40:00+0000","end_time":"2026-12-05T09:50:00+0000","progress":"","fail_reason":"disk","big":12345678901234567890}],"total_count":2}';
    const reading = await read('geminidb', text);
    if (!('job' in reading)) throw new Error('no job');
    expect(reading.job.created).toBe('2026-12-05T09:40:00+0000');
    expect(reading.job.ended).toBe('2026-12-05T09:50:00+0000');
    expect(verdictOf(reading.job)).toBe('failed');
    expect(receivedText(reading.job)).toBe(
      '{"id":"j1","status":"Failed","start_time":"2026-12-05T09:40:00+0000","end_time":"2026-12-05T09:50:00+0000","progress":"","fail_reason":"disk","big":12345678901234567890}',
    );
  });

  it('GeminiDB: an empty list, or one without the id, lists none; no list is malformed', async () => {
    expect(await read('geminidb', '{"jobs":[],"total_count":0}')).toEqual({ listedNone: true });
    expect(await read('geminidb', '{"jobs":[{"id":"other"}],"total_count":1}')).toEqual({ listedNone: true });
    expect(await read('geminidb', '{"job":{"id":"j1"}}')).toEqual({ malformed: 'has no list of jobs' });
  });

  it.each(['rds', 'taurusdb', 'gaussdb', 'dds'] as const)('%s: a body without a job object is malformed', async (s) => {
    expect(await read(s, '{"jobs":[]}')).toEqual({ malformed: 'has no job object' });
  });
});
