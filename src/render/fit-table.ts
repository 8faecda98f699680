// A result table laid out for a terminal of a given width: pure, so every width is a table test. No line is wider
// than the terminal (measured as it displays: CJK and emoji take two columns) and ids are never cut — people copy
// them into the next command. What gives way when a table does not fit, first to last (docs/tables.md):
//   1. REASON is cut at its end, down to 24 columns: its start stays.
//   2. PROGRESS folds into STATUS (`Running 30%`).
//   3. Columns with nothing in them (every row `-`) go.
//   4. INSTANCE is cut down to 12 columns, then NAME down to 16.
//   5. CREATED goes, then TOOK, then INSTANCE (NAME may then be cut down to 12, REASON down to 16).
//   6. Each row takes two lines: its id, then its other cells indented under it, fitted to the rest by 1–5, then
//      REASON down to 12 and NAME down to 6; only a terminal too narrow even for that cuts every cell.
import { cut, type Measure } from './measure.js';
import type { Paint } from './paint.js';
import { type ColumnRole, HEADS, type ResultTable } from './result-table.js';
import { statusColor } from './status.js';

const GAP = '  ';
const INDENT = '  ';

interface Level {
  /** PROGRESS shown inside STATUS. */
  fold: boolean;
  /** Columns whose every cell is `-` left out. */
  dropEmpty: boolean;
  drop: readonly ColumnRole[];
  /** The columns that may be cut, and the narrowest each may become at this level. */
  floors: Partial<Readonly<Record<ColumnRole, number>>>;
}

/** Columns that may go when every cell is `-`: never the id, the name or the status. */
const OPTIONAL: readonly ColumnRole[] = ['progress', 'created', 'ended', 'took', 'instance'];
/** Cut first → given room back last. */
const CUT_ORDER: readonly ColumnRole[] = ['reason', 'instance', 'name'];
const NAMES_CUT = { reason: 24, instance: 12, name: 16 };

/**
 * What gives way, in order (the list at the top of this file, docs/tables.md): each step keeps what the steps before
 * it did — PROGRESS folded, empty columns gone, the columns dropped — and sets the floors the cut columns may reach.
 */
const STEPS: readonly (Partial<Omit<Level, 'floors'>> & Pick<Level, 'floors'>)[] = [
  { floors: { reason: 24 } },
  { fold: true, floors: { reason: 24 } },
  { dropEmpty: true, floors: { reason: 24 } },
  { floors: NAMES_CUT },
  { drop: ['created'], floors: NAMES_CUT },
  { drop: ['took'], floors: NAMES_CUT },
  { drop: ['instance'], floors: { reason: 16, name: 12 } },
  // Under an id line only: what is left when even the last level above does not fit the rest.
  { floors: { reason: 12, name: 6 } },
  // Every cell may be cut to one column (and the heads with them): a terminal too narrow for any table.
  { floors: { name: 1, status: 1, reason: 1, progress: 1 } },
];

const LADDER: readonly Level[] = (() => {
  const levels: Level[] = [];
  let before: Level = { fold: false, dropEmpty: false, drop: [], floors: {} };
  for (const step of STEPS) {
    before = {
      fold: step.fold ?? before.fold,
      dropEmpty: step.dropEmpty ?? before.dropEmpty,
      drop: [...before.drop, ...(step.drop ?? [])],
      floors: step.floors,
    };
    levels.push(before);
  }
  return levels;
})();
/** The levels a table tries on one line per row; the deepest two only under an id line. */
const LEVELS = LADDER.slice(0, -2);
const DEEPEST = LADDER.at(-2)!;
const LAST = LADDER.at(-1)!;

/** Columns as one level shows them: heads and cells plain, widths before any cut. */
interface Shown {
  roles: ColumnRole[];
  heads: string[];
  rows: string[][];
}

/** Paints one row's cells (plain, already cut) for the screen. */
type Painter = (roles: readonly ColumnRole[], cells: readonly string[], row: number) => string[];

/** The table's lines for a terminal `width` columns wide, coloured, ending in "\n"; "" for no rows. */
export function fitTable(table: ResultTable, width: number, measure: Measure, chalk: Paint): string {
  if (table.rows.length === 0) return '';
  const paintRow: Painter = (roles, cells, row) =>
    cells.map((cell, c) => (roles[c] === 'status' ? statusColor(table.statuses[row], chalk)(cell) : cell));
  const bold: Painter = (_, cells) => cells.map((cell) => chalk.bold(cell));

  for (const level of LEVELS) {
    const shown = show(table, level);
    const widths = widthsFor(shown, level, width, measure);
    if (widths === undefined) continue;
    const lines = [
      line(shown.roles, shown.heads, -1, bold, widths, measure),
      ...shown.rows.map((cells, r) => line(shown.roles, cells, r, paintRow, widths, measure)),
    ];
    return `${lines.join('\n')}\n`;
  }
  return twoLines(table, width, measure, chalk, paintRow, bold);
}

