// main() in-process: argument handling, output streams and exit codes of `get`, with a scripted API.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { ApiError, AuthError, NetworkError, NotFoundError } from '../../src/errors.js';
import { bindEip, createFailed, createInstanceCompleted } from '../../emulator/sample-jobs.js';
import type { Job } from '../../src/job.js';
import { fakeDeps, scriptedApi } from '../support/fakes.js';

const jobs: Record<string, Job> = Object.fromEntries(
  [createInstanceCompleted, bindEip, createFailed].map((j) => [j.id, j]),
);
const byId = (id: string) =>
  jobs[id] ?? new NotFoundError(`job ${id} not found (HTTP 404, request id abc)`, { itemId: id });
const A = createInstanceCompleted.id!;
const B = bindEip.id!;

describe('main: get', () => {
  it('prints the table on stdout, nothing on stderr, exit 0', async () => {
    const api = scriptedApi(byId);
    const deps = fakeDeps(api);
    expect(await main(['get', A], deps)).toBe(0);
    expect(deps.stdout.text).toContain('192.168.1.203:3306');
    expect(deps.stderr.text).toBe('');
    expect(api.closed).toBe(true);
  });

  it('--json prints the job object as received', async () => {
    const deps = fakeDeps(scriptedApi(byId));
    expect(await main(['get', A, '--json'], deps)).toBe(0);
    expect(JSON.parse(deps.stdout.text)).toEqual(createInstanceCompleted);
  });

  it("several ids with one missing: the JSON keeps the arguments' positions (null for it), an error line, exit 4", async () => {
    const deps = fakeDeps(scriptedApi(byId));
    expect(await main(['get', A, 'missing', B, '-o', 'json'], deps)).toBe(4);
    expect(JSON.parse(deps.stdout.text)).toEqual([createInstanceCompleted, null, bindEip]);
    expect(deps.stderr.text).toBe('error: job missing not found (HTTP 404, request id abc)\n');
  });

  it('an API failure outranks not found (5 before 4), and each error line names its job', async () => {
    const deps = fakeDeps(scriptedApi((id) => (id === 'down' ? new ApiError('RDS API error 503') : byId(id))));
    expect(await main(['get', 'missing', 'down'], deps)).toBe(5);
    expect(deps.stderr.text).toBe(
      'error: job missing not found (HTTP 404, request id abc)\nerror: job down: RDS API error 503\n',
    );
  });

  it('fetches at most 4 jobs at a time, printing them in argument order', async () => {
    let inFlight = 0;
    let most = 0;
    const ids = Array.from({ length: 10 }, (_, i) => `job-${i}`);
    const api = {
      close() {},
      async getJob(id: string) {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5 - (Number(id.slice(4)) % 5)));
        inFlight--;
        return { id, status: 'Completed' };
      },
    };
    const deps = fakeDeps(api);
    expect(await main(['get', ...ids, '--json'], deps)).toBe(0);
    expect(most).toBe(4);
    expect(JSON.parse(deps.stdout.text).map((j: Job) => j.id)).toEqual(ids);
  });

  it.each([
    [
      'a host that does not resolve',
      () =>
        new NetworkError('cannot reach rds.typo.invalid: host not found (DNS)', {
          code: 'ENOTFOUND',
          hint: 'check --endpoint',
        }),
    ],
    [
      'a gateway that knows no such API',
      () =>
        new ApiError('the API gateway at https://x/rds knows no such RDS API (HTTP 404, APIGW.0101: …)', {
          status: 404,
          code: 'APIGW.0101',
          hint: 'check --endpoint',
        }),
    ],
  ])('%s fails every id alike: reported once, exit 5', async (_name, failure) => {
    const deps = fakeDeps(scriptedApi(failure));
    expect(await main(['get', A, B, 'c'], deps)).toBe(5);
    expect(deps.stderr.text.match(/^error:/gm)).toHaveLength(1);
    expect(deps.stderr.text.match(/^hint:/gm)).toHaveLength(1);
  });

  it('a credentials error is reported once, exit 3', async () => {
    const deps = fakeDeps(
      scriptedApi(
        () => new AuthError('the API refused the credentials (HTTP 401, APIGW.0301)', { hint: 'check the access key' }),
      ),
    );
    expect(await main(['get', A, B], deps)).toBe(3);
    expect(deps.stderr.text).toBe(
      'error: the API refused the credentials (HTTP 401, APIGW.0301)\nhint: check the access key\n',
    );
    expect(deps.stdout.text).toBe('');
  });

  it.each([
    [['get', 'bad id']],
    [['get', 'a'.repeat(65)]],
    [['get']],
    [['get', A, '--output', 'xml']],
    [['get', A, '--bogus']],
    [['nope']],
    [['get', A, '--wait', '--timeout', 'soon']],
    [['wait', A, '--interval', '-5s']],
    [['wait', A, '--interval', '0']],
    [['wait', A, '--rate-limit', '0']],
    [['get', A, '--timeout', '5m']],
    [['get', A, '--quiet']],
    [['wait', A, '--rate-limit', 'fast']],
  ])('refuses %j with exit 2 and no API call', async (argv) => {
    const api = scriptedApi(byId);
    const deps = fakeDeps(api);
    expect(await main(argv, deps)).toBe(2);
    expect(api.calls).toEqual([]);
    expect(deps.configs).toEqual([]);
    expect(deps.stdout.text).toBe('');
    expect(deps.stderr.text).toMatch(/error/);
  });

  it('--version prints the version on stdout, exit 0', async () => {
    const deps = fakeDeps(scriptedApi(byId));
    expect(await main(['--version'], deps)).toBe(0);
    expect(deps.stdout.text).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('--help lists the commands, exit codes and environment variables', async () => {
    const deps = fakeDeps(scriptedApi(byId));
    expect(await main(['--help'], deps)).toBe(0);
    for (const text of ['get', 'wait', 'Exit codes', 'HUAWEICLOUD_SDK_AK', '130'])
      expect(deps.stdout.text).toContain(text);
  });

  it('global options work after the command and reach the configuration', async () => {
    const deps = fakeDeps(scriptedApi(byId));
    expect(await main(['get', A, '--region', 'cn-east-3', '--project-id', 'p1'], deps)).toBe(0);
    expect(deps.configs[0]?.region).toEqual({ value: 'cn-east-3', source: { kind: 'flag', name: '--region' } });
    expect(deps.configs[0]?.projectId?.value).toBe('p1');
    expect(deps.configs[0]?.endpoint?.value).toBe('https://rds.cn-east-3.myhuaweicloud.com');
  });

  it('colours only when stdout is a TTY', async () => {
    const tty = fakeDeps(scriptedApi(byId));
    tty.stdout.isTTY = true;
    await main(['get', A], tty);
    expect(tty.stdout.text).toMatch(/\u001b\[/);
    const noColor = fakeDeps(scriptedApi(byId), { env: { NO_COLOR: '1' } });
    noColor.stdout.isTTY = true;
    await main(['get', A], noColor);
    expect(noColor.stdout.text).not.toMatch(/\u001b\[/);
  });
});
