// Result tables on a terminal (docs/tables.md): each table at 40, 60, 80, 100, 120 and 200 columns, the order in
// which columns give way, and properties over any jobs and widths — never wider than the terminal, ids whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as jobs from '../../emulator/sample-jobs.js';
import type { Job } from '../../src/job.js';
import { fitTable } from '../../src/render/fit-table.js';
import { wrap } from '../../src/render/fit-fields.js';
import { measureFor } from '../../src/render/measure.js';
import { PLAIN } from '../../src/render/paint.js';
import type { ResultTable } from '../../src/render/result-table.js';
import { renderJobsResult, renderTasksResult } from '../../src/render/result-text.js';
import type { Task } from '../../src/task.js';
import { displayWidth, headToWidth } from '../../src/render/width.js';
import { SEVERAL_JOBS, TABLES_NOW, TASK_LIST, TASK_LIST_SEEN_ENDS } from '../support/table-samples.js';

const now = TABLES_NOW;
const at = (width: number | undefined, color = false) => ({ color, now, timeZone: 'UTC', width });
const WIDTHS = [40, 60, 80, 100, 120, 200] as const;

const LONG_REASON =
  'EIP 119.3.10.7 is already bound to another instance (DBS.280431); unbind it or choose another EIP, then retry';
const SEVERAL = SEVERAL_JOBS;
const TASKS = TASK_LIST;
const ONE: Job = { ...jobs.createFailed, name: '创建只读实例', fail_reason: LONG_REASON };

const TABLES: [name: string, render: (width: number | undefined) => Promise<string>, ids: string[]][] = [
  ['several jobs', (width) => renderJobsResult(SEVERAL, true, 'table', at(width)), SEVERAL.map((j) => j.id!)],
  ['task list', (width) => renderTasksResult(TASKS, 'table', at(width)), TASKS.map((t) => t.id!)],
  [
    'wait --instance',
    (width) => renderTasksResult(TASKS, 'table', at(width), TASK_LIST_SEEN_ENDS),
    TASKS.map((t) => t.id!),
  ],
  ['one job', (width) => renderJobsResult([ONE], false, 'table', at(width)), [ONE.id!]],
];

const lines = (text: string) => text.replace(/\n$/, '').split('\n');
/** The id starts a line (or its value, indented), followed by a gap or nothing: whole, and easy to double-click. */
const idWhole = (text: string, id: string) => lines(text).some((line) => new RegExp(`^(ID +| *)${id}( |$)`).test(line));
/** The row with cell `at` replaced (Array.prototype.with is ES2023). */
const replaced = (row: readonly string[], at: number, cell: string) => row.map((old, c) => (c === at ? cell : old));
const heads = (text: string) => lines(text)[0]!.trim().split(/ {2,}/);

describe.each(TABLES)('%s on a terminal', (name, render, ids) => {
  it.each(WIDTHS)('%i columns: no line wider, every id whole, the same picture as docs/tables.md', async (width) => {
    const text = await render(width);
    for (const line of lines(text)) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    for (const id of ids) expect(idWhole(text, id), id).toBe(true);
    expect(text).not.toMatch(/ +$/m);
    await expect(text).toMatchFileSnapshot(`../fixtures/terminal-tables/${name.replace(/\W+/g, '-')}.${width}.txt`);
  });
});

describe('which columns a width keeps (several jobs; the priorities of docs/tables.md)', () => {
  it.each<[number, string[]]>([
    [200, ['ID', 'NAME', 'STATUS', 'PROGRESS', 'CREATED', 'TOOK', 'INSTANCE', 'REASON']],
    [120, ['ID', 'NAME', 'STATUS', 'TOOK', 'INSTANCE', 'REASON']],
    [100, ['ID', 'NAME', 'STATUS', 'REASON']],
    // Two lines a job from here: the id alone, then the rest under it.
    [80, ['ID']],
  ])('%i columns: %j', async (width, expected) => {
    expect(heads(await renderJobsResult(SEVERAL, true, 'table', at(width)))).toEqual(expected);
  });

  it('200 columns: everything whole; CREATED an age and ENDED folded into TOOK', async () => {
    const text = await renderJobsResult(SEVERAL, true, 'table', at(200));
    expect(lines(text)[4]).toMatch(
      /^c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f {2}创建只读实例 +Failed +- +8y ago +11m9s +订单数据库-主 +实例创建失败：磁盘空间不足 \(DBS\.200019\)$/,
    );
  });

  it('80 columns: each job on two lines, the rest indented under its id', async () => {
    expect(lines(await renderJobsResult(SEVERAL, true, 'table', at(80))).slice(0, 5)).toEqual([
      'ID',
      '  NAME                STATUS       TOOK   INSTANCE      REASON',
      'a9767ede-fe0f-4888-9003-e843a4c90514',
      '  CreateMysqlSingle…  Completed    6h     DO-NOT-TOUC…  -',
      '7e3b2d5a-6a54-4d2e-9f2a-1b8c5d9e0f11',
    ]);
  });

  it('the list at 100 columns: whole, CREATED as an age', async () => {
    expect(lines(await renderTasksResult(TASKS, 'table', at(100)))).toEqual([
      'ID                                NAME                STATUS     PROGRESS  INSTANCE      CREATED',
      '1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6  ResizeFlavor        Running    30%       orders-db     8d ago',
      '2b3c4d5e6f7a48b9c0d1e2f3a4b5c6d7  CreateManualBackup  Completed  -         orders-db     8d ago',
      '3c4d5e6f7a8b49c0d1e2f3a4b5c6d7e8  MysqlBindEIP        Failed     -         analytics-db  8d ago',
      '4d5e6f7a8b9c4ad0e1f2a3b4c5d6e7f8  RestartInstance     Completed  -         analytics-db  8d ago',
      '5e6f7a8b9c0d4e1f2a3b4c5d6e7f8a9b  绑定弹性公网IP      Failed     -         分析库        8d ago',
    ]);
  });
});

