// Small readers of values whose shape nobody promises: API bodies, config files, errors thrown by Node.

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `code` of a Node system error (`ENOENT`, `EACCES`…), whatever threw it. */
export function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

// C0/C1 controls (ESC starts terminal escape sequences) and bidi overrides (they reorder what the user reads).
// The API's data is untrusted: a job name must not be able to move the cursor or recolour the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Shows control characters as visible escapes (`\n`, `\x1b`, `\u202e`) so one value stays one line and inert. */
export function sanitize(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
