import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReplicaRunning } from '../../emulator/sample-jobs.js';
import type { Job } from '../../src/job.js';
import { renderJob } from '../../src/render/job-view.js';
import { renderJobs } from '../../src/render/jobs-table.js';
import { parseProgress } from '../../src/status.js';
import { formatLocalTime, parseRdsTime } from '../../src/render/time.js';

const opts = { color: false, now: Date.UTC(2026, 0, 1), timeZone: 'Asia/Shanghai' } as const;
const run = { seed: 20180806, numRuns: 400 };

// Values shaped like a job but with anything in each field, so the fuzz reaches the deep branches too.
const jobLike = fc.record(
  {
    id: fc.anything(),
    name: fc.anything(),
    status: fc.oneof(fc.constantFrom('Running', 'Completed', 'Failed'), fc.anything()),
    created: fc.oneof(fc.constant('2018-08-06T10:41:14+0000'), fc.anything()),
    ended: fc.anything(),
    process: fc.anything(),
    instance: fc.anything(),
    fail_reason: fc.anything(),
    entities: fc.oneof(
      fc.record(
        {
          instance: fc.oneof(
            fc.record({ endpoint: fc.anything(), datastore: fc.anything(), replica_of: fc.anything() }),
            fc.anything(),
          ),
          volume: fc.oneof(fc.record({ original_size: fc.anything(), target_size: fc.anything() }), fc.anything()),
          resource_ids: fc.anything(),
          public_ip: fc.anything(),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

describe('rendering never throws on any JSON', () => {
  it('renderJob(fc.anything())', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const text = renderJob(value as Job, opts);
        expect(text.endsWith('\n')).toBe(true);
        expect(text).not.toContain('\u001b');
      }),
      run,
    );
  });
  it('renderJob(job-shaped garbage)', () => {
    fc.assert(
      fc.property(jobLike, (value) => {
        const text = renderJob(value as Job, opts);
        expect(text).not.toContain('\u001b');
      }),
      run,
    );
  });
  it('renderJob with colour on', () => {
    fc.assert(
      fc.property(jobLike, (value) => {
        renderJob(value as Job, { ...opts, color: 3 });
      }),
      run,
    );
  });
  it('renderJobs(array of anything)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(jobLike, fc.anything()), { maxLength: 5 }), (values) => {
        expect(renderJobs(values as Job[], opts)).not.toContain('\u001b');
      }),
      run,
    );
  });
  it('a job with garbage mixed in still shows its good fields', () => {
    // Garbage goes last, under keys the sample does not use, at the top level and among the entities.
    const unusedKey = (used: object) => fc.string().filter((k) => !Object.hasOwn(used, k) && k !== '__proto__');
    const entities = createReplicaRunning.entities!;
    fc.assert(
      fc.property(
        fc.dictionary(unusedKey(createReplicaRunning), fc.anything()),
        fc.dictionary(unusedKey(entities), fc.anything()),
        (extra, extraEntities) => {
          const text = renderJob(
            { ...createReplicaRunning, ...extra, entities: { ...entities, ...extraEntities } } as Job,
            opts,
          );
          expect(text).toContain('CreateMysqlReplicaInstance');
          expect(text).toContain('60%');
          expect(text).toContain('192.168.1.204:3306');
          expect(text).toContain('a48e43ff268f4c0e879652d65e63d0fbin01');
        },
      ),
      run,
    );
  });
  it('parseProgress stays within 0..100', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.double()), (value) => {
        const p = parseProgress(value);
        expect(p === undefined || (p >= 0 && p <= 100)).toBe(true);
      }),
      run,
    );
  });
  it('parseRdsTime round-trips every instant in years 1000–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        const t = Math.floor(ms / 1000) * 1000;
        const text = formatLocalTime(t, 'UTC').replace(' ', 'T').replace(' +00:00', '+0000');
        expect(parseRdsTime(text)).toBe(t);
      }),
      run,
    );
  });
});