describe('fitTable: what gives way, in order', () => {
  const measure = { width: (text: string) => text.length, head: (text: string, w: number) => text.slice(0, w) };
  const table: ResultTable = {
    columns: ['id', 'name', 'status', 'progress', 'created', 'took', 'instance', 'reason'],
    rows: [
      ['job-1', 'ResizeVolume', 'Running', '30%', '5m ago', '-', 'orders-db', '-'],
      ['job-2', 'BindEIP', 'Failed', '-', '1h ago', '2m', 'analytics-db', 'EIP already bound to another resource'],
    ],
    statuses: ['Running', 'Failed'],
  };
  const layout = (width: number, t: ResultTable = table) => lines(fitTable(t, width, measure, PLAIN));
  const whole = layout(500); // 105 columns at most

  it('wide enough: every column, every value whole', () => {
    expect(whole[2]).toBe(
      'job-2  BindEIP       Failed   -         1h ago   2m    analytics-db  EIP already bound to another resource',
    );
  });
  it('1. the reason is cut first, from its end, down to 24 columns', () => {
    expect(layout(100)[2]).toMatch(/ {2}analytics-db {2}EIP already bound to another r…$/);
    const floor = layout(93);
    expect(heads(floor.join('\n'))).toContain('PROGRESS');
    expect(floor[2]).toMatch(/ {2}EIP already bound to an…$/);
  });
  it('2. then PROGRESS folds into STATUS', () => {
    const text = layout(92);
    expect(heads(text.join('\n'))).toEqual(['ID', 'NAME', 'STATUS', 'CREATED', 'TOOK', 'INSTANCE', 'REASON']);
    expect(text[1]).toMatch(/^job-1 {2}ResizeVolume {2}Running 30% {2}5m ago/);
  });
  it('3. then columns with nothing in them go (before any column with something in it)', () => {
    const noTook: ResultTable = { ...table, rows: table.rows.map((row) => replaced(row, 5, '-')) };
    expect(heads(layout(86, noTook).join('\n'))).toEqual(['ID', 'NAME', 'STATUS', 'CREATED', 'INSTANCE', 'REASON']);
    expect(heads(layout(86).join('\n'))).toEqual(['ID', 'NAME', 'STATUS', 'TOOK', 'INSTANCE', 'REASON']);
  });
  it('4. then INSTANCE is cut (down to 12), then NAME (down to 16); 5. then CREATED, TOOK and INSTANCE go', () => {
    const long: ResultTable = {
      ...table,
      rows: table.rows.map((row) =>
        replaced(replaced(row, 1, 'CreateMysqlSingleHAInstance'), 6, 'DO-NOT-TOUCH-mgr2-mysql'),
      ),
    };
    expect(layout(112, long)[1]).toMatch(/ CreateMysqlSingleHAInstance .* DO-NOT-TOUCH-mgr2-mys… /);
    expect(layout(100, long)[1]).toMatch(/ CreateMysqlSingleHAInsta… .* DO-NOT-TOUC… /);
    expect(heads(layout(90, long).join('\n'))).toEqual(['ID', 'NAME', 'STATUS', 'TOOK', 'INSTANCE', 'REASON']);
    expect(heads(layout(80, long).join('\n'))).toEqual(['ID', 'NAME', 'STATUS', 'INSTANCE', 'REASON']);
    // Each column that goes gives its room back to the names first.
    expect(layout(80, long)[1]).toMatch(/ CreateMysqlSingleHA… /);
    expect(heads(layout(74, long).join('\n'))).toEqual(['ID', 'NAME', 'STATUS', 'REASON']);
  });
  it('6. then two lines a row; a terminal too narrow for anything keeps the ids whole and cuts the rest', () => {
    const narrow = layout(12);
    expect(narrow.filter((_, i) => i % 2 === 0)).toEqual(['ID', 'job-1', 'job-2']);
    for (const line of narrow) expect(line.length).toBeLessThanOrEqual(12);
  });
});

