// The standalone emulator's defaults (used by the README demo) and its command line, as pure functions.
import { parseArgs } from 'node:util';
import type { JobRecord } from './types.js';
import { allSampleJobs, createReplicaRunning, PROJECT_ID } from './sample-jobs.js';
import { always } from './scripts.js';
import { sampleTasks } from './sample-tasks.js';
import type { EmulatorOptions, JobScript } from './types.js';

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

export function demoOptions(): EmulatorOptions {
  return {
    credentials: [{ accessKey: DEMO.accessKey, secretKey: DEMO.secretKey }],
    projects: [{ id: DEMO.projectId, name: DEMO.region }],
    jobs: demoJobs(),
    tasks: sampleTasks(),
  };
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
}

export function parseCliArgs(argv: string[]): CliArgs {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, scenario: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port: ${values.port}`);
  return { port, ...(values.scenario === undefined ? {} : { scenario: values.scenario }) };
}
