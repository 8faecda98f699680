// --debug tracing of HTTP traffic. Every value passes through `maskHeader` first, so no secret key, security token,
// IAM token or signature can reach the trace, whatever headers a request carries.

/** Headers whose values are shown as they are; every other header's value is masked (safe by default). */
const PLAIN_HEADERS = new Set([
  'host',
  'user-agent',
  'accept',
  'accept-encoding',
  'accept-language',
  'content-type',
  'content-length',
  'x-project-id',
  'x-sdk-date',
  'x-language',
]);

const MASK = '****';

/** The access key keeps its first 4 characters (enough to tell keys apart); the signature is masked. */
export function maskAuthorization(value: string): string {
  const match = /^(\S+)\s+Access=([^,\s]*),\s*SignedHeaders=([^,\s]*)/.exec(value);
  if (!match) return MASK;
  const [, algorithm, access = '', signed = ''] = match;
  return `${algorithm} Access=${access.slice(0, 4)}…, SignedHeaders=${signed}, Signature=${MASK}`;
}

export function maskHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization') return maskAuthorization(value);
  return PLAIN_HEADERS.has(lower) ? value : MASK;
}

export type HeaderValues = Readonly<Record<string, string | string[] | number | undefined>>;

export function requestLines(method: string, url: string, headers: HeaderValues): string[] {
  const lines = [`> ${method.toUpperCase()} ${url}`];
  for (const name of Object.keys(headers).sort()) {
    const value = headers[name];
    if (value === undefined) continue;
    lines.push(`>   ${name}: ${maskHeader(name, String(value))}`);
  }
  return lines;
}

export function responseLine(status: number, elapsedMs: number, requestId?: string): string {
  return `< ${status} (${Math.round(elapsedMs)} ms)${requestId ? ` request id ${requestId}` : ''}`;
}

export function retryLine(delayMs: number, reason: string): string {
  return `retrying in ${(delayMs / 1000).toFixed(1)}s after ${reason}`;
}

/** Writes trace lines to an injected sink; a no-op when --debug is off. */
export interface Tracer {
  request(method: string, url: string, headers: HeaderValues): void;
  response(status: number, elapsedMs: number, requestId?: string): void;
  retry(delayMs: number, reason: string): void;
  note(line: string): void;
}

export function createTracer(debug?: (line: string) => void): Tracer {
  const write = debug ?? (() => {});
  return {
    request: (method, url, headers) => requestLines(method, url, headers).forEach(write),
    response: (status, elapsedMs, requestId) => write(responseLine(status, elapsedMs, requestId)),
    retry: (delayMs, reason) => write(retryLine(delayMs, reason)),
    note: write,
  };
}