/** Each row as its id, then its other cells indented under it. */
function twoLines(
  table: ResultTable,
  width: number,
  measure: Measure,
  chalk: Paint,
  paintRow: Painter,
  bold: Painter,
): string {
  const idAt = table.columns.indexOf('id');
  const rest: ResultTable = {
    ...table,
    columns: table.columns.filter((_, c) => c !== idAt),
    rows: table.rows.map((cells) => cells.filter((_, c) => c !== idAt)),
  };
  const room = Math.max(1, width - INDENT.length);
  for (const level of [...LEVELS, DEEPEST, LAST]) {
    const shown = show(rest, level);
    let widths = widthsFor(shown, level, room, measure);
    if (widths === undefined && level !== LAST) continue;
    // Every column one column wide is still too wide for this terminal: the rightmost go until one is left.
    while (widths === undefined && shown.roles.length > 1) {
      for (const part of [shown.roles, shown.heads, ...shown.rows]) part.pop();
      widths = widthsFor(shown, level, room, measure);
    }
    const w = widths ?? [room];
    const lines = [chalk.bold(HEADS.id), INDENT + line(shown.roles, shown.heads, -1, bold, w, measure)];
    for (const [r, cells] of shown.rows.entries()) {
      lines.push(table.rows[r]![idAt] ?? '-', INDENT + line(shown.roles, cells, r, paintRow, w, measure));
    }
    return `${lines.join('\n')}\n`;
  }
  return '';
}

function show(table: ResultTable, level: Level): Shown {
  const empty = (c: number) => table.rows.every((cells) => cells[c] === '-');
  const progressAt = table.columns.indexOf('progress');
  const statusAt = table.columns.indexOf('status');
  const folding = level.fold && progressAt >= 0 && statusAt >= 0;
  const keep = table.columns
    .map((role, c) => ({ role, c }))
    .filter(
      ({ role, c }) =>
        !level.drop.includes(role) &&
        !(folding && role === 'progress') &&
        !(level.dropEmpty && OPTIONAL.includes(role) && empty(c)),
    );
  const cellOf = (cells: readonly string[], c: number) => {
    if (!folding || c !== statusAt || cells[progressAt] === '-') return cells[c]!;
    return cells[c] === '-' ? cells[progressAt]! : `${cells[c]} ${cells[progressAt]}`;
  };
  return {
    roles: keep.map(({ role }) => role),
    heads: keep.map(({ role }) => HEADS[role]),
    rows: table.rows.map((cells) => keep.map(({ c }) => cellOf(cells, c))),
  };
}

/**
 * Each column's width at this level, or undefined when even the cut columns at their floors do not fit. Cut columns
 * start at their floors and get the room left back, in the reverse of CUT_ORDER, so that each step cuts only what it
 * must: first up to the floors of step 4 (the deeper cuts of steps 5 and 6 undone first), then up to their whole width.
 */
function widthsFor(shown: Shown, level: Level, width: number, measure: Measure): number[] | undefined {
  const natural = shown.roles.map((_, c) =>
    Math.max(measure.width(shown.heads[c]!), ...shown.rows.map((cells) => measure.width(cells[c]!))),
  );
  const widths = shown.roles.map((role, c) => {
    const floor = level.floors[role];
    return floor === undefined ? natural[c]! : Math.min(natural[c]!, floor);
  });
  const total = () => widths.reduce((sum, w) => sum + w, 0) + GAP.length * (widths.length - 1);
  if (total() > width) return undefined;
  const at = (roles: readonly ColumnRole[]) =>
    roles.flatMap((role) => shown.roles.flatMap((r, c) => (r === role ? [c] : [])));
  const giveBack = (c: number, upTo: number) => {
    widths[c] = Math.max(widths[c]!, Math.min(upTo, widths[c]! + (width - total())));
  };
  const reversed = at([...CUT_ORDER].reverse());
  for (const c of reversed) giveBack(c, Math.min(natural[c]!, NAMES_CUT[shown.roles[c] as keyof typeof NAMES_CUT]));
  for (const c of reversed) giveBack(c, natural[c]!);
  // LAST cuts any column: what is left goes to them in order.
  for (const c of shown.roles.flatMap((r, c) => (level.floors[r] !== undefined && !CUT_ORDER.includes(r) ? [c] : [])))
    giveBack(c, natural[c]!);
  return widths;
}

/** One line: each cell cut to its column, painted, and padded (the last one not: no trailing blanks). */
function line(
  roles: readonly ColumnRole[],
  cells: readonly string[],
  row: number,
  paint: Painter,
  widths: readonly number[],
  measure: Measure,
): string {
  const plain = cells.map((cell, c) => cut(measure, cell, widths[c]!));
  return paint(roles, plain, row)
    .map((cell, c) => (c === plain.length - 1 ? cell : cell + ' '.repeat(widths[c]! - measure.width(plain[c]!))))
    .join(GAP);
}
