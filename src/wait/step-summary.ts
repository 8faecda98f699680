// GitHub Actions' run summary page: when GITHUB_STEP_SUMMARY names a file, a wait appends the final state of every
// job or task to it as a Markdown table (for `wait --instance`, the instance and how its wait ended too), however the
// wait ended, so the outcome shows on the run's page and not only in a log. Pure: the Markdown is built here, the
// command appends it.
import { sanitize, scalarText } from '../render/text.js';
import { errorText, tookOf } from './item-text.js';
import type { ItemNoun } from './lines.js';
import { OUTCOME_LABELS } from '../outcome.js';
import type { InstanceEnding } from './instance-ending.js';
import type { ItemResult } from './result.js';

/** What a cell may not contain: a `|` would start a new cell, a line break a new row; `\` and `*_[]<>` stay text. */
function cell(text: string | undefined): string {
  if (text === undefined || text === '') return '-';
  return sanitize(text).replace(/[\\|*_`[\]<>]/g, (c) => `\\${c}`);
}

const ENDED = OUTCOME_LABELS;

function reason(result: ItemResult): string | undefined {
  if (result.outcome === 'failed') return scalarText(result.item?.fail_reason);
  return result.error === undefined ? undefined : errorText(result.error);
}

/** `### rdsjob wait: 1 Completed, 1 Failed` and a table of every item, for the run's summary page. */
export function stepSummary(results: readonly ItemResult[], noun: ItemNoun): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(ENDED[r.outcome], (counts.get(ENDED[r.outcome]) ?? 0) + 1);
  const heading = [...counts].map(([what, n]) => `${n} ${what}`).join(', ') || `no ${noun}s`;
  const rows = results.map((r) => [r.id, scalarText(r.item?.name), ENDED[r.outcome], tookOf(r), reason(r)]);
  return `### rdsjob wait: ${heading}\n\n${itemTable(noun, rows)}\n\n`;
}

function itemTable(noun: ItemNoun, rows: readonly (readonly (string | undefined)[])[]): string {
  const head = [
    `| ${noun === 'job' ? 'Job' : 'Task'} | Name | Status | Took | Reason |`,
    '| --- | --- | --- | --- | --- |',
  ];
  return [...head, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

/** `wait --instance`: the instance, its last status and how the wait ended, and every task of the wait. */
export interface InstanceSummary {
  /** As the user named it. */
  ref: string;
  id?: string;
  status?: string;
  ending: InstanceEnding;
  /** Every task of the wait; a task's Took is its ✔ line's and the table's (item-text.ts tookOf). */
  tasks: readonly ItemResult[];
}

/** `### rdsjob wait --instance orders-db: STORAGE FULL`, the instance's row, and the tasks (or that none ran). */
export function instanceStepSummary(summary: InstanceSummary): string {
  const { ref, id, ending } = summary;
  const instance = id === undefined || id === ref ? ref : `${ref} (${id})`;
  const head = `### rdsjob wait --instance ${cell(ref)}: ${cell(ending.short)}`;
  const about = [
    '| Instance | Last status | Ending |',
    '| --- | --- | --- |',
    `| ${[instance, summary.status, ending.sentence].map(cell).join(' | ')} |`,
  ].join('\n');
  const status = (r: ItemResult) =>
    r.outcome === 'stopped' && ending.stoppedBy !== undefined ? `stopped (${ending.stoppedBy})` : ENDED[r.outcome];
  const rows = summary.tasks.map((r) => [r.id, scalarText(r.item?.name), status(r), tookOf(r), reason(r)]);
  const tasks = rows.length === 0 ? 'No task ran on the instance during the wait.' : itemTable('task', rows);
  return `${head}\n\n${about}\n\n${tasks}\n\n`;
}
