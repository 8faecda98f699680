// Turns arbitrary JSON values into safe, single-line display text.

// sanitize lives with the other small readers of untrusted values (values.ts), so the API layer can use it too.
export { sanitize } from '../values.js';
import { sanitize } from '../values.js';

function isScalar(value: unknown): value is string | number | boolean | bigint {
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'bigint';
}

/** A scalar as trimmed, sanitised text; `undefined` for absent, empty, or non-scalar values. */
export function scalarText(value: unknown): string | undefined {
  if (!isScalar(value)) return undefined;
  const s = sanitize(String(value).trim());
  return s === '' ? undefined : s;
}

/** Any value as display text: scalars as-is, arrays of scalars one per line, anything else as compact JSON. */
export function anyText(value: unknown): string | undefined {
  const scalar = scalarText(value);
  if (scalar !== undefined) return scalar;
  if (value === null || value === undefined || typeof value !== 'object') return undefined;
  if (Array.isArray(value) && value.every((v) => v === null || isScalar(v))) {
    const lines = value.map(scalarText).filter((v): v is string => v !== undefined);
    return lines.length > 0 ? lines.join('\n') : undefined;
  }
  if (!Array.isArray(value) && Object.keys(value).length === 0) return undefined;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return undefined;
  }
  if (json === undefined) return undefined;
  return sanitize(json.length > 200 ? `${json.slice(0, 199)}…` : json);
}

/** A plain object (as JSON parsing produces), or undefined for arrays, null and scalars. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `charge_mode` → `Charge mode`, for entity fields this version does not know by name. */
export function humanizeKey(key: string): string {
  const words = sanitize(key).replace(/[_-]+/g, ' ').trim();
  return words === '' ? sanitize(key) : words.charAt(0).toUpperCase() + words.slice(1);
}
