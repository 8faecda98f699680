// The one-job view laid out for a terminal of a given width: pure, so every width is a table test. A long value
// (a fail reason, resource ids, an endpoint) wraps inside the value column, each continuation starting under the
// value, never at column 0. When the value column is too narrow for the job's id to stay whole on its line, each
// label takes a line of its own and its value the lines under it, indented (docs/tables.md).
import type { Field } from './job-view.js';
import type { Measure } from './measure.js';

const GAP = '  ';
const INDENT = '  ';
/** Narrower than this, a value column reads as a ribbon: labels go above their values instead. */
const VALUE_MIN = 24;

export function fitFields(fields: readonly Field[], width: number, measure: Measure): string {
  if (fields.length === 0) return '';
  const labelWidth = Math.max(...fields.map((field) => measure.width(field.label)));
  const valueWidth = width - labelWidth - GAP.length;
  // The id is what people copy: it stays on one line.
  const id = fields.find((field) => field.label === 'ID');
  const stacked = valueWidth < Math.max(VALUE_MIN, id === undefined ? 0 : measure.width(id.value));
  const lines = fields.flatMap((field) => {
    const paint = field.paint ?? ((text: string) => text);
    if (stacked) {
      const values = wrap(field.value, Math.max(1, width - INDENT.length), measure);
      return [field.label, ...values.map((value) => INDENT + paint(value))];
    }
    const [first = '', ...rest] = wrap(field.value, valueWidth, measure);
    const label = field.label + ' '.repeat(labelWidth - measure.width(field.label)) + GAP;
    const under = ' '.repeat(labelWidth + GAP.length);
    return [label + paint(first), ...rest.map((value) => under + paint(value))];
  });
  // No trailing blanks: they are noise in logs and diffs.
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

/**
 * Lines of at most `width` columns: each line of `text` broken at spaces, and a word longer than the width broken
 * where the width ends (an id longer than the whole terminal has nowhere else to go).
 */
export function wrap(text: string, width: number, measure: Measure): string[] {
  return text.split('\n').flatMap((paragraph) => {
    const lines: string[] = [];
    let current = '';
    for (const word of paragraph.split(' ')) {
      const joined = current === '' ? word : `${current} ${word}`;
      if (measure.width(joined) <= width) {
        current = joined;
        continue;
      }
      if (current !== '') lines.push(current);
      current = word;
      while (measure.width(current) > width) {
        const head = measure.head(current, width) || [...current][0]!;
        lines.push(head);
        current = current.slice(head.length);
      }
    }
    lines.push(current);
    return lines;
  });
}
