// Borderless, space-aligned columns (the kubectl/gh look): easy to read, grep and copy from.
import Table from 'cli-table3';

const NO_BORDERS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

/** Rows of already-formatted cells (colour included) as aligned text ending in "\n"; "" when there are no rows. */
export function columns(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  // Empty head/border styles: cli-table3 would otherwise add its own ANSI colours regardless of our colour choice.
  const table = new Table({
    chars: NO_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  table.push(...rows.map((row) => [...row]));
  // cli-table3 pads the last column too; trailing blanks are noise in logs and diffs.
  return `${table.toString().replace(/ +$/gm, '')}\n`;
}
