// Label/value rows aligned in two columns: the one-job view (like `kubectl describe` or `gh … view`).
// It needs nothing but padding, so it does not go through cli-table3, whose cell machinery costs ~15 ms on first
// use — most of what `rdsjob get <id>` may spend (docs/performance.md). The output is the same as `columns()`
// gives for these rows (test/unit/render-fields.test.ts holds them to it). Labels are rdsjob's own words or
// humanized entity keys; values may carry colour and several lines.
export function fieldList(rows: readonly (readonly [label: string, value: string])[]): string {
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map(([label]) => label.length));
  const indent = ' '.repeat(width + 2);
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value.split('\n').join(`\n${indent}`)}`);
  // No trailing blanks: they are noise in logs and diffs.
  return `${lines.join('\n').replace(/ +$/gm, '')}\n`;
}
