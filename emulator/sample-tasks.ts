// Task-center tasks shaped like the example of RDS's ListTasks documentation (32-hex ids, `process` "0"–"100"
// without a % while Running and "" once finished, `end_time` the planned end). Used by the demo and the tests.
import type { TaskRecord, TaskScript } from './types.js';

export const ORDERS_DB = { id: '4d00c7e9d22145deb889937a72b59c8ein01', name: 'orders-db' } as const;
export const ANALYTICS_DB = { id: '9f3c2b1a0e4d4c8b9a7f6e5d4c3b2a10in01', name: 'analytics-db' } as const;

function task(
  id: string,
  name: string,
  instance: { id: string; name: string },
  status: string,
  process: string,
  created: string,
  extra: Partial<TaskRecord> = {},
): TaskRecord {
  return {
    id,
    name,
    instance_id: instance.id,
    instance_name: instance.name,
    instance_status: status === 'Running' ? 'MODIFYING' : 'ACTIVE',
    order_id: '',
    process,
    create_time: created,
    end_time: created.replace(/T(\d{2})/, (_m, h: string) => `T${String((Number(h) + 2) % 24).padStart(2, '0')}`),
    status,
    ...extra,
  };
}

/** The documentation's own example, as it is (a Completed task on an instance in state FAILED). */
export const restoreCompleted: TaskRecord = {
  id: '676e9f17f9b74289883a44a47b8101f5',
  name: 'RestoreSqlserverInInstance',
  instance_id: '4d00c7e9d22145deb889937a72b59c8ein01',
  instance_name: 'rds-local-scale',
  instance_status: 'FAILED',
  order_id: '',
  process: '',
  create_time: '2020-07-15T07:46:10+0000',
  end_time: '2020-07-15T09:46:10+0000',
  status: 'Completed',
};

export const resizeRunning = task(
  '1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6',
  'ResizeFlavor',
  ORDERS_DB,
  'Running',
  '30',
  '2026-11-27T09:40:00+0000',
);
export const backupCompleted = task(
  '2b3c4d5e6f7a48b9c0d1e2f3a4b5c6d7',
  'CreateManualBackup',
  ORDERS_DB,
  'Completed',
  '',
  '2026-11-27T08:10:00+0000',
);
export const eipFailed = task(
  '3c4d5e6f7a8b49c0d1e2f3a4b5c6d7e8',
  'MysqlBindEIP',
  ANALYTICS_DB,
  'Failed',
  '',
  '2026-11-27T07:05:00+0000',
  {
    fail_reason: 'The EIP is already bound to another resource.',
  },
);
export const rebootCompleted = task(
  '4d5e6f7a8b9c4ad0e1f2a3b4c5d6e7f8',
  'RestartInstance',
  ANALYTICS_DB,
  'Completed',
  '',
  '2026-11-26T22:30:00+0000',
);

/** A resize that advances 30 → 60 → 90 → Completed over the requests that consult it. */
export function resizeHistory(): TaskScript {
  return {
    steps: [
      resizeRunning,
      { ...resizeRunning, process: '60' },
      { ...resizeRunning, process: '90' },
      { ...resizeRunning, status: 'Completed', process: '', instance_status: 'ACTIVE' },
    ],
  };
}

export function sampleTasks(): TaskScript[] {
  return [resizeHistory(), { steps: [backupCompleted] }, { steps: [eipFailed] }, { steps: [rebootCompleted] }];
}
