// The one builder of RDS job objects for every layer: the scripted API of the in-process tests and the jobs scripted
// into the emulator for the end-to-end ones. The sample jobs (emulator/sample-jobs.ts) are full, realistic records;
// this builds the small ones a test states field by field.
import type { JobRecord } from '../../emulator/types.js';
import type { Job } from '../../src/job.js';

/** A type's declared fields without its catch-all index signature. */
type Declared<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/**
 * The fields of ListJobInfo's `job` object (huawei-rds-api.md § The job object) as both rdsjob (src/job.ts) and the
 * emulator (emulator/types.ts) declare them. Both types take any other field, as the wire does; this one does not,
 * so a misspelt or stale field in a fixture fails the type check. A test that sends an undocumented field on
 * purpose adds it beside the builder's result: `{ ...job({ id }), unknown_field: 1 }`.
 */
export type JobFields = Declared<Job> & Declared<JobRecord>;

/** The id of the job `job()` builds when the test names none. */
export const JOB_ID = 'a9767ede-fe0f-4888-9003-e843a4c90514';

/** A CreateMysqlSingleHAInstance job, Running and with no progress yet, unless `fields` says otherwise. */
export function job(fields: Partial<JobFields> = {}): Job {
  return {
    id: JOB_ID,
    name: 'CreateMysqlSingleHAInstance',
    status: 'Running',
    created: '2026-11-27T09:40:00+0000',
    process: '',
    ...fields,
  } satisfies JobFields;
}
