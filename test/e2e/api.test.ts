// The programmatic API as a user's script sees it: `import … from 'rdsjob'`, resolved through package.json
// "exports" to the built dist/index.js (package self-reference), in a child process against the emulator.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFailed, createInstanceCompleted, createReplicaRunning } from '../../emulator/sample-jobs.js';
import { ORDERS_DB, eipFailed, resizeRunning } from '../../emulator/sample-tasks.js';
import { emulatorPerFile, rdsjob } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const emu = emulatorPerFile();

/** Runs an ES module body with `api` = the package's exports; it must print one JSON value. */
async function script(body: string, env: Record<string, string | undefined> = {}) {
  const source = `import * as api from 'rdsjob';\nconst out = await (async () => { ${body} })();\nprocess.stdout.write(JSON.stringify(out));`;
  const r = await rdsjob(emu, [], { command: ['--input-type=module', '-e', source], cwd: root, env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('import { … } from "rdsjob"', () => {
  it('exports the documented functions and error classes', async () => {
    const names = await script('return Object.keys(api).sort();');
    for (const name of [
      'getJob',
      'waitForJob',
      'waitForJobs',
      'listTasks',
      'waitForInstance',
      'resolveInstance',
      'TASK_STATUSES',
      'loadConfig',
      'resolveConfig',
      'openRdsApi',
      'openJobsApi',
      'exitCodeFor',
      'EXIT',
      'RdsjobError',
      'ConfigError',
      'AuthError',
      'NotFoundError',
      'ApiError',
      'NetworkError',
      'WaitTimeoutError',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('getJob returns the job object exactly as the API sent it', async () => {
    const job = await script(`return api.getJob(${JSON.stringify(createInstanceCompleted.id)});`);
    expect(job).toEqual(createInstanceCompleted);
    expect(emu.requests).toHaveLength(1);
  });

  it('an empty or relative homedir is no home: the IAM lookup caches nothing in the current directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rdsjob-api-cwd-'));
    try {
      const index = JSON.stringify(pathToFileURL(join(root, 'dist', 'index.js')).href);
      // No project id: the IAM lookup runs, and with a usable home its answer would be cached under it.
      const body = `const api = await import(${index});
        const env = { ...process.env, HUAWEICLOUD_SDK_PROJECT_ID: '', XDG_CACHE_HOME: '', XDG_CONFIG_HOME: '' };
        for (const homedir of ['', 'relhome']) await api.getJob(${JSON.stringify(createInstanceCompleted.id)}, { homedir, env });
        process.stdout.write('done');`;
      const r = await rdsjob(emu, [], { command: ['--input-type=module', '-e', body], cwd });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('done');
      expect(emu.requests.filter((q) => q.api === 'KeystoneListProjects')).toHaveLength(2);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('errors are the exported classes, with the CLI exit codes', async () => {
    const out = await script(`
      try { await api.getJob('no-such-job'); return 'no error'; }
      catch (e) { return { notFound: e instanceof api.NotFoundError, base: e instanceof api.RdsjobError, code: api.exitCodeFor(e) }; }`);
    expect(out).toEqual({ notFound: true, base: true, code: 4 });
  });

  it('an id or instance that is not a string (an unset variable: getJob(process.env.JOB_ID)) is a UsageError before any request', async () => {
    const out = await script(`
      const outcome = async (f) => { try { await f(); return 'no error'; } catch (e) { return [e.constructor.name, api.exitCodeFor(e), e.message]; } };
      const unset = process.env.RDSJOB_TEST_UNSET_JOB_ID;
      return [
        await outcome(() => api.getJob(unset)),
        await outcome(() => api.waitForJob(null, { notFoundGraceMs: 0 })),
        await outcome(() => api.waitForJobs('abc')),
        await outcome(() => api.waitForJobs([42])),
        await outcome(() => api.resolveInstance(unset)),
        await outcome(() => api.waitForInstance(unset)),
      ];`);
    expect(out).toEqual([
      ['UsageError', 2, 'invalid job id undefined: use 1–64 characters of A-Z a-z 0-9 - _'],
      ['UsageError', 2, 'invalid job id null: use 1–64 characters of A-Z a-z 0-9 - _'],
      ['UsageError', 2, 'invalid job ids "abc": pass an array of job ids'],
      ['UsageError', 2, 'invalid job id 42: use 1–64 characters of A-Z a-z 0-9 - _'],
      ['UsageError', 2, 'invalid --instance undefined: use 1–64 characters of A-Z a-z 0-9 - _'],
      ['UsageError', 2, 'invalid --instance undefined: use 1–64 characters of A-Z a-z 0-9 - _'],
    ]);
    expect(emu.requests).toEqual([]);
  });

  it('options override the environment like flags do', async () => {
    const out = await script(`
      const config = await api.loadConfig({ region: 'eu-west-0', projectId: 'from-option' });
      try { await api.getJob('x', { region: 'NOT A REGION' }); }
      catch (e) { return { region: config.region, projectId: config.projectId, usage: e instanceof api.UsageError, message: e.message }; }`);
    expect(out.region).toEqual({ value: 'eu-west-0', source: { kind: 'flag', name: '--region' } });
    expect(out.projectId).toEqual({ value: 'from-option', source: { kind: 'flag', name: '--project-id' } });
    expect(out.usage).toBe(true);
    expect(out.message).toContain('--region');
  });

  it('waitForJob polls until the job ends and reports progress', async () => {
    emu.setJob('api-wait', {
      steps: [
        { ...createReplicaRunning, id: 'api-wait' },
        { ...createInstanceCompleted, id: 'api-wait' },
      ],
    });
    const out = await script(`
      const seen = [];
      const job = await api.waitForJob('api-wait', { intervalMs: 20, onProgress: (j) => seen.push(j.status) });
      return { status: job.status, seen };`);
    expect(out).toEqual({ status: 'Completed', seen: ['Running', 'Completed'] });
  });

  it('waitForJob resolves with a Failed job (the caller decides), and times out with WaitTimeoutError', async () => {
    const failed = await script(
      `return (await api.waitForJob(${JSON.stringify(createFailed.id)}, { intervalMs: 20 })).status;`,
    );
    expect(failed).toBe('Failed');
    const timedOut = await script(`
      try { await api.waitForJob(${JSON.stringify(createReplicaRunning.id)}, { intervalMs: 20, timeoutMs: 100 }); }
      catch (e) { return { timeout: e instanceof api.WaitTimeoutError, code: api.exitCodeFor(e) }; }`);
    expect(timedOut).toEqual({ timeout: true, code: 6 });
  });

  it('loadConfig shows where each setting came from', async () => {
    const out = await script(
      `const c = await api.loadConfig(); return [c.region.source, api.describeSource(c.accessKey.source)];`,
    );
    expect(out).toEqual([{ kind: 'env', name: 'HUAWEICLOUD_SDK_REGION' }, 'env HUAWEICLOUD_SDK_AK']);
  });

  it('listTasks pages the task center, tasks exactly as received, with the total count', async () => {
    const out = await script(
      `const l = await api.listTasks({ status: 'Failed', limit: 5 }); return { ids: l.tasks.map((t) => t.id), total: l.totalCount };`,
    );
    expect(out).toEqual({ ids: [eipFailed.id], total: 1 });
    const bad = await script(
      `try { await api.listTasks({ limit: 0 }); return 'no error'; } catch (e) { return { usage: e instanceof api.UsageError, code: api.exitCodeFor(e) }; }`,
    );
    expect(bad).toEqual({ usage: true, code: 2 });
  });

  it('waitForInstance (by name) resolves once the instance is free, with each task and the exit code the CLI would give', async () => {
    const out = await script(`
      const seen = [];
      const r = await api.waitForInstance(${JSON.stringify(ORDERS_DB.name)}, { intervalMs: 20, requestsPerMinute: 6000, onProgress: (t) => seen.push(t.process) });
      const found = await api.resolveInstance(${JSON.stringify(ORDERS_DB.name)});
      return { outcome: r.outcome, status: r.status, id: found.id, code: r.exitCode, tasks: r.tasks.map((t) => [t.id, t.outcome, t.item.status]), seen };`);
    expect(out).toEqual({
      outcome: 'completed',
      status: 'ACTIVE',
      id: ORDERS_DB.id,
      code: 0,
      tasks: [[resizeRunning.id, 'completed', 'Completed']],
      seen: ['30', '60', '90'],
    });
  });
});
