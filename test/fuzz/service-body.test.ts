// Any JSON in place of a sibling service's answer: fetchJob hands back a job in the one job model (printed by
// --json exactly as the service sent it), says "not found" (GeminiDB's list without the job: exit 4), or refuses the
// body as malformed (exit 5) — nothing else, and whatever it hands back renders and ends a wait line cleanly.
import chalk from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fetchJob } from '../../src/api/job-info.js';
import { MalformedResponseError, NotFoundError } from '../../src/errors.js';
import { exitCodeFor } from '../../src/exit-codes.js';
import type { HttpClient } from '../../src/http/client.js';
import { renderJob } from '../../src/render/job-view.js';
import { renderJson } from '../../src/render/json.js';
import { loadService } from '../../src/services/load.js';
import type { ServiceName } from '../../src/services/names.js';
import { outcomeLine, stateLine } from '../../src/wait/lines.js';

const RUNS = { seed: 24, numRuns: 200 } as const;
const opts = { color: false, now: Date.UTC(2026, 0, 1), timeZone: 'UTC' } as const;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const jobish = fc.record(
  {
    id: fc.oneof(fc.constant('j1'), fc.jsonValue()),
    name: fc.jsonValue(),
    status: fc.oneof(
      fc.constantFrom('Running', 'Completed', 'Failed', 'Canceled', 'Pending', 'Unauthorized'),
      fc.string({ unit: 'binary' }),
      fc.jsonValue(),
    ),
    created: fc.jsonValue(),
    start_time: fc.jsonValue(),
    end_time: fc.jsonValue(),
    progress: fc.oneof(fc.constantFrom('60%', '60', ''), fc.jsonValue()),
    process: fc.jsonValue(),
    fail_reason: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue()),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.record({ job: fc.oneof(jobish, fc.jsonValue()) }),
  fc.record({ jobs: fc.array(fc.oneof(jobish, fc.jsonValue()), { maxLength: 3 }), total_count: fc.jsonValue() }),
  fc.jsonValue(),
);

function answering(value: unknown): HttpClient {
  return {
    getJson: async () => ({ status: 200, body: value, text: JSON.stringify(value), headers: {} }),
    close: () => undefined,
  };
}

describe.each<ServiceName>(['taurusdb', 'gaussdb', 'dds', 'geminidb'])('a 200 from %s with any JSON body', (name) => {
  it('is a job (its --json the service’s own text), not found (GeminiDB only), or malformed', async () => {
    const service = await loadService(name);
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const outcome = await fetchJob(
          answering(value),
          'https://h.example.com',
          'p',
          'j1',
          undefined,
          0,
          service,
        ).then(
          (job) => ({ job }),
          (error: unknown) => ({ error }),
        );
        if ('job' in outcome) {
          const sent =
            name === 'geminidb'
              ? (value as { jobs: Array<{ id?: unknown }> }).jobs.find((job) => job?.id === 'j1')
              : (value as { job: unknown }).job;
          expect(renderJson(outcome.job)).toBe(`${JSON.stringify(sent, null, 2)}\n`);
          expect(renderJob(outcome.job, opts).endsWith('\n')).toBe(true);
          expect(stateLine('j1', outcome.job)).not.toMatch(CONTROL);
          const line = outcomeLine({ id: 'j1', outcome: 'failed', item: outcome.job, elapsedMs: 1 }, 'j1', chalk);
          expect(line!.text).not.toMatch(CONTROL);
        } else if (outcome.error instanceof NotFoundError) {
          expect(name).toBe('geminidb');
          expect(exitCodeFor(outcome.error)).toBe(4);
        } else {
          expect(outcome.error).toBeInstanceOf(MalformedResponseError);
          expect(exitCodeFor(outcome.error)).toBe(5);
        }
      }),
      RUNS,
    );
  });
});
