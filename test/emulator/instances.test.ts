// The emulator's ListInstances: every documented query parameter checked as the API does, exact and `*` fuzzy
// matching on id and name, paging with total_count, Flexus instances only with group_type=flexus, histories.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ID } from '../../emulator/sample-jobs.js';
import { edgeDb, ordersDb, reportingA, reportingB, sampleInstances } from '../../emulator/sample-instances.js';
import type { Emulator } from '../../emulator/types.js';
import { signedCall } from './client.js';
import { startTestEmulator } from './fixture.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ instances: sampleInstances() });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.setInstances(sampleInstances());
});

const PATH = `/v3/${PROJECT_ID}/instances`;
const list = (query: Array<[string, string]> = []) => signedCall(emulator.url, '', { path: PATH, query });
const ids = async (query: Array<[string, string]>) =>
  (await list(query)).json().instances.map((i: { id: string }) => i.id);

describe('ListInstances: parameters the API refuses (400 DBS.200001)', () => {
  it.each<[string, Array<[string, string]>]>([
    ['an unknown parameter', [['instance_id', ordersDb.id]]],
    ['an empty value', [['name', '']]],
    ['limit 0', [['limit', '0']]],
    ['limit 101', [['limit', '101']]],
    ['a negative offset', [['offset', '-1']]],
    ['a bare * as id', [['id', '*']]],
    ['a bare * as name', [['name', '*']]],
    ['a type it does not know', [['type', 'ha']]],
    ['a datastore in the wrong case', [['datastore_type', 'mysql']]],
    ['a group_type other than flexus', [['group_type', 'all']]],
    [
      'a parameter given twice',
      [
        ['name', 'a'],
        ['name', 'b'],
      ],
    ],
  ])('%s', async (_, query) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error_code: 'DBS.200001' });
  });
});

describe('ListInstances: matching, paging, Flexus, histories', () => {
  it('exact name, exact id, and a `*` fuzzy match', async () => {
    expect(await ids([['name', 'reporting']])).toEqual([reportingA.id, reportingB.id]);
    expect(await ids([['name', 'report']])).toEqual([]);
    expect(await ids([['name', '*report']])).toEqual([reportingA.id, reportingB.id]);
    expect(await ids([['id', ordersDb.id]])).toEqual([ordersDb.id]);
  });

  it('pages with offset and limit; total_count counts every match', async () => {
    const body = (
      await list([
        ['limit', '2'],
        ['offset', '1'],
      ])
    ).json();
    expect(body.instances).toHaveLength(2);
    expect(body.total_count).toBe(5);
  });

  it('a Flexus instance only with group_type=flexus, and then only Flexus ones', async () => {
    expect(await ids([['name', 'edge-db']])).toEqual([]);
    expect(await ids([['group_type', 'flexus']])).toEqual([edgeDb.id]);
  });

  it('statuses change with the requests that match; a null step is a deleted instance', async () => {
    emulator.setInstances([{ steps: [ordersDb, { ...ordersDb, status: 'BACKING UP' }, null] }]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await list([['id', ordersDb.id]])).json().instances[0]?.status);
    expect(statuses).toEqual(['ACTIVE', 'BACKING UP', undefined]);
  });

  it('scripted faults, one per request', async () => {
    emulator.failInstanceList({ fault: 'status', status: 503 });
    expect((await list()).status).toBe(503);
    expect((await list()).status).toBe(200);
  });
});
