// `wait` on a terminal, in-process: the bytes on stderr played through a terminal model (test/support/screen.ts),
// so the assertions are about the screen a person sees — every frame, the final screen, the cursor.
import { describe, expect, it } from 'vitest';
import { runWait } from '../../src/commands/wait/run.js';
import { AuthError } from '../../src/errors.js';
import { EXIT, exitCodeFor, exitCodeOf } from '../../src/exit-codes.js';
import type { WaitCommandOptions } from '../../src/commands/wait/define.js';
import { TerminalScreen } from '../support/screen.js';
import { harness, job, type Harness, type Step } from '../support/wait-fakes.js';

const S = 1000;
const A = 'a9767ede-fe0f-4888-9003-e843a4c90514';
const B = '7e3b2d5a-6a54-4d2e-9f2a-1b8c5d9e0f11';
const C = 'c41f0b2e-9d7a-4c55-8e21-6b0a3f9d2e77';
const options: WaitCommandOptions = {
  timeoutMs: 60 * 60 * S,
  intervalMs: 5 * S,
  notFoundGraceMs: 60 * S,
  quiet: false,
};
const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

const run = (id: string, name: string, pcts: number[]): Step[] =>
  pcts.map((p) => job({ id, name, status: 'Running', process: `${p}%` }));
const done = (id: string, name: string) => job({ id, name, status: 'Completed', process: '' });
const failed = (id: string, name: string, reason: string) =>
  job({ id, name, status: 'Failed', process: '', fail_reason: reason });

/** Three jobs ending differently: A completes, B keeps going longer, C fails. */
const THREE: Record<string, Step[]> = {
  [A]: [...run(A, 'MysqlResizeVolume', [10, 40, 70]), done(A, 'MysqlResizeVolume')],
  [B]: [...run(B, 'CreateMysqlReplicaInstance', [5, 20, 35, 50, 65, 80]), done(B, 'CreateMysqlReplicaInstance')],
  [C]: [...run(C, 'BindEIP', [20]), failed(C, 'BindEIP', 'EIP already bound')],
};

interface Played {
  code: number;
  screen: TerminalScreen;
  /** The screen after each write: what a person could have seen at some moment. */
  frames: string[][];
  h: Harness;
}

/** Runs the wait and plays stderr through a terminal of the same size; `resizeTo` changes it after `resizeAfter` polls. */
async function play(
  scripts: Record<string, Step[]>,
  ids: string[],
  size: { columns: number; rows: number },
  extra: Partial<WaitCommandOptions> & {
    resizeTo?: number;
    resizeAfter?: number;
    stopAfter?: number;
    h?: Harness;
  } = {},
): Promise<Played> {
  const h = extra.h ?? harness(scripts, { tty: true, size });
  let resizedAt: number | undefined;
  if (extra.resizeTo !== undefined || extra.stopAfter !== undefined) {
    const original = h.api.getJob.bind(h.api);
    h.api.getJob = async (id: string) => {
      const answer = await original(id);
      if (extra.resizeTo !== undefined && resizedAt === undefined && h.api.calls.length === extra.resizeAfter) {
        resizedAt = h.stderr.chunks.length;
        h.stderr.resize(extra.resizeTo);
      }
      if (extra.stopAfter !== undefined && h.api.calls.length === extra.stopAfter)
        h.interrupt.abort(new Error('SIGINT'));
      return answer;
    };
  }
  const code = await runWait(ids, { ...options, ...extra }, h.ctx).then(exitCodeOf, exitCodeFor);
  const screen = new TerminalScreen(size.columns, size.rows);
  const frames: string[][] = [];
  h.stderr.chunks.forEach((chunk, i) => {
    if (i === resizedAt) screen.resize(extra.resizeTo!);
    screen.write(chunk);
    frames.push(screen.visible());
  });
  return { code, screen, frames, h };
}

const liveFrames = (frames: string[][]) => frames.filter((f) => f.some((line) => SPINNER.test(line)));

