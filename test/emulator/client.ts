// A tiny client for the emulator's tests: signs with the real signer, then lets a test change what goes on the wire.
import { request } from 'node:http';
import { encodeQuery, sign } from '../../src/signer.js';
import { PROJECT_ID } from '../../emulator/sample-jobs.js';

export const NOW = Date.UTC(2024, 0, 2, 3, 4, 5);
export const AK = 'TESTAK0000000000TEST';
export const SK = 'test-secret-key';
export const TEMP = { accessKey: 'TEMPAK00000000000TMP', secretKey: 'temp-secret', securityToken: 'temp-token-abc' };
export const TOKEN = 'MIIEXAMPLEIAMTOKEN';
export const REGION = 'cn-north-4';

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape the emulator answered
  json(): any;
}

export interface RawRequest {
  method?: string;
  /** Path and query exactly as they go on the wire. */
  target: string;
  headers?: Record<string, string>;
  body?: string;
}

export function send(url: string, raw: RawRequest): Promise<Response> {
  const { hostname, port } = new URL(url);
  const headers = { ...raw.headers };
  // Without a length Node sends a GET body unframed; the gateway would read it as the next request.
  if (raw.body) headers['Content-Length'] = String(Buffer.byteLength(raw.body));
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, method: raw.method ?? 'GET', path: raw.target, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
        });
      },
    );
    req.on('error', reject);
    req.end(raw.body);
  });
}

export interface SignedCall {
  method?: string;
  path?: string;
  query?: Array<[string, string]>;
  /** Sent instead of the query the signature covers. */
  wireQuery?: string;
  /** Signed and sent. */
  headers?: Record<string, string>;
  /** Sent without being signed (or replacing a signed value after signing). */
  extraHeaders?: Record<string, string>;
  /** Signed headers left off the wire. */
  drop?: string[];
  credentials?: { accessKey: string; secretKey: string };
  time?: number;
  body?: string;
  wireBody?: string;
}

/** A request to `url` signed as the CLI would sign it; by default a ListJobInfo poll of `jobId`. */
export function signedCall(url: string, jobId: string, call: SignedCall = {}): Promise<Response> {
  const host = new URL(url).host;
  const path = call.path ?? `/v3/${PROJECT_ID}/jobs`;
  const query = call.query ?? [['id', jobId]];
  const headers = call.headers ?? { Host: host, 'X-Project-Id': PROJECT_ID };
  const signed = sign(
    { method: call.method ?? 'GET', path, query, headers, body: call.body ?? '' },
    call.credentials ?? { accessKey: AK, secretKey: SK },
    new Date(call.time ?? NOW),
  );
  const wire: Record<string, string> = { ...headers, ...signed.headers, ...call.extraHeaders };
  for (const name of call.drop ?? []) {
    for (const key of Object.keys(wire)) if (key.toLowerCase() === name.toLowerCase()) delete wire[key];
  }
  const queryString = call.wireQuery ?? encodeQuery(query);
  const target = path.split('/').map(encodeURIComponent).join('/') + (queryString ? `?${queryString}` : '');
  return send(url, { method: call.method, target, headers: wire, body: call.wireBody ?? call.body });
}

/** Headers for a token-authenticated poll. */
export function tokenHeaders(token: string): Record<string, string> {
  return { 'X-Auth-Token': token, 'X-Project-Id': PROJECT_ID };
}
