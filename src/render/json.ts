/**
 * The value exactly as received (unknown fields and key order kept), two-space indent, one trailing newline.
 * `undefined` has no JSON form and prints as `null` so stdout is always valid JSON.
 */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2) ?? 'null'}\n`;
}
