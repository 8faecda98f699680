// The live view end to end: the binary under a real pseudo-terminal (util-linux `script`) of a given size, its
// bytes played through a terminal model. stdout goes to /dev/null in most cases so that what is checked is the view.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server.js';
import { TerminalScreen } from '../support/screen.js';
import { emulator, ptyChild, rdsjob, type RunResult } from './harness.js';
import { job } from '../support/jobs.js';

const FAST = '--interval 100ms --rate-limit 6000';
const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;
const A = 'a9767ede-fe0f-4888-9003-e843a4c90514';
const B = '7e3b2d5a-6a54-4d2e-9f2a-1b8c5d9e0f11';
const C = 'c41f0b2e-9d7a-4c55-8e21-6b0a3f9d2e77';
const running = (id: string, name: string, pcts: number[]) =>
  pcts.map((p) => job({ id, name, status: 'Running', process: `${p}%` }));

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.reset();
  emu.setJob(A, {
    steps: [
      ...running(A, 'MysqlResizeVolume', [10, 30, 50, 70, 90]),
      job({ id: A, name: 'MysqlResizeVolume', status: 'Completed' }),
    ],
  });
  emu.setJob(B, {
    steps: [
      ...running(B, '创建只读实例', [5, 10, 20, 30, 40, 50, 60, 70, 80, 90]),
      job({ id: B, name: '创建只读实例', status: 'Completed' }),
    ],
  });
  emu.setJob(C, {
    steps: [
      ...running(C, 'BindEIP', [20, 40]),
      job({ id: C, name: 'BindEIP', status: 'Failed', fail_reason: 'EIP already bound' }),
    ],
  });
  emu.setJob('forever', {
    steps: [job({ id: 'forever', name: 'MysqlResizeVolume', status: 'Running', process: '42%' })],
  });
});

