// Which width a result table fits (render/terminal-width.ts), and the commands using it in-process: a terminal of
// 80 or 100 columns, COLUMNS, a resize between runs and during a wait, and a pipe, which keeps today's bytes.
import { describe, expect, it } from 'vitest';
import { createFailed, createInstanceCompleted, createReplicaRunning } from '../../emulator/sample-jobs.js';
import * as samples from '../../emulator/sample-tasks.js';
import type { Job } from '../../src/job.js';
import { createContext } from '../../src/command-line.js';
import { main } from '../../src/main.js';
import { renderJobs } from '../../src/render/jobs-table.js';
import { terminalWidth } from '../../src/render/terminal-width.js';
import { displayWidth } from '../../src/render/width.js';
import { fakeDeps, MemoryStream, scriptedApi } from '../support/fakes.js';

describe('terminalWidth', () => {
  it.each<[string, boolean, number | undefined, string | undefined, number | undefined]>([
    ['a terminal: its columns', true, 100, undefined, 100],
    ['COLUMNS wins on a terminal (POSIX: the user’s preferred width)', true, 100, '60', 60],
    ['a terminal that reports no size (script, docker -t): COLUMNS', true, 0, '120', 120],
    ['no size and no COLUMNS: no width, today’s table', true, 0, undefined, undefined],
    ['COLUMNS that is not a positive whole number is ignored', true, 90, 'wide', 90],
    ['COLUMNS=0 is ignored', true, 90, '0', 90],
    ['piped: no width, whatever COLUMNS says', false, 100, '60', undefined],
  ])('%s', (_, isTTY, columns, COLUMNS, expected) => {
    expect(terminalWidth({ isTTY, columns }, { COLUMNS })).toBe(expected);
  });
});

/** A terminal, without colour: the text compared is what the screen shows. */
const PLAIN_TTY = { NO_COLOR: '1' };
const JOBS: Job[] = [createInstanceCompleted, createReplicaRunning, createFailed];
const byId = (id: string) => JOBS.find((job) => job.id === id) ?? new Error(`no ${id}`);
const IDS = JOBS.map((job) => job.id!);
const lines = (text: string) => text.replace(/\n$/, '').split('\n');
const widest = (text: string) => Math.max(...lines(text).map(displayWidth));
const idsWhole = (text: string, ids: readonly string[]) =>
  ids.every((id) => lines(text).some((line) => new RegExp(`^(ID +)?${id}( |$)`).test(line)));

describe('get on a terminal', () => {
  it.each([80, 100])('%i columns: no line wider, every id whole', async (columns) => {
    const deps = fakeDeps(scriptedApi(byId), { stdout: new MemoryStream(true, columns), env: PLAIN_TTY });
    expect(await main(['get', ...IDS], deps)).toBe(0);
    expect(widest(deps.stdout.text)).toBeLessThanOrEqual(columns);
    expect(idsWhole(deps.stdout.text, IDS)).toBe(true);
    expect(deps.stdout.text).not.toContain('ENDED');
  });

  it('a terminal resized between runs: each run fits the width it has', async () => {
    const stdout = new MemoryStream(true, 200);
    const wide = fakeDeps(scriptedApi(byId), { stdout, env: PLAIN_TTY });
    await main(['get', ...IDS], wide);
    expect(lines(wide.stdout.text)[0]).toMatch(/^ID +NAME +STATUS +PROGRESS +CREATED +TOOK +INSTANCE +REASON$/);
    stdout.chunks = [];
    stdout.resize(80);
    await main(['get', ...IDS], fakeDeps(scriptedApi(byId), { stdout, env: PLAIN_TTY }));
    expect(widest(stdout.text)).toBeLessThanOrEqual(80);
  });

  it('COLUMNS=60 on a terminal: 60 columns', async () => {
    const deps = fakeDeps(scriptedApi(byId), {
      stdout: new MemoryStream(true, 200),
      env: { ...PLAIN_TTY, COLUMNS: '60' },
    });
    await main(['get', ...IDS], deps);
    expect(widest(deps.stdout.text)).toBeLessThanOrEqual(60);
    expect(idsWhole(deps.stdout.text, IDS)).toBe(true);
  });

  it('one job at 80 columns: the value column wraps, never back to column 0', async () => {
    const reason = `${'disk full on the data volume; '.repeat(4)}scale the storage and retry`;
    const failed = { ...createFailed, fail_reason: reason };
    const deps = fakeDeps(
      scriptedApi(() => failed),
      { stdout: new MemoryStream(true, 80), env: PLAIN_TTY },
    );
    expect(await main(['get', failed.id!], deps)).toBe(0);
    const out = lines(deps.stdout.text);
    expect(widest(deps.stdout.text)).toBeLessThanOrEqual(80);
    const at = out.findIndex((line) => line.startsWith('Fail reason  '));
    expect(out.slice(at + 1).every((line) => line.startsWith(' '.repeat('Fail reason  '.length)))).toBe(true);
    expect(out.slice(at).join(' ').replace(/ +/g, ' ')).toBe(`Fail reason ${reason}`);
  });

  it('piped, even with COLUMNS set: byte for byte the table scripts have always read', async () => {
    const deps = fakeDeps(scriptedApi(byId), { env: { COLUMNS: '60' } });
    await main(['get', ...IDS], deps);
    expect(deps.stdout.text).toBe(renderJobs(JOBS, { color: false, now: deps.now(), timeZone: undefined }));
    expect(widest(deps.stdout.text)).toBeGreaterThan(150);
  });
});

describe('list and wait on a terminal', () => {
  const TASKS = [samples.resizeRunning, samples.backupCompleted, samples.eipFailed, samples.rebootCompleted];

  it.each([80, 100])('list at %i columns: fitted, CREATED an age', async (columns) => {
    const api = { ...scriptedApi(byId), listTasks: async () => ({ tasks: TASKS, totalCount: TASKS.length }) };
    const deps = fakeDeps(api, { stdout: new MemoryStream(true, columns), env: PLAIN_TTY });
    expect(await main(['list'], deps)).toBe(0);
    expect(widest(deps.stdout.text)).toBeLessThanOrEqual(columns);
    expect(
      idsWhole(
        deps.stdout.text,
        TASKS.map((task) => task.id!),
      ),
    ).toBe(true);
    expect(deps.stdout.text).not.toContain('+00:00');
  });

  it('the width is read when the result is printed: a terminal resized during a long wait is measured as it is', () => {
    const stdout = new MemoryStream(true, 200);
    const ctx = createContext({}, 'table', fakeDeps(scriptedApi(byId), { stdout }), '0.0.0');
    expect(ctx.width).toBe(200);
    stdout.resize(70);
    expect(ctx.width).toBe(70);
  });
});
