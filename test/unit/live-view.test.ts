// The live view's lines for every terminal size: what a person sees while `wait` runs on several jobs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAIN } from '../../src/render/paint.js';
import { sanitize } from '../../src/render/text.js';
import { displayWidth, truncateToWidth } from '../../src/render/width.js';
import { finalLines, liveLines, progressBar, type LiveItem, type LiveState } from '../../src/wait/live-view.js';
import type { ItemResult } from '../../src/wait/result.js';
import { stepSummary } from '../../src/wait/step-summary.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const NOW = T0 + 62_000;

const running = (id: string, name: string, process: unknown, status: unknown = 'Running'): LiveItem => ({
  id,
  short: `${id}…`,
  since: T0,
  state: { kind: 'running', item: { name, status, process } },
});
const ended = (
  id: string,
  name: string,
  outcome: ItemResult['outcome'],
  elapsedMs: number,
  extra: object = {},
): LiveItem => ({
  id,
  short: `${id}…`,
  since: T0,
  state: {
    kind: 'ended',
    result: { id, outcome, elapsedMs, item: { name, status: outcome === 'failed' ? 'Failed' : 'Completed', ...extra } },
  },
});
const other = (id: string, kind: 'checking' | 'not-visible'): LiveItem => ({
  id,
  short: `${id}…`,
  since: T0,
  state: { kind },
});

const THREE = [
  running('a9767ede', 'MysqlResizeVolume', '70%'),
  ended('7e3b2d5a', 'CreateMysqlReplicaInstance', 'completed', 48_000),
  ended('c41f0b2e', 'BindEIP', 'failed', 12_000, { fail_reason: 'EIP already bound' }),
];

const lines = (
  items: readonly LiveItem[],
  columns: number,
  rows: number,
  extra: { tick?: number; now?: number } = {},
) => liveLines({ items, now: extra.now ?? NOW, tick: extra.tick ?? 4 }, { columns, rows }, PLAIN);

describe('progressBar', () => {
  it.each([
    [0, '░░░░░░░░░░'],
    [9.9, '░░░░░░░░░░'],
    [10, '█░░░░░░░░░'],
    [70, '███████░░░'],
    [99.9, '█████████░'],
    [100, '██████████'],
  ])('%d%% → %s', (percent, bar) => expect(progressBar(percent)).toBe(bar));
});

