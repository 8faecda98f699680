// Jobs of RDS's sibling services in each one's own shape (huawei-rds-api.md § Sibling services), for the demo and
// the tests. Times are relative to a clock: GeminiDB lists only jobs of its window (the last 30 days by default).
import type { JobRecord, SiblingService } from './types.js';

const MINUTE = 60_000;

/** `2026-12-05T09:40:00+0000`, the services' time format (an offset without a colon). */
export function serviceTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+0000`;
}

const NAMES: Readonly<Record<SiblingService, string>> = {
  taurusdb: 'CreateGaussDBforMySQLInstance',
  gaussdb: 'CreateGaussDBV5Instance',
  dds: 'CreateMongoDB',
  geminidb: 'CreateInstance',
};

const INSTANCES: Readonly<Record<SiblingService, { id: string; name: string }>> = {
  taurusdb: { id: '0f8b2c7d9e3a4b5c8d1e2f3a4b5c6d7ein07', name: 'orders-taurus' },
  gaussdb: { id: '1a2b3c4d5e6f4a7b8c9d0e1f2a3b4c5din14', name: 'ledger-gauss' },
  dds: { id: '2b3c4d5e6f7a4b8c9d0e1f2a3b4c5d6ein02', name: 'catalog-dds' },
  geminidb: { id: '3c4d5e6f7a8b4c9d0e1f2a3b4c5d6e7fin06', name: 'events-gemini' },
};

export interface SampleJobOptions {
  /** The clock the job's times are relative to (created 5 minutes before). */
  now: number;
  /** The progress while Running (default `40%`; GaussDB's own format is not confirmed, so `40` works too). */
  progress?: string;
  failReason?: string;
  /** Fields to add or replace. */
  extra?: JobRecord;
}

/** A job of `service` in `status`, shaped as that service's job API serves it. */
export function serviceJob(service: SiblingService, id: string, status: string, options: SampleJobOptions): JobRecord {
  const created = serviceTime(options.now - 5 * MINUTE);
  const finished = status === 'Completed' || status === 'Failed' || status === 'Canceled';
  const ended = finished ? serviceTime(options.now - MINUTE) : '';
  const progress = status === 'Running' ? (options.progress ?? '40%') : '';
  const common = { id, name: NAMES[service], status };
  const failure = options.failReason === undefined ? {} : { fail_reason: options.failReason };
  const shaped: JobRecord =
    service === 'taurusdb'
      ? { ...common, created, ended, process: progress, instance: INSTANCES[service], entities: {}, ...failure }
      : service === 'geminidb'
        ? { ...common, start_time: created, end_time: ended, progress, instance: INSTANCES[service], ...failure }
        : { ...common, created, ended, progress, instance: INSTANCES[service], ...failure };
  return { ...shaped, ...options.extra };
}