/** The run's bytes through a terminal of its size; a frame is what the screen shows after each synchronised update. */
function play(r: RunResult, columns: number, rows: number) {
  const screen = new TerminalScreen(columns, rows);
  const frames: string[][] = [];
  for (const part of r.stdout.split(/(?<=\u001b\[\?2026l)/)) {
    screen.write(part);
    frames.push(screen.visible().filter(Boolean));
  }
  return { screen, frames, live: frames.filter((f) => f.some((line) => SPINNER.test(line))) };
}

/** The cursor's last word is "show". */
const cursorRestored = (r: RunResult) => r.stdout.lastIndexOf('\u001b[?25h') > r.stdout.lastIndexOf('\u001b[?25l');

/** A wait stopped before its job ended: the view gone from the screen, the resume command there, the cursor back. */
function expectCleanStop(r: RunResult) {
  const end = play(r, 80, 24).screen.lines();
  expect(end.some((line) => SPINNER.test(line) || line.includes('░'))).toBe(false);
  expect(end.join('\n')).toContain('resume with: rdsjob wait forever');
  expect(cursorRestored(r)).toBe(true);
}

describe('the live view under a terminal', () => {
  it.each([
    [120, 40],
    [40, 10],
    [20, 5],
  ])(
    '%i×%i: a line per job with its percentage, never wider or taller than the terminal, each outcome once',
    async (columns, rows) => {
      const r = await rdsjob(emu, [], {
        pty: { cols: columns, rows },
        shell: `rdsjob wait ${A} ${B} ${C} ${FAST} >/dev/null`,
      });
      expect(r.code).toBe(1);
      const { screen, live } = play(r, columns, rows);
      expect(screen.softWraps).toBe(0);
      expect(screen.clampedUps).toBe(0);
      for (const frame of live) expect(frame.length).toBeLessThanOrEqual(rows - 1);
      // Some frame shows all three running, each with its percentage (and, where there is room, its bar).
      const bar = columns >= 100 ? /[█░]{10} +\d+%/ : / \d+%/;
      expect(live.some((f) => f.filter((line) => SPINNER.test(line[0]!) && bar.test(line)).length === 3)).toBe(true);
      const end = screen.lines();
      expect(end.filter((line) => line.startsWith('✔'))).toHaveLength(2);
      expect(end.filter((line) => line.startsWith('✖'))).toHaveLength(1);
      expect(end.filter((line) => SPINNER.test(line))).toEqual([]);
      expect(cursorRestored(r)).toBe(true);
    },
  );

  it('160×40 with stdout on the terminal too: the outcomes, then the table fitted to it, with TOOK and the reason', async () => {
    const r = await rdsjob(emu, [], { pty: { cols: 160, rows: 40 }, shell: `rdsjob wait ${A} ${B} ${C} ${FAST}` });
    expect(r.code).toBe(1);
    const end = play(r, 160, 40).screen.lines();
    expect(end.slice(0, 4)).toEqual([
      expect.stringMatching(/^✔ a9767ede… MysqlResizeVolume +Completed +\d+s$/),
      expect.stringMatching(/^✔ 7e3b2d5a… 创建只读实例 +Completed +\d+s$/),
      expect.stringMatching(/^✖ c41f0b2e… BindEIP +Failed +\d+s$/),
      '  EIP already bound',
    ]);
    expect(end[4]).toMatch(/^ID +NAME +STATUS +PROGRESS +CREATED +TOOK +INSTANCE +REASON$/);
    expect(end.at(-1)).toMatch(/^c41f0b2e-9d7a-4c55-8e21-6b0a3f9d2e77 +BindEIP +Failed .* EIP already bound$/);
  });

  it('one job: the bar in its single line; exit 0 and the cursor back', async () => {
    const r = await rdsjob(emu, [], { pty: { cols: 100, rows: 30 }, shell: `rdsjob wait ${A} ${FAST} >/dev/null` });
    expect(r.code).toBe(0);
    const { screen, live } = play(r, 100, 30);
    expect(
      live.some((f) => f.length === 1 && /^. a9767ede… MysqlResizeVolume [█░]{10} +\d+% Running +\d+s$/.test(f[0]!)),
    ).toBe(true);
    expect(screen.lines()).toEqual([expect.stringMatching(/^✔ a9767ede… MysqlResizeVolume Completed \d+s$/)]);
    expect(cursorRestored(r)).toBe(true);
  });

  it('timeout: the view cleared, the resume command, exit 6, the cursor back', async () => {
    const r = await rdsjob(emu, [], {
      pty: { cols: 80, rows: 24 },
      shell: `rdsjob wait forever --timeout 1s ${FAST} >/dev/null`,
    });
    expect(r.code).toBe(6);
    expectCleanStop(r);
  });

  it('Ctrl-C, typed at the terminal: the view cleared, the resume command, exit 130, the cursor back', async () => {
    const r = await rdsjob(emu, ['wait', 'forever', ...FAST.split(' ')], {
      pty: { cols: 80, rows: 24 },
      keepStdinOpen: true,
      // ^C once the view is drawn: the terminal's line discipline turns it into SIGINT for the foreground job.
      onSpawn: (child, handling) => {
        let seen = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          if (SPINNER.test(seen) && !seen.includes('SENT')) {
            seen += 'SENT';
            void handling('SIGINT').then(() => child.stdin!.write('\u0003'));
          }
        });
      },
    });
    expect(r.code).toBe(130);
    expect(play(r, 80, 24).live.length).toBeGreaterThan(0);
    expectCleanStop(r);
  });

  it('SIGTERM (a pipeline cancelled): the view cleared, the resume command, exit 143, the cursor back', async () => {
    const r = await rdsjob(emu, ['wait', 'forever', ...FAST.split(' ')], {
      pty: { cols: 80, rows: 24 },
      // Once the view is drawn, to node itself, as CI's cancellation would.
      onSpawn: (child, handling) => {
        let sent = false;
        child.stdout!.on('data', (chunk: Buffer) => {
          if (sent || !SPINNER.test(String(chunk))) return;
          sent = true;
          void handling('SIGTERM').then(() => process.kill(ptyChild(child), 'SIGTERM'));
        });
      },
    });
    expect(r.code).toBe(143);
    expect(play(r, 80, 24).live.length).toBeGreaterThan(0);
    expectCleanStop(r);
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['TERM=dumb', { TERM: 'dumb' }],
  ])('%s: plain lines, not one escape', async (_, env) => {
    const r = await rdsjob(emu, [], {
      pty: { cols: 100, rows: 30 },
      env,
      shell: `rdsjob wait ${A} ${FAST} >/dev/null`,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).toMatch(/a9767ede… MysqlResizeVolume Running 10%/);
  });
});
