// GitHub Actions step outputs end to end (docs/ci.md): with GITHUB_ACTIONS=true and GITHUB_OUTPUT set, every wait
// appends outcome, exit-code, failed and result, however it ended; the file read back as the runner reads it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ordersDb } from '../../emulator/sample-instances.js';
import { resizeHistory } from '../../emulator/sample-tasks.js';
import { readGithubOutput } from '../support/github-output.js';
import { emulatorPerFile, rdsjob, type RunOptions } from './harness.js';
import { job } from '../support/jobs.js';

const FAST = ['--interval', '100ms', '--rate-limit', '6000'];

const emu = emulatorPerFile();
let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rdsjob-outputs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  emu.setJob('slow', { steps: [job({ id: 'slow', status: 'Running', process: '40%' })] });
  emu.setJob('broken', { steps: [job({ id: 'broken', status: 'Failed', fail_reason: 'createVM failed.' })] });
  emu.setJob('fine', { steps: [job({ id: 'fine', status: 'Completed' })] });
  emu.setTasks([resizeHistory()]);
});

/** Runs rdsjob in "GitHub Actions" with a GITHUB_OUTPUT that an earlier step already wrote to. */
async function inActions(args: string[], options: RunOptions = {}) {
  const file = join(dir, `output-${++n}`);
  writeFileSync(file, 'earlier=step\n');
  const r = await rdsjob(emu, args, {
    ...options,
    env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: file, ...options.env },
  });
  const outputs = readGithubOutput(readFileSync(file, 'utf8'));
  expect(outputs.earlier).toBe('step');
  expect(outputs['exit-code']).toBe(String(r.code));
  return { r, outputs };
}

describe('GITHUB_OUTPUT after a wait on jobs', () => {
  it('one Completed, one Failed: outcome failed, exit-code 1, the Failed id, the --json array on one line', async () => {
    const { r, outputs } = await inActions(['wait', 'fine', 'broken', ...FAST, '--json']);
    expect(r.code).toBe(1);
    expect(outputs).toMatchObject({ outcome: 'failed', 'exit-code': '1', failed: 'broken' });
    expect(outputs.result).not.toContain('\n');
    expect(JSON.parse(outputs.result!)).toEqual(JSON.parse(r.stdout));
  });

  it('Completed, with a table on stdout: result is still the JSON --json would print', async () => {
    const { r, outputs } = await inActions(['wait', 'fine', ...FAST]);
    expect(r.code).toBe(0);
    expect(outputs).toMatchObject({ outcome: 'completed', 'exit-code': '0', failed: '' });
    expect(JSON.parse(outputs.result!)).toMatchObject({ id: 'fine', status: 'Completed' });
  });

  it('get --wait writes them too; --query changes stdout, not the outputs', async () => {
    const { r, outputs } = await inActions(['get', 'broken', '--wait', ...FAST, '--query', 'status']);
    expect(r.stdout).toBe('Failed\n');
    expect(outputs).toMatchObject({ outcome: 'failed', 'exit-code': '1', failed: 'broken' });
    expect(JSON.parse(outputs.result!)).toMatchObject({ id: 'broken', fail_reason: 'createVM failed.' });
  });

  it('timed out: outcome timed-out, exit-code 6, the last-seen job', async () => {
    const { r, outputs } = await inActions(['wait', 'slow', '--timeout', '1s', ...FAST]);
    expect(r.code).toBe(6);
    expect(outputs).toMatchObject({ outcome: 'timed-out', failed: '' });
    expect(JSON.parse(outputs.result!)).toMatchObject({ id: 'slow', status: 'Running' });
  });

  it('interrupted (SIGTERM, as CI cancels a step): outcome interrupted, exit-code 143', async () => {
    const { r, outputs } = await inActions(['wait', 'slow', ...FAST], {
      onSpawn: (child, handling) => {
        child.stderr!.once('data', () => void handling('SIGTERM').then(() => child.kill('SIGTERM')));
      },
    });
    expect(r.code).toBe(143);
    expect(outputs).toMatchObject({ outcome: 'interrupted', failed: '' });
  });

  it('never found: outcome not-found, exit-code 4, result null (--json prints nothing)', async () => {
    const { r, outputs } = await inActions(['wait', 'ghost', '--not-found-grace', '300ms', ...FAST]);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(outputs).toMatchObject({ outcome: 'not-found', failed: '', result: 'null' });
  });

  it('refused credentials (thrown before any result): outcome error, exit-code 3', async () => {
    const { r, outputs } = await inActions(['wait', 'fine', ...FAST], {
      env: { HUAWEICLOUD_SDK_SK: 'wrongSecretKeyDoNotPrint0123456789abcdef' },
    });
    expect(r.code).toBe(3);
    expect(outputs).toMatchObject({ outcome: 'error', failed: '', result: 'null' });
  });
});

describe('GITHUB_OUTPUT after wait --instance', () => {
  it('free once its task Completed: outcome free, the tasks as result', async () => {
    const { r, outputs } = await inActions(['wait', '--instance', 'orders-db', ...FAST, '--quiet']);
    expect(r.code).toBe(0);
    expect(outputs).toMatchObject({ outcome: 'free', failed: '' });
    expect(JSON.parse(outputs.result!)).toMatchObject([{ name: 'ResizeFlavor', status: 'Completed' }]);
  });

  it('the instance becomes FROZEN: outcome failed, exit-code 1', async () => {
    emu.setTasks([]);
    emu.setInstances([{ steps: [ordersDb, { ...ordersDb, status: 'FROZEN' }] }]);
    const { r, outputs } = await inActions(['wait', '--instance', 'orders-db', ...FAST]);
    expect(r.code).toBe(1);
    expect(outputs).toMatchObject({ outcome: 'failed', failed: '', result: '[]' });
  });

  it('no such instance: outcome not-found, exit-code 4, result what --json printed', async () => {
    const { r, outputs } = await inActions(['wait', '--instance', 'no-such-db', ...FAST, '--json']);
    expect(r.code).toBe(4);
    expect(outputs.outcome).toBe('not-found');
    expect(JSON.parse(outputs.result!)).toEqual(r.stdout === '' ? null : JSON.parse(r.stdout));
  });
});

describe('GITHUB_OUTPUT is only for GitHub Actions, and never fails a wait', () => {
  it('without GITHUB_ACTIONS=true the file is left untouched', async () => {
    const file = join(dir, 'untouched');
    writeFileSync(file, 'before\n');
    const r = await rdsjob(emu, ['wait', 'fine', ...FAST], { env: { GITHUB_OUTPUT: file } });
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('before\n');
  });

  it('a file that cannot be written is a warning; the exit code is the wait’s', async () => {
    const r = await rdsjob(emu, ['wait', 'broken', ...FAST], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: join(dir, 'no-such-dir', 'output') },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^warning: cannot write the step outputs .*no-such-dir/m);
  });
});
