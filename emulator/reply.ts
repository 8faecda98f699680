// What a handler decides to send, kept as data so the server can log it before writing it.
import { randomBytes } from 'node:crypto';

export const JSON_TYPE = 'application/json;charset=UTF-8';

export type Reply =
  | { kind: 'send'; status: number; headers: Record<string, string>; body: string | Buffer }
  | { kind: 'reset' }
  | { kind: 'hang' };

/** 32 hex digits, like the gateway's X-Request-Id. */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { kind: 'send', status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

/** An error in the API gateway's shape, which carries the request id in the body too. */
export function gatewayError(status: number, code: string, message: string, requestId: string): Reply {
  return jsonReply(status, { error_code: code, error_msg: message, request_id: requestId });
}

/** An error in the RDS service's shape. */
export function serviceError(status: number, code: string, message: string): Reply {
  return jsonReply(status, { error_code: code, error_msg: message });
}

export function replyStatus(reply: Reply): number {
  return reply.kind === 'send' ? reply.status : 0;
}