describe('the live view on a terminal', () => {
  it('three jobs: one line each with bar and percentage, redrawn in place; the final screen shows each outcome once', async () => {
    const { code, screen, frames, h } = await play(THREE, [A, B, C], { columns: 120, rows: 40 });
    expect(code).toBe(EXIT.jobFailed);
    // stdout carries data only: the table, one row per job, not a byte of the view.
    const table = h.stdout.text.trimEnd().split('\n');
    expect(table[0]).toMatch(/^ID +NAME +STATUS/);
    expect(table.slice(1).map((row) => row.split(/ +/)[0])).toEqual([A, B, C]);
    expect(h.stdout.text).not.toMatch(/[\u001b⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏✔✖░█]/);
    const live = liveFrames(frames);
    // A moment when all three run: three lines, each with a bar and a percentage.
    const allRunning = live.find((f) => f.filter((line) => /█*░+ +\d+% Running/.test(line)).length === 3);
    expect(allRunning).toBeDefined();
    expect(allRunning!.filter(Boolean)).toHaveLength(3);
    // The last look at B, with A and C already finished in place.
    expect(live.at(-1)!.filter(Boolean)).toEqual([
      expect.stringMatching(/^✔ a9767ede… MysqlResizeVolume +Completed +\d+s$/),
      expect.stringMatching(/^. 7e3b2d5a… CreateMysqlReplicaInstance +████████░░ +80% ~10s left Running +\d+s$/),
      expect.stringMatching(/^✖ c41f0b2e… BindEIP +Failed +\d+s$/),
      '  EIP already bound',
    ]);
    expect(screen.lines()).toEqual([
      '✔ a9767ede… MysqlResizeVolume          Completed 15s',
      '✔ 7e3b2d5a… CreateMysqlReplicaInstance Completed 31s',
      '✖ c41f0b2e… BindEIP                    Failed     7s',
      '  EIP already bound',
    ]);
    expect(screen.cursorVisible).toBe(true);
    expect(screen.softWraps).toBe(0);
    expect(screen.clampedUps).toBe(0);
  });

  it.each([
    [120, 40],
    [40, 10],
    [20, 5],
  ])(
    '%i×%i: no line wraps, no frame is taller than the screen, each outcome once at the end',
    async (columns, rows) => {
      const { screen, frames } = await play(THREE, [A, B, C], { columns, rows });
      for (const frame of liveFrames(frames)) expect(frame.filter(Boolean).length).toBeLessThanOrEqual(rows - 1);
      expect(screen.softWraps).toBe(0);
      expect(screen.clampedUps).toBe(0);
      const end = screen.lines();
      expect(end.filter((line) => line.startsWith('✔'))).toHaveLength(2);
      expect(end.filter((line) => line.startsWith('✖'))).toHaveLength(1);
      expect(end.some((line) => SPINNER.test(line))).toBe(false);
      expect(screen.cursorVisible).toBe(true);
    },
  );

  it('more jobs than rows: finished ones fold into a count, the rest as … and N more', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `job-${String(i).padStart(2, '0')}`);
    const scripts = Object.fromEntries(
      ids.map((id, i) => [
        id,
        [
          ...run(
            id,
            'MysqlResizeVolume',
            Array.from({ length: i + 1 }, (_, k) => k * 5),
          ),
          done(id, 'MysqlResizeVolume'),
        ],
      ]),
    );
    const { screen, frames } = await play(
      scripts,
      ids,
      { columns: 60, rows: 6 },
      { intervalMs: S, requestsPerMinute: 6000 },
    );
    const live = liveFrames(frames);
    for (const frame of live) expect(frame.filter(Boolean).length).toBeLessThanOrEqual(5);
    expect(live.some((f) => f.some((line) => /^… and \d+ more$/.test(line)))).toBe(true);
    expect(live.some((f) => f.some((line) => /^✔ \d+ completed$/.test(line)))).toBe(true);
    expect(screen.clampedUps).toBe(0);
    // Once the wait ends the screen is no longer redrawn: every job's ✔ line, once, scrolling like any output.
    expect(screen.lines().filter((line) => line.startsWith('✔'))).toHaveLength(12);
  });

  it('at most 10 frames a second, however many polls arrive', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `job-${i}`);
    const scripts = Object.fromEntries(ids.map((id) => [id, [...run(id, 'X', [10, 20, 30]), done(id, 'X')]]));
    const h = harness(scripts, { tty: true, size: { columns: 80, rows: 40 } });
    const writes: number[] = [];
    const write = h.stderr.write.bind(h.stderr);
    h.stderr.write = (chunk, cb) => {
      writes.push(h.clock.now());
      return write(chunk, cb);
    };
    await play(scripts, ids, { columns: 80, rows: 40 }, { intervalMs: 100, requestsPerMinute: 60_000, h });
    const perTick = new Map<number, number>();
    for (const at of writes) perTick.set(Math.floor(at / 100), (perTick.get(Math.floor(at / 100)) ?? 0) + 1);
    // One frame per 100 ms tick (the first frame and the last screen may share a tick with one more).
    expect(Math.max(...perTick.values())).toBeLessThanOrEqual(3);
  });

  it('a resize to fewer columns leaves nothing behind', async () => {
    const { screen, frames } = await play(
      THREE,
      [A, B, C],
      { columns: 120, rows: 40 },
      { resizeTo: 40, resizeAfter: 4 },
    );
    const after = liveFrames(frames).at(-1)!.filter(Boolean);
    for (const line of after) expect(line.length).toBeLessThanOrEqual(39);
    // Exactly one line per job (plus the reason): no copy of a 120-column frame re-wrapped above it.
    expect(after.filter((line) => /^[✔✖⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /.test(line))).toHaveLength(3);
    const end = screen.lines();
    expect(end.filter((line) => /^[✔✖]/.test(line))).toHaveLength(3);
    expect(end.some((line) => line.includes('█') || SPINNER.test(line))).toBe(false);
  });

  it('a resize to more columns: redrawn at the new width', async () => {
    const { frames } = await play(THREE, [A, B, C], { columns: 40, rows: 20 }, { resizeTo: 120, resizeAfter: 2 });
    const wide = liveFrames(frames).at(-1)!.filter(Boolean);
    expect(wide.some((line) => line.includes('7e3b2d5a…') && line.includes('█'))).toBe(true);
    expect(wide.filter((line) => /^[✔✖⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /.test(line))).toHaveLength(3);
  });

  it('a second signal exits at once, without stop(): an exit hook shows the cursor while the view is up', async () => {
    const { liveReporter } = await import('../../src/wait/reporter-live.js');
    const { MemoryStream } = await import('../support/fakes.js');
    const stream = new MemoryStream(true, 80, 24);
    const hooks = new Set<() => void>();
    const onExit = (hook: () => void) => {
      hooks.add(hook);
      return () => hooks.delete(hook);
    };
    const reporter = liveReporter({ stream, color: false, onExit });
    reporter.start(['a'], 0);
    expect(hooks.size).toBe(1);
    for (const hook of hooks) hook();
    expect(new TerminalScreen(80, 24).write(stream.text).cursorVisible).toBe(true);
    reporter.stop({ results: [], elapsedMs: 0 }, 0);
    expect(hooks.size).toBe(0);
  });

  it('stops listening for resizes when the wait ends', async () => {
    const { h } = await play(THREE, [A, B, C], { columns: 80, rows: 24 });
    expect(h.stderr.listening).toBe(0);
  });

  it('Ctrl-C: the running lines go, finished outcomes stay, the resume command follows, the cursor is back', async () => {
    const { code, screen } = await play(THREE, [A, B, C], { columns: 100, rows: 30 }, { stopAfter: 7 });
    expect(code).toBe(EXIT.interrupted);
    const end = screen.lines();
    expect(end.some((line) => SPINNER.test(line) || line.includes('░'))).toBe(false);
    expect(end.filter((line) => line.startsWith('✖ c41f0b2e…'))).toHaveLength(1);
    expect(end.join('\n')).toMatch(/rdsjob wait .*7e3b2d5a-6a54-4d2e-9f2a-1b8c5d9e0f11/);
    expect(screen.cursorVisible).toBe(true);
  });

  it('timeout: the same, exit 6', async () => {
    const { code, screen } = await play(
      { [A]: run(A, 'MysqlResizeVolume', [10, 20, 30]) },
      [A],
      { columns: 80, rows: 24 },
      { timeoutMs: 20 * S },
    );
    expect(code).toBe(EXIT.timeout);
    const end = screen.lines();
    expect(end.some((line) => SPINNER.test(line) || line.includes('░'))).toBe(false);
    expect(end.join('\n')).toMatch(/timed out after 20s/);
    expect(screen.cursorVisible).toBe(true);
  });

  it('401: cleared before the error, the cursor back, nothing drawn after', async () => {
    const denied = new AuthError('RDS API error 401 (APIGW.0301: incorrect IAM authentication information)', {
      status: 401,
    });
    const { code, screen, h } = await play({ [A]: [job({ status: 'Running', process: '10%' }), denied] }, [A], {
      columns: 80,
      rows: 24,
    });
    expect(code).toBe(EXIT.config);
    expect(screen.lines().some((line) => SPINNER.test(line))).toBe(false);
    expect(screen.cursorVisible).toBe(true);
    expect(h.stderr.text.lastIndexOf('\u001b[?25h')).toBe(h.stderr.text.length - '\u001b[?25h'.length);
  });

  it('a retry is kept above the view as a ⚠ line', async () => {
    const busy = new (await import('../../src/errors.js')).ApiError('RDS API error 503 (busy)', { status: 503 });
    const { screen } = await play({ [A]: [job({ status: 'Running', process: '10%' }), busy, done(A, 'X')] }, [A], {
      columns: 100,
      rows: 30,
    });
    const end = screen.lines();
    expect(end[0]).toMatch(/^⚠ a9767ede… RDS API error 503 \(busy\); retrying in \d+s$/);
    expect(end.filter((line) => line.startsWith('✔'))).toHaveLength(1);
  });
});

