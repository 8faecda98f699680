// `--json` prints the API's job (or task) objects exactly as received. JSON.parse alone cannot: it rounds integers
// beyond 2^53 and turns `1.0` into `1` and `"\u00e9"` into `"é"`. So the text of each object is kept beside the
// parsed one, and printed re-indented token by token. These functions expect text that JSON.parse has accepted.

const received = new WeakMap<object, string>();

/** Remembers the text `value` was parsed from, for printing it as received. */
export function rememberText(value: object, text: string): void {
  received.set(value, text);
}

/** The text `value` was parsed from, when it came from an API response. */
export function receivedText(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? received.get(value) : undefined;
}

/** The raw text of member `key` of the top-level object in `text` (the last one, as JSON.parse keeps). */
export function rawMember(text: string, key: string): string | undefined {
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return undefined;
  i = skipSpace(text, i + 1);
  let found: string | undefined;
  while (i < text.length && text[i] !== '}') {
    const keyEnd = skipString(text, i);
    const name = JSON.parse(text.slice(i, keyEnd)) as string;
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1); // past ':'
    const valueEnd = skipValue(text, valueStart);
    if (name === key) found = text.slice(valueStart, valueEnd);
    i = skipSpace(text, valueEnd);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return found;
}

/** The raw text of each element of the JSON array `text`, in order. */
export function rawElements(text: string): string[] {
  const elements: string[] = [];
  let i = skipSpace(text, 0);
  if (text[i] !== '[') return elements;
  i = skipSpace(text, i + 1);
  while (i < text.length && text[i] !== ']') {
    const end = skipValue(text, i);
    elements.push(text.slice(i, end));
    i = skipSpace(text, end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return elements;
}

/** `raw` (valid JSON) with two-space indentation, as JSON.stringify(value, null, 2) lays it out, tokens untouched. */
export function prettyJson(raw: string): string {
  let out = '';
  let depth = 0;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"') {
      const end = skipString(raw, i);
      out += raw.slice(i, end);
      i = end - 1;
    } else if (c === '{' || c === '[') {
      const next = skipSpace(raw, i + 1);
      if (raw[next] === '}' || raw[next] === ']') {
        out += c + raw[next];
        i = next;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') {
      out += `,${newline()}`;
    } else if (c === ':') {
      out += ': ';
    } else if (!isSpace(c)) {
      out += c;
    }
  }
  return out;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

function skipSpace(text: string, i: number): number {
  while (isSpace(text[i])) i++;
  return i;
}

/** `i` at an opening quote; returns the index just past the closing one. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = skipString(text, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !isSpace(text[j]) && text[j] !== ',' && text[j] !== '}' && text[j] !== ']') j++;
  return j;
}
