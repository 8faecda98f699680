// A result table as plain cells, before it is laid out: piped, as aligned columns exactly as they always were
// (table.ts); on a terminal, fitted to its width (fit-table.ts). Colour is added by whichever lays it out.
import { columns } from './table.js';
import type { Paint } from './paint.js';
import { statusColor } from './status.js';

/** What a column holds: how it is headed, and how it gives way on a narrow terminal (fit-table.ts). */
export type ColumnRole = 'id' | 'name' | 'status' | 'progress' | 'created' | 'ended' | 'took' | 'instance' | 'reason';

export const HEADS: Readonly<Record<ColumnRole, string>> = {
  id: 'ID',
  name: 'NAME',
  status: 'STATUS',
  progress: 'PROGRESS',
  created: 'CREATED',
  ended: 'ENDED',
  took: 'TOOK',
  instance: 'INSTANCE',
  reason: 'REASON',
};

export interface ResultTable {
  columns: readonly ColumnRole[];
  /** Plain text, one cell per column; `-` where there is no value. */
  rows: readonly (readonly string[])[];
  /** Each row's status as received, which colours its STATUS cell. */
  statuses: readonly (string | undefined)[];
}

/** The table as piped output has it: every column, every value whole, aligned by cli-table3. */
export function pipedText(table: ResultTable, chalk: Paint): string {
  const status = table.columns.indexOf('status');
  const rows = table.rows.map((cells, r) =>
    cells.map((cell, c) => (c === status ? statusColor(table.statuses[r], chalk)(cell) : cell)),
  );
  return columns([table.columns.map((role) => chalk.bold(HEADS[role])), ...rows]);
}
