// Instances shaped like RDS ListInstances' documentation (ids of 32 hex characters and `in01`), for the demo and
// the tests: the two the sample tasks run on, a name two instances share, a Flexus instance, and broken ones.
import { ANALYTICS_DB, ORDERS_DB } from './sample-tasks.js';
import type { InstanceRecord, InstanceScript } from './types.js';

export function instance(
  id: string,
  name: string,
  status = 'ACTIVE',
  extra: Partial<InstanceRecord> = {},
): InstanceRecord {
  return {
    id,
    name,
    status,
    type: 'Ha',
    datastore: { type: 'MySQL', version: '8.0' },
    region: 'cn-north-4',
    port: 3306,
    created: '2026-01-10T08:00:00+0000',
    ...extra,
  };
}

export const ordersDb = instance(ORDERS_DB.id, ORDERS_DB.name);
export const analyticsDb = instance(ANALYTICS_DB.id, ANALYTICS_DB.name);
/** Two instances named `reporting` (RDS allows it): `--instance reporting` must ask for the id. */
export const reportingA = instance('0a1b2c3d4e5f40718293a4b5c6d7e8f9in01', 'reporting', 'ACTIVE', { type: 'Single' });
export const reportingB = instance('1b2c3d4e5f6a41829304b5c6d7e8f9a0in01', 'reporting', 'BACKING UP', {
  type: 'Replica',
});
/** Listed only with group_type=flexus. */
export const edgeDb = instance('2c3d4e5f6a7b42930415c6d7e8f9a0b1in01', 'edge-db', 'ACTIVE', { type: 'Single' });
export const fullDb = instance('3d4e5f6a7b8c43a41526d7e8f9a0b1c2in01', 'full-db', 'STORAGE FULL');

/** A fresh set of histories (each instance ACTIVE throughout unless a test scripts otherwise). */
export function sampleInstances(): InstanceScript[] {
  return [
    { steps: [ordersDb] },
    { steps: [analyticsDb] },
    { steps: [reportingA] },
    { steps: [reportingB] },
    { steps: [edgeDb], flexus: true },
    { steps: [fullDb] },
  ];
}