describe('the one-job view on a terminal', () => {
  it('a long value wraps inside its column: continuations start under the value, never at column 0', async () => {
    const text = await renderJobsResult([ONE], false, 'table', at(80));
    expect(lines(text).slice(-2)).toEqual([
      'Fail reason  EIP 119.3.10.7 is already bound to another instance (DBS.280431);',
      '             unbind it or choose another EIP, then retry',
    ]);
  });
  it('too narrow for the id beside its label: each label above its value', async () => {
    expect(lines(await renderJobsResult([ONE], false, 'table', at(40))).slice(0, 4)).toEqual([
      'ID',
      '  e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
      'Name',
      '  创建只读实例',
    ]);
  });
  it('colour on every wrapped line of the reason', async () => {
    const text = await renderJobsResult([ONE], false, 'table', at(80, true));
    expect(
      lines(text)
        .slice(-2)
        .every((line) => line.includes('\u001b[31m')),
    ).toBe(true);
  });
  it.each<[string, string, number, string[]]>([
    ['breaks at spaces', 'EIP 119.3 is bound', 10, ['EIP 119.3', 'is bound']],
    [
      'breaks a word longer than the width where it ends',
      'EIP 119.3 is bound',
      4,
      ['EIP', '119.', '3 is', 'boun', 'd'],
    ],
    ['counts CJK as two columns', '创建只读实例', 5, ['创建', '只读', '实例']],
    ['keeps each line of a list apart', 'a b\nc', 10, ['a b', 'c']],
  ])('wrap %s', (_, text, width, expected) => {
    expect(wrap(text, width, { width: displayWidth, head: headToWidth })).toEqual(expected);
  });
});

describe('properties', () => {
  const run = { seed: 20261205, numRuns: 300 };
  const id = fc.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom('创建只读实例', '订单数据库-主', '😀🚀 emoji', 'a\u0301b', 'x'.repeat(120), ''),
  );
  const job = fc.record(
    {
      id,
      name: text,
      status: fc.oneof(fc.constantFrom('Running', 'Completed', 'Failed'), text),
      process: fc.oneof(fc.constantFrom('30%', '100', ''), text),
      created: fc.constantFrom('2026-12-01T09:00:00+0000', 'soon', undefined),
      ended: fc.constantFrom('2026-12-01T09:07:00+0000', undefined),
      instance: fc.oneof(fc.record({ id: text, name: text }, { requiredKeys: [] }), text),
      fail_reason: text,
    },
    { requiredKeys: ['id'] },
  );
  const width = fc.integer({ min: 40, max: 250 });

  it('several jobs: no line wider than the terminal, every id whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(job, { minLength: 2, maxLength: 6 }), width, async (list, w) => {
        const out = await renderJobsResult(list as Job[], true, 'table', at(w));
        for (const line of lines(out)) expect(displayWidth(line)).toBeLessThanOrEqual(w);
        for (const j of list) expect(idWhole(out, j.id)).toBe(true);
      }),
      run,
    );
  });

  it('tasks (list and wait --instance): the same', async () => {
    const task = job.map(({ instance, created, ...rest }) => ({
      ...rest,
      instance_name: typeof instance === 'string' ? instance : undefined,
      create_time: created,
    }));
    await fc.assert(
      fc.asyncProperty(fc.array(task, { minLength: 1, maxLength: 6 }), width, fc.boolean(), async (list, w, ended) => {
        const waited = ended
          ? list.map((t) => ({ id: String(t.id), endedAt: Date.UTC(2026, 11, 5, 17, 29) }))
          : undefined;
        const out = await renderTasksResult(list as Task[], 'table', at(w), waited);
        for (const line of lines(out)) expect(displayWidth(line)).toBeLessThanOrEqual(w);
        for (const t of list) expect(idWhole(out, t.id)).toBe(true);
      }),
      run,
    );
  });

  it('one job: the same, the id on one line', async () => {
    await fc.assert(
      fc.asyncProperty(job, width, async (j, w) => {
        const out = await renderJobsResult([j as Job], false, 'table', at(w));
        for (const line of lines(out)) expect(displayWidth(line)).toBeLessThanOrEqual(w);
        expect(lines(out).some((line) => line.endsWith(j.id))).toBe(true);
      }),
      run,
    );
  });

  it('printable ASCII is measured the same without string-width', async () => {
    const ascii = await measureFor(['plain']);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
        fc.nat(80),
        (s, w) => {
          expect(ascii.width(s)).toBe(displayWidth(s));
          expect(ascii.head(s, w)).toBe(headToWidth(s, w));
        },
      ),
      run,
    );
  });
});
