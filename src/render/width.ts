// Display width, as a terminal counts it: CJK and emoji take two columns, escapes none. Text from the API has been
// through sanitize() first, so what is measured here is exactly what the terminal shows.
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** At most `width` columns, cut at the end with `…` (colour escapes kept intact); "" when width is 0 or less. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  // cli-truncate keeps a wide character that straddles the limit ("创建只读", 4 → "创建…", 5 columns): one less.
  for (let room = width; room > 0; room--) {
    const cut = cliTruncate(text, room, { position: 'end', truncationCharacter: '…' });
    if (displayWidth(cut) <= width) return cut;
  }
  return '';
}

/** The longest start of plain `text` (no escapes) at most `width` columns wide, cut between characters (no `…`). */
export function headToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let head = '';
  // By grapheme, as the terminal draws them: an accent stays with its letter, an emoji sequence stays whole.
  for (const { segment } of graphemes().segment(text)) {
    if (displayWidth(head + segment) > width) break;
    head += segment;
  }
  return head;
}

let segmenter: Intl.Segmenter | undefined;
const graphemes = () => (segmenter ??= new Intl.Segmenter());

/** `text` followed by spaces up to `width` columns (never cut). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Spaces before `text` up to `width` columns (never cut). */
export function padStartToWidth(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
