// Any JSON in place of `{"job": …}`: fetchJob either hands back the job object exactly as received or refuses the
// body as malformed (exit 5), and whatever it hands back renders, as a table, as JSON and as a progress line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import chalk from 'chalk';
import { fetchJob } from '../../src/api/job-info.js';
import { MalformedResponseError } from '../../src/errors.js';
import { exitCodeFor } from '../../src/exit-codes.js';
import type { HttpClient } from '../../src/http/client.js';
import type { Job } from '../../src/job.js';
import { renderJob } from '../../src/render/job-view.js';
import { renderJobs } from '../../src/render/jobs-table.js';
import { renderJson } from '../../src/render/json.js';
import { outcomeLine, stateLine } from '../../src/wait/lines.js';

const RUNS = { seed: 42, numRuns: 300 } as const;
const opts = { color: false, now: Date.UTC(2026, 0, 1), timeZone: 'UTC' } as const;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const jobish = fc.record(
  {
    id: fc.jsonValue(),
    name: fc.jsonValue(),
    status: fc.oneof(fc.constantFrom('Running', 'Completed', 'Failed', 'Pending', ''), fc.jsonValue()),
    created: fc.oneof(fc.constant('2018-08-06T10:41:14+0000'), fc.jsonValue()),
    process: fc.oneof(fc.constant('60% '), fc.jsonValue()),
    instance: fc.jsonValue(),
    entities: fc.jsonValue(),
    fail_reason: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue()),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(fc.record({ job: fc.oneof(jobish, fc.jsonValue()) }), fc.jsonValue(), fc.constant({}));

function answering(value: unknown): HttpClient {
  return {
    getJson: async () => ({
      status: 200,
      body: value,
      text: JSON.stringify(value),
      requestId: '0123456789abcdef0123456789abcdef',
      headers: {},
    }),
    close: () => undefined,
  };
}

describe('a 200 with any JSON body', () => {
  it('fetchJob returns body.job itself when it is an object, else refuses the body (exit 5)', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const job = (value as { job?: unknown } | null)?.job;
        const isJob = typeof job === 'object' && job !== null && !Array.isArray(job);
        const outcome = await fetchJob(answering(value), 'https://rds.example.com', 'p', 'j').then(
          (got) => ({ got }),
          (error: unknown) => ({ error }),
        );
        if (isJob) {
          expect(outcome).toEqual({ got: job });
          expect((outcome as { got: unknown }).got).toBe(job);
          // --json prints it from the received text, laid out as JSON.stringify would.
          expect(renderJson((outcome as { got: unknown }).got)).toBe(`${JSON.stringify(job, null, 2)}\n`);
        } else {
          const error = (outcome as { error: unknown }).error;
          expect(error).toBeInstanceOf(MalformedResponseError);
          expect(exitCodeFor(error)).toBe(5);
          expect((error as Error).message).toContain('request id 0123456789abcdef0123456789abcdef');
        }
      }),
      RUNS,
    );
  });

  it('whatever job comes back renders as a table, as JSON (every field kept) and as wait lines, one line each', () => {
    fc.assert(
      fc.property(jobish, (value) => {
        const job = value as Job;
        expect(renderJob(job, opts).endsWith('\n')).toBe(true);
        expect(renderJobs([job, job], opts)).not.toContain('\u001b');
        expect(JSON.stringify(JSON.parse(renderJson(job)))).toBe(JSON.stringify(job));
        const line = stateLine('abc', job);
        expect(line).not.toMatch(CONTROL);
        for (const outcome of ['completed', 'failed'] as const) {
          const result = outcomeLine({ id: 'abc', outcome, item: job, elapsedMs: 1000 }, 'abc', chalk);
          expect(result!.text).not.toMatch(CONTROL);
        }
      }),
      RUNS,
    );
  });
});