describe('liveLines: one line per job, fitted to the terminal', () => {
  it('120×40: spinner or ✔/✖, id, name, bar and percentage, status, elapsed; the reason under a Failed line', () => {
    expect(lines(THREE, 120, 40)).toEqual([
      '⠼ a9767ede… MysqlResizeVolume          ███████░░░  70% Running   1m2s',
      '✔ 7e3b2d5a… CreateMysqlReplicaInstance                 Completed  48s',
      '✖ c41f0b2e… BindEIP                                    Failed     12s',
      '  EIP already bound',
    ]);
  });

  it('an estimate where it fits; the first part to go when the line does not', () => {
    const frame = (columns: number) =>
      liveLines(
        { items: THREE, now: NOW, tick: 4, leftMs: (id) => (id === 'a9767ede' ? 4 * 60_000 : undefined) },
        { columns, rows: 40 },
        PLAIN,
      );
    expect(frame(120)[0]).toBe('⠼ a9767ede… MysqlResizeVolume          ███████░░░  70% ~4m left Running   1m2s');
    expect(frame(70)[0]).toBe('⠼ a9767ede… MysqlResizeVolume          ███████░░░  70% Running   1m2s');
  });

  it('one job: the bar in its single line', () => {
    expect(lines([running('a9767ede', 'CreateMysqlSingleHAInstance', '60% ')], 100, 30)).toEqual([
      '⠼ a9767ede… CreateMysqlSingleHAInstance ██████░░░░  60% Running 1m2s',
    ]);
  });

  it('40×10: the bar, the id and an implied Running give way before the names are cut', () => {
    expect(lines(THREE, 40, 10)).toEqual([
      '⠼ MysqlResizeVolume  70%           1m2s',
      '✔ CreateMysqlRepli…      Completed  48s',
      '✖ BindEIP                Failed     12s',
      '  EIP already bound',
    ]);
  });

  it('20×5: ✔, ✖ and the percentage say it all; names cut with …', () => {
    expect(lines([...THREE, other('d0000000', 'checking')], 20, 5)).toEqual([
      '⠼ MysqlR…  70% 1m2s',
      '✔ Create…       48s',
      '✖ BindEIP       12s',
      '⠼ d00000…      1m2s',
    ]);
  });

  it('before the first answer: the id, and what it is waiting for', () => {
    expect(lines([other('a9767ede', 'checking'), other('7e3b2d5a', 'not-visible')], 80, 24)).toEqual([
      '⠼ a9767ede… checking        1m2s',
      '⠼ 7e3b2d5a… not visible yet 1m2s',
    ]);
  });

  it('no percentage: the status alone; an unknown status as the API sent it', () => {
    expect(lines([running('a', 'X', ''), running('b', 'Y', '', 'Queued')], 80, 24)).toEqual([
      '⠼ a… X Running 1m2s',
      '⠼ b… Y Queued  1m2s',
    ]);
  });

  it('the spinner turns with the frame number, the same on every running line', () => {
    const frames = [0, 1, 2, 9, 10].map((tick) =>
      lines([running('a', 'X', '1%'), running('b', 'Y', '2%')], 80, 24, { tick }).map((l) => l[0]),
    );
    expect(frames).toEqual([
      ['⠋', '⠋'],
      ['⠙', '⠙'],
      ['⠹', '⠹'],
      ['⠏', '⠏'],
      ['⠋', '⠋'],
    ]);
  });

  it('CJK names count two columns each: aligned, and cut on a character boundary', () => {
    const items = [running('a', '创建只读实例', '30%'), running('b', 'MysqlResizeVolume', '50%')];
    expect(lines(items, 120, 24)).toEqual([
      '⠼ a… 创建只读实例      ███░░░░░░░  30% Running 1m2s',
      '⠼ b… MysqlResizeVolume █████░░░░░  50% Running 1m2s',
    ]);
    const narrow = lines([running('a', '创建只读实例创建只读实例', '30%')], 20, 5);
    expect(narrow).toEqual(['⠼ 创建只…  30% 1m2s']);
    expect(displayWidth(narrow[0]!)).toBeLessThanOrEqual(19);
  });

  it('control characters and escapes in a name are shown as text', () => {
    const [line] = lines([running('a', 'evil\u001b[2J\nname', '10%')], 120, 24);
    expect(line).toContain('evil\\x1b[2J\\nname');
    expect(line).not.toMatch(/[\u0000-\u001f]/);
  });

  it('an error ends a line with ✖ and the error under it', () => {
    const item: LiveItem = {
      id: 'x',
      short: 'x',
      since: T0,
      state: {
        kind: 'ended',
        result: { id: 'x', outcome: 'not-found', elapsedMs: 60_000, error: new Error('RDS API error 404') },
      },
    };
    expect(lines([item, running('a', 'X', '10%')], 80, 24)).toEqual([
      '✖ x                    not found   1m',
      '  RDS API error 404',
      '⠼ a… X █░░░░░░░░░  10% Running   1m2s',
    ]);
  });
});

