// Result tables on a real terminal (docs/tables.md): the binary under a pseudo-terminal (util-linux `script`) of 80
// and 100 columns, its bytes played through a terminal model. No line may wrap (the model counts soft wraps), and
// every id must stand whole at the start of a screen line, where it can be double-clicked and copied.
import { beforeEach, describe, expect, it } from 'vitest';
import { createFailed, createInstanceCompleted, createReplicaRunning } from '../../emulator/sample-jobs.js';
import { ANALYTICS_DB, eipFailed, rebootCompleted, sampleTasks } from '../../emulator/sample-tasks.js';
import { TerminalScreen } from '../support/screen.js';
import { emulatorPerFile, rdsjob } from './harness.js';
import type { Job } from '../../src/job.js';
import { job } from '../support/jobs.js';

const FAST = '--interval 100ms --rate-limit 6000';
const REASON =
  'EIP 119.3.10.7 is already bound to another instance (DBS.280431); unbind it or choose another EIP, then retry';
const A = createInstanceCompleted.id!;
const B = createReplicaRunning.id!;
const C = createFailed.id!;
/** Three jobs a wait sees end: Completed, Completed (a CJK name), Failed with a long reason. */
const W = ['0a1b2c3d-0000-4000-8000-000000000001', '0a1b2c3d-0000-4000-8000-000000000002', C] as const;

const emu = emulatorPerFile();
beforeEach(() => {
  emu.setJob(C, { steps: [{ ...createFailed, fail_reason: REASON }] });
  const ends = (job: Job): { steps: Job[] } => ({ steps: [{ ...job, status: 'Running', process: '50%' }, job] });
  emu.setJob(W[0], ends(job({ id: W[0], status: 'Completed', name: 'MysqlResizeVolume' })));
  emu.setJob(
    W[1],
    ends(job({ id: W[1], status: 'Completed', name: '创建只读实例', instance: { name: '订单数据库-主' } })),
  );
});

/** What the terminal shows once the command is done: every line, and how many of them wrapped. */
async function onTerminal(columns: number, command: string) {
  const r = await rdsjob(emu, [], { pty: { cols: columns, rows: 50 }, env: { NO_COLOR: '1' }, shell: command });
  const screen = new TerminalScreen(columns, 50).write(r.stdout);
  return { code: r.code, lines: screen.lines(), softWraps: screen.softWraps };
}

const startsALine = (lines: readonly string[], id: string) =>
  lines.some((line) => new RegExp(`^(ID +| *)${id}( |$)`).test(line));

describe.each([80, 100])('at %i columns', (columns) => {
  it('get a b c: no line wraps, every id whole, CREATED an age, no ENDED', async () => {
    const t = await onTerminal(columns, `rdsjob get ${A} ${B} ${C}`);
    expect(t.code).toBe(0);
    expect(t.softWraps).toBe(0);
    for (const id of [A, B, C]) expect(startsALine(t.lines, id), id).toBe(true);
    expect(t.lines.join('\n')).not.toMatch(/ENDED|\+00:00/);
    expect(t.lines.join('\n')).toContain('EIP 119.3'); // the reason keeps its start
  });

  it('list: no line wraps, every id whole', async () => {
    const t = await onTerminal(columns, 'rdsjob list');
    expect(t.code).toBe(0);
    expect(t.softWraps).toBe(0);
    for (const { steps } of sampleTasks()) expect(startsALine(t.lines, steps[0]!.id!)).toBe(true);
    // At 100 columns CREATED is there, as an age; at 80 it has given way to the names (docs/tables.md).
    if (columns >= 100) expect(t.lines.join('\n')).toMatch(/\b\d+d ago\b/);
    expect(t.lines.join('\n')).not.toContain('+00:00');
  });

  it('get <id> with a long fail reason: it wraps inside the value column, never at column 0', async () => {
    const t = await onTerminal(columns, `rdsjob get ${C}`);
    expect(t.code).toBe(0);
    expect(t.softWraps).toBe(0);
    const at = t.lines.findIndex((line) => line.startsWith('Fail reason  '));
    expect(at).toBeGreaterThan(0);
    const continued = t.lines.slice(at + 1);
    expect(continued.length).toBeGreaterThan(0);
    expect(continued.every((line) => line.startsWith(' '.repeat('Fail reason  '.length)))).toBe(true);
    expect([t.lines[at]!.slice('Fail reason  '.length), ...continued.map((line) => line.trim())].join(' ')).toBe(
      REASON,
    );
  });

  it('wait a b c: the final table on stdout fits too', async () => {
    const t = await onTerminal(columns, `rdsjob wait ${W.join(' ')} ${FAST} 2>/dev/null`);
    expect(t.code).toBe(1);
    expect(t.softWraps).toBe(0);
    for (const id of W) expect(startsALine(t.lines, id), id).toBe(true);
    expect(t.lines.join('\n')).toContain('创建只读实例');
  });

  it('wait --instance --since: the final task table fits too, REASON kept at its start', async () => {
    const t = await onTerminal(columns, `rdsjob wait --instance ${ANALYTICS_DB.name} --since 240h ${FAST} 2>/dev/null`);
    expect(t.code).toBe(1); // one of its tasks Failed
    expect(t.softWraps).toBe(0);
    for (const id of [eipFailed.id!, rebootCompleted.id!]) expect(startsALine(t.lines, id), id).toBe(true);
    expect(t.lines.join('\n')).toContain('The EIP is');
  });
});

it('piped, with COLUMNS set: the full table scripts read (every column, whole values)', async () => {
  const r = await rdsjob(emu, ['get', A, B, C], { env: { COLUMNS: '80' } });
  expect(r.code).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^ID +NAME +STATUS +PROGRESS +CREATED +ENDED +TOOK +INSTANCE +REASON$/);
  expect(lines[3]).toMatch(/ 2018-08-08 07:20:00 \+00:00 +2018-08-08 07:31:09 \+00:00 +11m9s +mysql-failed-01 +EIP/);
  expect(lines[3]!.endsWith(REASON)).toBe(true);
});
