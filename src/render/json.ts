import { prettyJson, receivedText } from '../raw-json.js';

/**
 * The value exactly as received (unknown fields, key order, number and escape spellings kept), two-space indent,
 * one trailing newline. Jobs from the API print from their received text; anything else goes through
 * JSON.stringify. `undefined` has no JSON form and prints as `null` so stdout is always valid JSON.
 */
export function renderJson(value: unknown): string {
  const texts = Array.isArray(value) ? value.map(receivedText) : [receivedText(value)];
  if (texts.every((text): text is string => text !== undefined)) {
    return `${prettyJson(Array.isArray(value) ? `[${texts.join(',')}]` : texts[0]!)}\n`;
  }
  return `${JSON.stringify(value, null, 2) ?? 'null'}\n`;
}