describe('liveLines: never more lines than the terminal has rows', () => {
  const many = [
    ended('d1', 'MysqlResizeVolume', 'completed', 30_000),
    ended('d2', 'MysqlResizeVolume', 'completed', 31_000),
    ended('f1', 'BindEIP', 'failed', 12_000, { fail_reason: 'EIP already bound' }),
    ...Array.from({ length: 15 }, (_, i) => running(`r${i}`, 'CreateMysqlReplicaInstance', `${i * 5}%`)),
  ];

  it('everything fits: every line', () => expect(lines(many, 100, 40)).toHaveLength(19));

  it('one line short: the reasons go first', () => {
    const shown = lines(many, 100, 19);
    expect(shown).toHaveLength(18);
    expect(shown.join('\n')).not.toContain('EIP already bound');
  });

  it('fewer rows: the finished ones fold into one count', () => {
    const shown = lines(many, 100, 17);
    expect(shown).toHaveLength(16);
    expect(shown[0]).toBe('✔ 2 completed  ✖ 1 failed');
    expect(shown.slice(1).every((line) => line.startsWith('⠼ r'))).toBe(true);
  });

  it('fewer still: the first running ones, then … and N more', () => {
    const shown = lines(many, 100, 8);
    expect(shown).toHaveLength(7);
    expect(shown[0]).toBe('✔ 2 completed  ✖ 1 failed');
    expect(shown.slice(1, 6).map((l) => l.slice(0, 5))).toEqual(['⠼ r0…', '⠼ r1…', '⠼ r2…', '⠼ r3…', '⠼ r4…']);
    expect(shown[6]).toBe('… and 10 more');
  });

  it.each([
    [3, ['✔ 2 completed  ✖ 1 failed', '… and 15 more']],
    [2, ['✔ 2 completed  ✖ 1 failed']],
    [1, ['✔ 2 completed  ✖ 1 failed']],
  ])('%i rows', (rows, expected) => expect(lines(many, 100, rows)).toEqual(expected));

  it('nothing finished and too many: … and N more', () => {
    const shown = lines(many.slice(3), 100, 5);
    expect(shown).toHaveLength(4);
    expect(shown[3]).toBe('… and 12 more');
  });
});

describe('liveLines: the instance wait', () => {
  const frame = (items: LiveItem[], rows = 24) =>
    liveLines(
      { items, now: NOW, tick: 0, instance: { short: '4d00c7…in01', startedAt: T0 } },
      { columns: 80, rows },
      PLAIN,
    );

  it('a first line about the instance, then its tasks', () => {
    expect(frame([])).toEqual(['⠋ instance 4d00c7…in01: looking for running tasks 1m2s']);
    expect(frame([running('t1', 'MysqlResizeVolume', '30'), ended('t2', 'BindEIP', 'completed', 5_000)])).toEqual([
      '⠋ instance 4d00c7…in01: 1 task running 1m2s',
      '⠋ t1… MysqlResizeVolume ███░░░░░░░  30% Running   1m2s',
      '✔ t2… BindEIP                           Completed   5s',
    ]);
  });

  it('--since, before a task of the window is listed: says what it looks for, not just "running tasks"', () => {
    const lines = liveLines(
      { items: [], now: NOW, tick: 0, instance: { short: 'orders-db', startedAt: T0, windowEmptyMs: 5 * 60_000 } },
      { columns: 80, rows: 24 },
      PLAIN,
    );
    expect(lines).toEqual(['⠋ instance orders-db: looking for a task started in the last 5m 1m2s']);
  });

  it('the instance line counts against the rows too', () => {
    expect(frame([running('t1', 'A', '1'), running('t2', 'B', '2'), running('t3', 'C', '3')], 3)).toEqual([
      '⠋ instance 4d00c7…in01: 3 tasks running 1m2s',
      '… and 3 more',
    ]);
  });
});

