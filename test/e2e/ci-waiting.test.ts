// CI-native waiting (docs/ci.md): --fail-fast and the run's summary page, from the built binary.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ORDERS_DB, resizeRunning } from '../../emulator/sample-tasks.js';
import { TerminalScreen } from '../support/screen.js';
import { emulatorPerFile, rdsjob } from './harness.js';
import { job } from '../support/jobs.js';

const emu = emulatorPerFile();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rdsjob-ci-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  emu.setJob('slow', { steps: [job({ id: 'slow', status: 'Running', process: '40%' })] });
  emu.setJob('broken', {
    steps: [
      job({ id: 'broken', status: 'Failed', fail_reason: 'createVM failed.', ended: '2026-11-27T09:41:00+0000' }),
    ],
  });
  emu.setJob('fine', {
    steps: [job({ id: 'fine', status: 'Completed', ended: '2026-11-27T09:52:30+0000' })],
  });
});

const polls = (id: string) => emu.requests.filter((r) => r.jobId === id).length;

describe('--fail-fast', () => {
  it('the first Failed job ends the wait at once: exit 1, the other listed as unfinished, both on stdout', async () => {
    const r = await rdsjob(emu, ['wait', 'slow', 'broken', '--fail-fast', '--json', '--interval', '10s']);
    expect(r.code).toBe(1);
    // Within one interval of the failure: the running job was not polled again.
    expect(polls('slow')).toBe(1);
    expect(JSON.parse(r.stdout).map((j: { id: string; status: string }) => [j.id, j.status])).toEqual([
      ['slow', 'Running'],
      ['broken', 'Failed'],
    ]);
    expect(r.stderr).toContain(
      'stopped at the first failure (--fail-fast) with 1 job unfinished:\n  slow  CreateMysqlSingleHAInstance Running 40%',
    );
    expect(r.stderr).toContain('resume with: rdsjob wait slow --interval 10s --fail-fast --json');
  });

  it('without it, the wait goes on for the other job until it ends too', async () => {
    emu.setJob('slow', {
      steps: [
        job({ id: 'slow', status: 'Running', process: '40%' }),
        job({ id: 'slow', status: 'Running', process: '40%' }),
        job({ id: 'slow', status: 'Completed' }),
      ],
    });
    const r = await rdsjob(emu, ['wait', 'slow', 'broken', '--json', '--interval', '100ms', '--rate-limit', '6000']);
    expect(r.code).toBe(1);
    expect(polls('slow')).toBe(3);
    expect(JSON.parse(r.stdout).map((j: { status: string }) => j.status)).toEqual(['Completed', 'Failed']);
  });

  it('wait --instance --fail-fast: the first Failed task ends it while another still runs', async () => {
    const failing = { ...resizeRunning, id: 'failingtask', status: 'Running', process: '10' };
    emu.setTasks([
      { steps: [resizeRunning] },
      { steps: [failing, { ...failing, status: 'Failed', process: '', fail_reason: 'disk error' }] },
    ]);
    const r = await rdsjob(emu, [
      'wait',
      '--instance',
      ORDERS_DB.name,
      '--fail-fast',
      '--json',
      '--interval',
      '100ms',
      '--rate-limit',
      '6000',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((t: { id: string; status: string }) => [t.id, t.status])).toEqual([
      [resizeRunning.id, 'Running'],
      ['failingtask', 'Failed'],
    ]);
    expect(r.stderr).toContain(
      'stopped at the first failure (--fail-fast) with 1 task still running on instance orders-db:',
    );
  });
});

describe('an estimate of the time left', () => {
  it('in progress lines once the percentage advanced twice, and on timeout with a --timeout that would cover it', async () => {
    emu.setJob('steady', {
      steps: ['10%', '20%', '30%', '40%'].map((process) => job({ id: 'steady', status: 'Running', process })),
    });
    // Four looks are needed before the deadline, which counts from the process's start: room for a loaded start-up.
    const r = await rdsjob(emu, ['wait', 'steady', '--timeout', '10s', '--interval', '200ms', '--rate-limit', '6000']);
    expect(r.code).toBe(6);
    const lines = r.stderr.split('\n');
    // None before the second advance; from the third percentage on, `… ~Ns left`.
    expect(lines.find((l) => l.endsWith('Running 10%'))).toBeDefined();
    expect(lines.find((l) => l.endsWith('Running 20%'))).toBeDefined();
    expect(lines.some((l) => /Running 30% … ~\d+[smh][\dm]* left$/.test(l))).toBe(true);
    expect(r.stderr).toMatch(
      /\n {2}steady {2}CreateMysqlSingleHAInstance Running 40%, ~\d+[smh][\dm]* left \(--timeout \d+[mh][\dm]* would have covered it\)\n/,
    );
  });
});

describe('GITHUB_STEP_SUMMARY', () => {
  it('in GitHub Actions: a Markdown table of every job is appended, however the wait ended', async () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, '# earlier step\n');
    const r = await rdsjob(emu, ['wait', 'fine', 'broken'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file },
    });
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(
      '# earlier step\n' +
        '### rdsjob wait: 1 Completed, 1 Failed\n\n' +
        '| Job | Name | Status | Took | Reason |\n' +
        '| --- | --- | --- | --- | --- |\n' +
        '| fine | CreateMysqlSingleHAInstance | Completed | 12m30s | - |\n' +
        '| broken | CreateMysqlSingleHAInstance | Failed | 1m | createVM failed. |\n\n',
    );
  });

  it('outside GitHub Actions the file is left untouched', async () => {
    const file = join(dir, 'untouched.md');
    writeFileSync(file, 'before\n');
    const r = await rdsjob(emu, ['wait', 'fine'], { env: { GITHUB_STEP_SUMMARY: file } });
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('before\n');
  });
});

describe('a slow get on a terminal: one ora spinner line, cleared before the result', () => {
  const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] fetching job late/;

  it('a response that takes a second (429, Retry-After: 1): the spinner says what it waits for, then the job', async () => {
    emu.setJob('late', { steps: [{ fault: 'throttle', retryAfter: '1' }, job({ id: 'late', status: 'Completed' })] });
    const r = await rdsjob(emu, ['get', 'late'], { pty: { cols: 100, rows: 30 } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(SPINNER);
    // Cleared before the result: the screen (a terminal model reading the same bytes) shows the job, not the line.
    const screen = new TerminalScreen(100, 30).write(r.stdout);
    const text = screen.lines().join('\n');
    expect(text).not.toContain('fetching');
    expect(text).toMatch(/Status +Completed/);
    expect(screen.cursorVisible).toBe(true);
  });

  // A fast one shows no frame at all: test/unit/slow-spinner.test.ts, on a clock the test controls.

  it('stderr piped: no spinner, however slow', async () => {
    emu.setJob('late', { steps: [{ fault: 'throttle', retryAfter: '1' }, job({ id: 'late', status: 'Completed' })] });
    const r = await rdsjob(emu, ['get', 'late']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