describe('plain lines instead of the live view', () => {
  it.each([
    ['NO_COLOR / --no-color (no colour on stderr)', { stderrColor: false }],
    ['--debug (its lines would tear the frames)', { debug: true }],
    ['a pty without a size', { size: { columns: 0, rows: 0 } }],
    ['a terminal with columns but no rows', { size: { columns: 80, rows: 0 } }],
  ])('%s', async (_, extra) => {
    const h = harness(THREE, { tty: true, ...extra });
    const code = await runWait([A, B, C], options, h.ctx).then(exitCodeOf, exitCodeFor);
    expect(code).toBe(EXIT.jobFailed);
    // Lines, never drawn in place: no cursor movement, no hidden cursor (colour only where colour is allowed).
    expect(h.stderr.text).not.toMatch(/\u001b\[(\?25[lh]|\d*[ABGJK])/);
    expect(h.stderr.text.includes('\u001b')).toBe(!('stderrColor' in extra));
    expect(h.stderr.text).toMatch(/^\d{4}-\d\d-\d\dT[\d:]+Z a9767ede… MysqlResizeVolume Running 10%$/m);
  });

  it('FORCE_COLOR with stderr piped: the ✔/✖ coloured, nothing else but plain lines', async () => {
    const h = harness(THREE, { tty: false, stderrColor: true });
    await runWait([A, B, C], options, h.ctx);
    expect(h.stderr.text).toContain('\u001b[31m✖\u001b[39m c41f0b2e… BindEIP Failed: EIP already bound');
    expect(h.stderr.text).not.toMatch(/\u001b\[(\?25[lh]|\d*[ABGJK])/);
  });
});