describe('liveLines: any jobs, any terminal', () => {
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('创建只读实例', '😀🚀', 'a\u0301b', '\u001b[31m', 'x'.repeat(300)),
  );
  const state: fc.Arbitrary<LiveState> = fc.oneof(
    fc.constant({ kind: 'checking' as const }),
    fc.constant({ kind: 'not-visible' as const }),
    fc
      .record({ name: fc.anything(), status: fc.anything(), process: fc.anything() })
      .map((item) => ({ kind: 'running', item }) satisfies LiveState),
    fc
      .record({
        outcome: fc.constantFrom(
          'completed',
          'failed',
          'timeout',
          'interrupted',
          'stopped',
          'error',
          'not-found',
        ) as fc.Arbitrary<ItemResult['outcome']>,
        name: text,
        reason: fc.option(text),
        elapsedMs: fc.nat(10 ** 9),
      })
      // `satisfies`: an object built inside .map is checked field by field, so a stale field fails the type check.
      .map(
        ({ outcome, name, reason, elapsedMs }) =>
          ({
            kind: 'ended',
            result: {
              id: 'x',
              outcome,
              elapsedMs,
              error: new Error(reason ?? 'e'),
              item: { name, fail_reason: reason },
            },
          }) satisfies LiveState,
      ),
  );
  // Ids reach the view through shortIds(), which sanitises them like every other text from the API.
  const item = fc
    .record({ id: fc.string({ minLength: 1 }), short: text.map(sanitize), state })
    .map((i) => ({ ...i, since: T0 }) satisfies LiveItem);

  it('no line wider than the columns allow, never more lines than the rows, never a raw control character', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 30 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 60 }),
        fc.nat(),
        fc.boolean(),
        (items, columns, rows, tick, instance) => {
          const shown = liveLines(
            { items, now: NOW, tick, instance: instance ? { short: 'i', startedAt: T0 } : undefined },
            { columns, rows },
            PLAIN,
          );
          expect(shown.length).toBeLessThanOrEqual(Math.max(1, rows - 1));
          for (const line of shown) {
            expect(displayWidth(line)).toBeLessThanOrEqual(Math.max(1, columns - 1));
            expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('finalLines: what stays once the wait ends', () => {
  it('each Completed or Failed job once, aligned; the reason whole, however long', () => {
    const reason = 'EIP 119.3.10.7 is already bound to another instance (DBS.280431); unbind it or choose another EIP';
    const items = [...THREE.slice(0, 2), ended('c41f0b2e', 'BindEIP', 'failed', 12_000, { fail_reason: reason })];
    expect(finalLines(items, 60, PLAIN)).toEqual([
      '✔ 7e3b2d5a… CreateMysqlReplicaInstance Completed 48s',
      '✖ c41f0b2e… BindEIP                    Failed    12s',
      `  ${reason}`,
    ]);
  });

  it('a task already finished when the wait began (--since) says so where its time would be', () => {
    const before = ended('1a2b3c4d', 'ResizeFlavor', 'completed', 0);
    if (before.state.kind === 'ended') before.state.result.endedBeforeWait = true;
    expect(finalLines([before, THREE[1]!], 80, PLAIN)).toEqual([
      '✔ 1a2b3c4d… ResizeFlavor               Completed before the wait began',
      '✔ 7e3b2d5a… CreateMysqlReplicaInstance Completed                   48s',
    ]);
  });

  it('timeouts, errors and Ctrl-C are left to the summary', () => {
    const items = [
      ended('a', 'X', 'timeout', 1000),
      ended('b', 'Y', 'interrupted', 1000),
      ended('c', 'Z', 'error', 1000),
      running('d', 'W', '10%'),
    ];
    expect(finalLines(items, 80, PLAIN)).toEqual([]);
  });
});

describe('one vocabulary (outcome.ts OUTCOME_LABELS): the live view names an ending as the step summary does', () => {
  it.each([
    ['interrupted', 'interrupted'],
    ['stopped', 'stopped'],
    ['timeout', 'timed out'],
    ['not-found', 'not found'],
  ] as const)('%s reads %j in both', (outcome, label) => {
    const [line] = lines([ended('a', 'X', outcome, 1000)], 80, 24);
    expect(line).toContain(` ${label} `);
    const row = stepSummary([{ id: 'a', outcome, item: { name: 'X' }, elapsedMs: 1000 }], 'job').split('\n')[4];
    expect(row).toBe(`| a | X | ${label} | 1s | - |`);
  });
});

describe('truncateToWidth', () => {
  it.each([
    ['MysqlResizeVolume', 8, 'MysqlRe…'],
    ['创建只读实例', 4, '创…'],
    ['创建只读实例', 5, '创建…'],
    ['😀😀😀', 4, '😀…'],
    ['short', 10, 'short'],
    ['anything', 0, ''],
    ['\u001b[31mcoloured text\u001b[39m', 5, '\u001b[31mcolo…\u001b[39m'],
  ])('%j to %i columns → %j', (text, width, expected) => {
    expect(truncateToWidth(text, width)).toBe(expected);
    expect(displayWidth(truncateToWidth(text, width))).toBeLessThanOrEqual(width);
  });
});
