// The standalone emulator's defaults (used by the README demo) and its command line, as pure functions.
import { parseArgs } from 'node:util';
import type { JobRecord } from './types.js';
import { allSampleJobs, createReplicaRunning, PROJECT_ID } from './sample-jobs.js';
import { always } from './scripts.js';
import { sampleTasks } from './sample-tasks.js';
import { ordersDb, sampleInstances } from './sample-instances.js';
import { serviceJob } from './sample-services.js';
import type { EmulatedService, EmulatorOptions, InstanceScript, JobScript, SiblingService } from './types.js';

/** Obviously fake credentials the demo configures rdsjob with. */
export const DEMO = {
  region: 'cn-north-4',
  projectId: PROJECT_ID,
  accessKey: 'DEMOACCESSKEYNOTREAL0',
  secretKey: 'demo-secret-key-for-the-local-emulator-only',
} as const;

/** Every sample job as it is, except the Running one, which advances 10% → 60% → Completed over three polls. */
export function demoJobs(): Record<string, JobScript> {
  const jobs: Record<string, JobScript> = {};
  for (const job of allSampleJobs) if (job.id !== undefined) jobs[job.id] = always(job);
  const running: JobRecord = createReplicaRunning;
  jobs[running.id!] = {
    steps: [
      { ...running, process: '10%' },
      running,
      { ...running, status: 'Completed', process: '', ended: '2018-08-06T11:20:03+0000' },
    ],
  };
  return jobs;
}

/**
 * Three jobs a release started at once, for `rdsjob wait A B C` (the live view in the README): a resize that
 * completes first, a replica that takes longer, an EIP binding that fails.
 */
export const RELEASE = {
  resize: 'b3f1c7a2-5d4e-4f60-9a8b-7c6d5e4f3a21',
  replica: 'd8e2a4c6-1b3f-4e5a-8c7d-9f0e1a2b3c4d',
  eip: 'f4a6c8e0-2d4b-4f6a-9e8c-0b1d3f5a7c9e',
} as const;

function releaseJobs(): Record<string, JobScript> {
  const job = (
    id: string,
    name: string,
    status: string,
    process: string,
    extra: Partial<JobRecord> = {},
  ): JobRecord => ({
    id,
    name,
    status,
    process,
    created: '2026-12-01T09:00:00+0000',
    instance: { id: '4d00c7e9d22145deb889937a72b59c8ein01', name: 'orders-db' },
    ...extra,
  });
  const ended = { ended: '2026-12-01T09:12:00+0000' };
  return {
    [RELEASE.resize]: {
      steps: [
        job(RELEASE.resize, 'MysqlResizeVolume', 'Running', '50%'),
        job(RELEASE.resize, 'MysqlResizeVolume', 'Completed', '', ended),
      ],
    },
    [RELEASE.replica]: {
      steps: [
        job(RELEASE.replica, 'CreateMysqlReplicaInstance', 'Running', '40%'),
        job(RELEASE.replica, 'CreateMysqlReplicaInstance', 'Running', '80%'),
        job(RELEASE.replica, 'CreateMysqlReplicaInstance', 'Completed', '', { ended: '2026-12-01T09:20:00+0000' }),
      ],
    },
    [RELEASE.eip]: {
      steps: [
        job(RELEASE.eip, 'BindEIP', 'Running', '30%'),
        job(RELEASE.eip, 'BindEIP', 'Failed', '', {
          ...ended,
          fail_reason: 'EIP 119.3.10.7 is already bound to another instance',
        }),
      ],
    },
  };
}

/** The demo's jobs of RDS's siblings, beside RDS's: a TaurusDB and a GeminiDB instance being created. */
export const SIBLING_DEMO = {
  taurusdb: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  geminidb: 'e6f7a8b9-c0d1-4e2f-9a3b-4c5d6e7f8a9b',
} as const;

/**
 * For a sibling service: its demo job, in its own shape. TaurusDB's new instance runs 30% → 70% → Completed; GeminiDB's
 * new instance is not listed at first (an empty list), then runs, then Completes. Times are relative to `now`:
 * GeminiDB lists only jobs of its window (the last 30 days).
 */
function siblingJobs(service: SiblingService, now: number): Record<string, JobScript> {
  const job = (id: string, status: string, progress?: string) => serviceJob(service, id, status, { now, progress });
  if (service === 'taurusdb') {
    const id = SIBLING_DEMO.taurusdb;
    return {
      [id]: {
        steps: [job(id, 'Running', '30%'), job(id, 'Running', '70%'), job(id, 'Completed')],
      },
    };
  }
  if (service === 'geminidb') {
    const id = SIBLING_DEMO.geminidb;
    return { [id]: { notFoundPolls: 1, steps: [job(id, 'Running', '50%'), job(id, 'Completed')] } };
  }
  return {};
}

/** The demo emulator of `service` (RDS by default: the sample jobs, tasks and instances). */
export function demoOptions(service: EmulatedService = 'rds', now = Date.now()): EmulatorOptions {
  const common = {
    service,
    credentials: [{ accessKey: DEMO.accessKey, secretKey: DEMO.secretKey }],
    projects: [{ id: DEMO.projectId, name: DEMO.region }],
  };
  if (service !== 'rds') return { ...common, jobs: siblingJobs(service, now) };
  return { ...common, jobs: { ...demoJobs(), ...releaseJobs() }, tasks: sampleTasks(), instances: demoInstances() };
}

/**
 * The sample instances, orders-db known by name: MODIFYING while its resize runs, then BACKING UP for two looks
 * after the task ended (not free yet), then ACTIVE.
 */
export function demoInstances(): InstanceScript[] {
  const busy = (status: string) => ({ ...ordersDb, status });
  return sampleInstances().map((script) =>
    script.steps[0]?.id === ordersDb.id
      ? { steps: [...Array(4).fill(busy('MODIFYING')), busy('BACKING UP'), busy('BACKING UP'), ordersDb] }
      : script,
  );
}

/**
 * A scenario (JSON of the options) replaces the demo's credentials, tokens and projects when it names them;
 * its jobs are added to the sample jobs, replacing those with the same id.
 */
export function withScenario(base: EmulatorOptions, scenario: unknown): EmulatorOptions {
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) {
    throw new Error('the scenario file must hold a JSON object of emulator options');
  }
  const s = scenario as Partial<EmulatorOptions>;
  return {
    ...base,
    ...(s.credentials ? { credentials: s.credentials } : {}),
    ...(s.authTokens ? { authTokens: s.authTokens } : {}),
    ...(s.projects ? { projects: s.projects } : {}),
    ...(s.tasks ? { tasks: s.tasks } : {}),
    jobs: { ...base.jobs, ...s.jobs },
  };
}

export interface CliArgs {
  port: number;
  scenario?: string;
  service?: EmulatedService;
}

const SERVICES: readonly EmulatedService[] = ['rds', 'taurusdb', 'gaussdb', 'dds', 'geminidb'];

export function parseCliArgs(argv: string[]): CliArgs {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, scenario: { type: 'string' }, service: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port: ${values.port}`);
  const service = values.service as EmulatedService | undefined;
  if (service !== undefined && !SERVICES.includes(service)) {
    throw new Error(`invalid --service: ${values.service} (one of ${SERVICES.join(', ')})`);
  }
  return {
    port,
    ...(values.scenario === undefined ? {} : { scenario: values.scenario }),
    ...(service === undefined ? {} : { service }),
  };
}
