// Reading a request the way the gateway does: from what the wire carried, not from what the client meant.
// A client whose wire encoding differs from what it signed must therefore fail to authenticate here.
import type { IncomingHttpHeaders } from 'node:http';

export interface WireRequest {
  method: string;
  /** Path exactly as sent, still percent-encoded, without the query. */
  rawPath: string;
  /** Query exactly as sent, without the `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function splitTarget(target: string): { rawPath: string; rawQuery: string } {
  const mark = target.indexOf('?');
  return mark < 0
    ? { rawPath: target, rawQuery: '' }
    : { rawPath: target.slice(0, mark), rawQuery: target.slice(mark + 1) };
}

/** Each segment decoded on its own (an encoded `/` stays inside its segment); undefined when not decodable. */
export function decodePathSegments(rawPath: string): string[] | undefined {
  return decodeAll(rawPath.split('/'));
}

/**
 * Split on `&` and the first `=`, then percent-decode. A `+` stays a literal plus, as on the gateway:
 * only `%20` means a space.
 */
export function parseQuery(rawQuery: string): Array<[string, string]> | undefined {
  if (rawQuery === '') return [];
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const decoded = decodeAll(eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)]);
    if (!decoded) return undefined;
    pairs.push([decoded[0]!, decoded[1]!]);
  }
  return pairs;
}

/** First value of a query parameter, or undefined. */
export function queryValue(pairs: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  return pairs.find(([key]) => key === name)?.[1];
}

/** A header as one string (repeated headers joined as Node joins them), or undefined when absent. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

function decodeAll(parts: string[]): string[] | undefined {
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}
