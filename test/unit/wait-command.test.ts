import { describe, expect, it } from 'vitest';
import { runWait, type WaitCommandOptions } from '../../src/commands/wait/run.js';
import { ApiError, AuthError } from '../../src/errors.js';
import { EXIT, exitCodeFor, exitCodeOf } from '../../src/exit-codes.js';
import { JOB_NOT_FOUND_HINT, jobNotFound } from '../../src/job-not-found.js';
import { shortIds } from '../../src/wait/item-text.js';
import { escapeData, escapeProperty } from '../../src/wait/reporter-github.js';
import { harness, job, type Step } from '../support/wait-fakes.js';

const S = 1000;
const MIN = 60 * S;
const ID = 'a9767ede-fe0f-4888-9003-e843a4c90514';
const ID2 = '7e3b2d5a-6a54-4d2e-9f2a-1b8c5d9e0f11';
const options: WaitCommandOptions = {
  timeoutMs: 60 * MIN,
  intervalMs: 5 * S,
  notFoundGraceMs: 60 * S,
  quiet: false,
};
const ESC = /\u001b/;

const running = (process = '') => job({ status: 'Running', process });
/** Created at 09:40 (job()), five minutes before the wait began; ended between its last two looks. */
const completed = job({ status: 'Completed', process: '60% ', ended: '2026-11-27T09:45:12+0000' });
// A field rdsjob does not know is passed through as received.
const failed = {
  ...job({ id: ID2, status: 'Failed', fail_reason: 'createVM failed.' }),
  unknown_field: { kept: true },
};
/** What the API's getJob throws for a 404 (api/job-info.ts). */
const notFound = (id = ID) => jobNotFound(id, { status: 404, code: 'DBS.280239', requestId: '5b7e' });

async function wait(
  scripts: Record<string, Step[]>,
  ids: string[],
  extra: Partial<WaitCommandOptions> = {},
  h = harness(scripts),
) {
  // What main() would exit with: the outcomes mapped, or the error it would report.
  const code = await runWait(ids, { ...options, ...extra }, h.ctx).then(exitCodeOf, exitCodeFor);
  return { code, ...h, out: h.stdout.text, err: h.stderr.text, lines: h.stderr.text.split('\n').filter(Boolean) };
}

