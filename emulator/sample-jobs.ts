// Jobs shaped like the examples of RDS's ListJobInfo documentation (the "seed" examples), quirks included:
// a leading space in a name, a Completed job that still says `process: "60% "`, an id with spaces in it,
// `fail_reason: null`, and a field the API may add later. Used by the demo, the emulator's defaults and the tests.
import type { JobRecord } from './types.js';

export const PROJECT_ID = '0483b6b16e954cb88930a360d2c4e663';

export const createInstanceCompleted: JobRecord = {
  id: 'a9767ede-fe0f-4888-9003-e843a4c90514',
  name: 'CreateMysqlSingleHAInstance',
  status: 'Completed',
  created: '2018-08-06T10:41:14+0000',
  ended: '2018-08-06T16:41:14+0000',
  process: '',
  instance: { id: 'a48e43ff268f4c0e879652d65e63d0fbin01', name: 'DO-NOT-TOUCH-mgr2-mysql' },
  entities: {
    instance: {
      endpoint: '192.168.1.203:3306',
      type: 'Ha',
      datastore: { type: 'mysql', version: '8.0' },
    },
    resource_ids: ['a48e43ff268f4c0e879652d65e63d0fbin01.vm', 'a48e43ff268f4c0e879652d65e63d0fbin01.volume'],
  },
  fail_reason: null as unknown as string,
};

export const createReplicaRunning: JobRecord = {
  id: '7e3b2d5a-6a54-4d2e-9f2a-1b8c5d9e0f11',
  name: ' CreateMysqlReplicaInstance',
  status: 'Running',
  created: '2018-08-06T10:41:14+0000',
  process: '60% ',
  instance: { id: '9f1c4a2b7d3e4f5a8b6c0d1e2f3a4b5cin01', name: 'mysql-replica-01' },
  entities: {
    instance: {
      endpoint: '192.168.1.204:3306',
      type: 'Replica',
      datastore: { type: 'mysql', version: '8.0' },
      replica_of: 'a48e43ff268f4c0e879652d65e63d0fbin01',
    },
    resource_ids: ['9f1c4a2b7d3e4f5a8b6c0d1e2f3a4b5cin01.vm'],
  },
};

export const completedWithStaleProcess: JobRecord = {
  id: '0b3cc9e1-4c5a-4c1e-8e1b-2f6b8a4d7c21',
  name: 'CreateMysqlSingleHAInstance',
  status: 'Completed',
  created: '2018-08-06T10:41:14+0000',
  ended: '2018-08-06T11:02:50+0000',
  process: '60% ',
  instance: { id: 'c5a9e1d2b3f44a6b8c7d9e0f1a2b3c4din01', name: 'mysql-ha-02' },
  entities: {},
};

export const resizeVolume: JobRecord = {
  id: '2f5d9a71-3b8e-4c6d-a1f0-9e8d7c6b5a43',
  name: 'MysqlResizeVolume',
  status: 'Completed',
  created: '2018-08-07T08:00:00+0000',
  ended: '2018-08-07T08:05:12+0000',
  process: '',
  instance: { id: 'a48e43ff268f4c0e879652d65e63d0fbin01', name: 'DO-NOT-TOUCH-mgr2-mysql' },
  entities: {
    volume: { type: 'ULTRAHIGH', original_size: '100', target_size: '200' },
    resource_ids: ['a48e43ff268f4c0e879652d65e63d0fbin01.volume'],
  },
};

export const bindEip: JobRecord = {
  id: '5c8e1f3a-9d2b-4e7c-b6a5-0f1e2d3c4b5a',
  name: 'MysqlBindEIP',
  status: 'Completed',
  created: '2018-08-07T09:10:00+0000',
  ended: '2018-08-07T09:10:41+0000',
  process: '',
  instance: { id: 'a48e43ff268f4c0e879652d65e63d0fbin01', name: 'DO-NOT-TOUCH-mgr2-mysql' },
  entities: { public_ip: '10.154.217.154' },
};

export const switchover: JobRecord = {
  id: '8d7c6b5a-4e3f-4a1b-9c0d-e1f2a3b4c5d6',
  name: 'MysqlSwitchOver',
  status: 'Completed',
  created: '2018-08-07T10:00:00+0000',
  ended: '2018-08-07T10:00:37+0000',
  process: '',
  instance: { id: 'a48e43ff268f4c0e879652d65e63d0fbin01', name: 'DO-NOT-TOUCH-mgr2-mysql' },
  entities: { switch_strategy: 'reliability' },
};

export const createFailed: JobRecord = {
  id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
  name: 'CreateMysqlSingleHAInstance',
  status: 'Failed',
  created: '2018-08-08T07:20:00+0000',
  ended: '2018-08-08T07:31:09+0000',
  process: '',
  instance: { id: 'f0e1d2c3b4a5469788796a5b4c3d2e1fin01', name: 'mysql-failed-01' },
  entities: {},
  fail_reason: 'createVM failed.',
};

/** An id with spaces in it, as one seed example has; rdsjob refuses such ids as input but must render them. */
export const quirkyId: JobRecord = {
  id: 'a9767ede fe0f 4888 9003 e843a4c90514 ',
  name: 'RestartMysqlInstance',
  status: 'Completed',
  created: '2018-08-06T10:41:14+0000',
  ended: '2018-08-06T10:43:02+0000',
  process: '',
  instance: { id: 'a48e43ff268f4c0e879652d65e63d0fbin01', name: 'DO-NOT-TOUCH-mgr2-mysql' },
  entities: {},
  future_field: { kept: true },
};

export const allSampleJobs: readonly JobRecord[] = [
  createInstanceCompleted,
  createReplicaRunning,
  completedWithStaleProcess,
  resizeVolume,
  bindEip,
  switchover,
  createFailed,
  quirkyId,
];
