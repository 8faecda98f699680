// How a table on a terminal measures its text. Display width (width.ts: CJK and emoji take two columns) needs
// string-width and cli-truncate, ~50 ms to load and warm up; text that is all printable ASCII — most tables — is one
// column a character, so measuring it needs neither. Both measures agree on such text (test/unit/fit-table.test.ts).

export interface Measure {
  /** Columns the text takes. Cells are plain here: colour is added after the layout. */
  width(text: string): number;
  /** The longest start of `text` at most `width` columns wide, cut on a character boundary. */
  head(text: string, width: number): string;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const ASCII: Measure = {
  width: (text) => text.length,
  head: (text, width) => text.slice(0, Math.max(0, width)),
};

/** The measure for these texts: plain ASCII is measured by its length; anything else loads display width. */
export async function measureFor(texts: Iterable<string>): Promise<Measure> {
  for (const text of texts) {
    if (!PRINTABLE_ASCII.test(text)) {
      const { displayWidth, headToWidth } = await import('./width.js');
      return { width: displayWidth, head: headToWidth };
    }
  }
  return ASCII;
}

/** At most `width` columns: whole when it fits, else cut with `…` at its end. */
export function cut(measure: Measure, text: string, width: number): string {
  if (measure.width(text) <= width) return text;
  if (width <= 0) return '';
  return `${measure.head(text, width - 1)}…`;
}