describe('rdsjob wait, stderr not a TTY', () => {
  it('prints one line per change of progress, then ✔, then the job table on stdout', async () => {
    const r = await wait({ [ID]: [running('10%'), running('10%'), running('60% '), completed] }, [ID]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.lines).toEqual([
      '2026-11-27T09:45:00Z a9767ede… CreateMysqlSingleHAInstance Running 10%',
      '2026-11-27T09:45:10Z a9767ede… CreateMysqlSingleHAInstance Running 60%',
      // How long the job took (created 09:40 → ended 09:45:12), as the table's TOOK says — not the 15s the wait
      // followed it for.
      '2026-11-27T09:45:15Z ✔ a9767ede… CreateMysqlSingleHAInstance Completed in 5m12s',
    ]);
    expect(r.out).toContain('(took 5m12s)');
    expect(r.out).toContain(ID);
    expect(r.out).toContain('Completed');
    expect(r.err).not.toMatch(ESC);
    expect(r.out).not.toMatch(ESC);
  });

  it('Failed: exit 1, the reason on stderr, the job exactly as received on stdout', async () => {
    const h = harness({ [ID2]: [running(), failed] }, { output: 'json' });
    const r = await wait({}, [ID2], {}, h);
    expect(r.code).toBe(EXIT.jobFailed);
    expect(r.err).toContain('✖ 7e3b2d5a… CreateMysqlSingleHAInstance Failed: createVM failed.');
    expect(JSON.parse(r.out)).toEqual(failed);
    expect(r.out.endsWith('}\n')).toBe(true);
  });

  it('timeout: exit 6, the last status on stdout, unfinished jobs and the resume command on stderr', async () => {
    const h = harness({ [ID]: [running('30%')] }, { output: 'json' });
    const r = await wait({}, [ID], { timeoutMs: MIN }, h);
    expect(r.code).toBe(EXIT.timeout);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'Running', process: '30%' });
    expect(r.lines.slice(-3)).toEqual([
      'error: timed out after 1m with 1 job unfinished:',
      `  ${ID}  CreateMysqlSingleHAInstance Running 30%`,
      `resume with: rdsjob wait ${ID} --timeout 1m --json`,
    ]);
  });

  it('an id given twice is polled once but printed twice: several ids always give an array, like get', async () => {
    const h = harness({ [ID]: [completed] }, { output: 'json' });
    const r = await wait({}, [ID, ID], {}, h);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out)).toEqual([completed, completed]);
    expect(h.api.calls).toHaveLength(1);
  });

  it('the resume command repeats the global options, so it asks the same account and region', async () => {
    const h = harness({ [ID]: [running('30%')] }, { flags: { profile: 'prod', region: 'eu-west-101' } });
    const r = await wait({}, [ID], { timeoutMs: MIN, requestsPerMinute: 120 }, h);
    expect(r.code).toBe(EXIT.timeout);
    expect(r.lines.at(-1)).toBe(
      `resume with: rdsjob --profile prod --region eu-west-101 wait ${ID} --timeout 1m --rate-limit 120`,
    );
  });

  it('a job not visible at first is waited for', async () => {
    const r = await wait({ [ID]: [notFound(), notFound(), completed] }, [ID]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.lines[0]).toMatch(/^2026-11-27T09:45:00Z a9767ede… not visible yet/);
    expect(r.lines.filter((l) => l.includes('not visible'))).toHaveLength(1);
  });

  it('not found past the grace period: exit 4, nothing on stdout, the error on stderr', async () => {
    const r = await wait({ [ID]: [notFound()] }, [ID], { notFoundGraceMs: 10 * S });
    expect(r.code).toBe(EXIT.notFound);
    expect(r.out).toBe('');
    expect(r.err).toContain(`error: job ${ID} not found (HTTP 404, request id 5b7e), still after 10s\n`);
    expect(r.err).toContain(`\nhint: ${JOB_NOT_FOUND_HINT}\n`);
  });

  it('logs transient failures and keeps going', async () => {
    const r = await wait(
      { [ID]: [new ApiError('RDS API error 503 (Service Unavailable)', { status: 503 }), completed] },
      [ID],
    );
    expect(r.code).toBe(EXIT.ok);
    expect(r.lines[0]).toBe('2026-11-27T09:45:00Z a9767ede… RDS API error 503 (Service Unavailable); retrying in 5s');
  });

  it('says "still waiting" at least every 5 minutes on a long, quiet wait', async () => {
    const script: Step[] = [...Array.from({ length: 20 * 12 }, () => running('50%')), completed];
    const r = await wait({ [ID]: script }, [ID]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toContain('2026-11-27T09:50:00Z still waiting (5m elapsed): 1 job running');
    const times = r.lines.map((l) => Date.parse(l.slice(0, 20)));
    for (let i = 1; i < times.length; i++)
      expect((times[i] as number) - (times[i - 1] as number)).toBeLessThanOrEqual(5 * MIN);
  });

  it('several ids: a JSON array in argument order; mixed outcomes pick the most important exit code', async () => {
    const h = harness(
      { [ID]: [running(), completed], [ID2]: [failed], missing: [notFound('missing')] },
      { output: 'json' },
    );
    const r = await wait({}, [ID2, 'missing', ID], { notFoundGraceMs: 0 }, h);
    expect(r.code).toBe(EXIT.jobFailed);
    // A job never seen is null in its place, so positions are the arguments' (as for get).
    expect(JSON.parse(r.out).map((j: { id: string } | null) => j?.id ?? null)).toEqual([ID2, null, ID]);
    expect(r.err).toContain('error: job missing not found');
  });

  it('several ids, table: one row per job seen', async () => {
    const r = await wait({ [ID]: [completed], [ID2]: [failed] }, [ID, ID2]);
    expect(r.out).toMatch(/^.*ID.*NAME.*STATUS/);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('Ctrl-C: exit 130, unfinished jobs with their last status and the resume command', async () => {
    const scripts: Record<string, Step[]> = { [ID2]: [failed] };
    const h = harness(scripts);
    const pressCtrlC = ({ n }: { n: number }) => {
      if (n === 1) h.interrupt.abort(new Error('SIGINT'));
      return running('40%');
    };
    scripts[ID] = [pressCtrlC];
    const r = await wait({}, [ID, ID2], { timeoutMs: 0, intervalMs: 10 * S }, h);
    expect(r.code).toBe(EXIT.interrupted);
    expect(r.lines.slice(-3)).toEqual([
      'interrupted with 1 job unfinished:',
      `  ${ID}  CreateMysqlSingleHAInstance Running 40%`,
      `resume with: rdsjob wait ${ID} --timeout 0s --interval 10s`,
    ]);
  });

  it('401 ends the wait by throwing, so main() reports it once', async () => {
    const denied = new AuthError('RDS API error 401 (APIGW.0301: verify aksk signature fail)', { status: 401 });
    const h = harness({ [ID]: [running()], [ID2]: [denied] });
    await expect(runWait([ID, ID2], options, h.ctx)).rejects.toBe(denied);
    expect(h.stdout.text).toBe('');
  });

  it('--quiet prints nothing on stderr, only the result on stdout', async () => {
    const r = await wait(
      { [ID]: [running('10%'), new ApiError('503', { status: 503 }), running('60%'), completed] },
      [ID],
      { quiet: true },
    );
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toBe('');
    expect(r.out).toContain('Completed');
  });
});

describe('GitHub Actions', () => {
  it('a Failed job becomes an ::error annotation on stderr; stdout stays data', async () => {
    const h = harness(
      { [ID2]: [{ ...failed, fail_reason: 'disk 100% full' }] },
      { env: { GITHUB_ACTIONS: 'true' }, output: 'json' },
    );
    const r = await wait({}, [ID2], {}, h);
    expect(r.err).toContain('::error title=RDS job CreateMysqlSingleHAInstance failed::disk 100%25 full\n');
    expect(r.out).not.toContain('::');
  });

  it('annotations survive --quiet; none without GITHUB_ACTIONS', async () => {
    const quiet = await wait(
      {},
      [ID2],
      { quiet: true },
      harness({ [ID2]: [failed] }, { env: { GITHUB_ACTIONS: 'true' } }),
    );
    expect(quiet.err).toBe('::error title=RDS job CreateMysqlSingleHAInstance failed::createVM failed.\n');
    const local = await wait({ [ID2]: [failed] }, [ID2]);
    expect(local.err).not.toContain('::error');
  });

  it.each([
    ['100%', '100%25', '100%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['x: y, z', 'x: y, z', 'x%3A y%2C z'],
  ])('escapes %j', (text, data, property) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });
});

// On a terminal: test/unit/live-reporter.test.ts.

describe('job ids in progress lines', () => {
  it.each([
    [[ID], ['a9767ede…']],
    [
      ['job-1', 'nosuchjob3'],
      ['job-1', 'nosuchjob3'],
    ],
    [
      ['release-2026-11-job-0001', 'release-2026-11-job-0002'],
      ['release-2026-11-job-0001', 'release-2026-11-job-0002'],
    ],
    [
      [ID, ID2],
      ['a9767ede…', '7e3b2d5a…'],
    ],
  ])('%j → %j', (ids, shown) => {
    expect([...shortIds(ids).values()]).toEqual(shown);
  });
});
