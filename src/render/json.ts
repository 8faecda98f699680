import { prettyJson, receivedText } from '../raw-json.js';

/**
 * The value exactly as received (unknown fields, key order, number and escape spellings kept), two-space indent,
 * one trailing newline. Jobs from the API print from their received text; anything else goes through
 * JSON.stringify. `undefined` has no JSON form and prints as `null` so stdout is always valid JSON.
 */
export function renderJson(value: unknown): string {
  // A null element stands for an id that was not found (get, wait): the others keep their received text.
  const texts = Array.isArray(value)
    ? value.map((element) => (element === null ? 'null' : receivedText(element)))
    : [receivedText(value)];
  if (texts.every((text): text is string => text !== undefined)) {
    return `${prettyJson(Array.isArray(value) ? `[${texts.join(',')}]` : texts[0]!)}\n`;
  }
  return `${JSON.stringify(value, null, 2) ?? 'null'}\n`;
}
