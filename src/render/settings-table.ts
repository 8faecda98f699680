// `config list`'s rows as columns.
import { columns } from './table.js';

export interface SettingRow {
  setting: string;
  value: string | null;
  source: string | null;
  /** Why an unset setting is unset, when that is worth saying (the project id). */
  note?: string;
}

export function renderSettingRows(rows: readonly SettingRow[]): string {
  return columns([
    ['SETTING', 'VALUE', 'SOURCE'],
    ...rows.map((row) => [row.setting, row.value ?? '-', row.source ?? row.note ?? 'not set']),
  ]);
}
