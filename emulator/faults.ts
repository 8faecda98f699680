// The ways a poll can go wrong on the real network, each as the reply the emulator serves instead of the job.
import { STATUS_CODES } from 'node:http';
import type { Fault } from './types.js';
import { gatewayError, JSON_TYPE, type Reply } from './reply.js';

export const THROTTLE_CODE = 'APIGW.0308';
export const THROTTLE_MESSAGE =
  'The throttling threshold has been reached: policy user over ratelimit,limit:60,time:1 minute';

export function faultReply(fault: Fault, jobId: string, requestId: string): Reply {
  switch (fault.fault) {
    case 'status':
      return {
        kind: 'send',
        status: fault.status,
        headers: { 'Content-Type': fault.contentType ?? JSON_TYPE },
        body: fault.body ?? JSON.stringify(defaultErrorBody(fault.status)),
      };
    case 'html':
      return {
        kind: 'send',
        status: fault.status ?? 502,
        headers: { 'Content-Type': 'text/html' },
        body: proxyPage(fault.status ?? 502),
      };
    case 'throttle': {
      const reply = gatewayError(429, THROTTLE_CODE, THROTTLE_MESSAGE, requestId);
      if (reply.kind === 'send' && fault.retryAfter !== undefined) reply.headers['Retry-After'] = fault.retryAfter;
      return reply;
    }
    case 'reset':
      return { kind: 'reset' };
    case 'hang':
      return { kind: 'hang' };
    case 'malformed': {
      const whole = JSON.stringify({ job: { id: jobId, name: 'CreateMysqlSingleHAInstance', status: 'Running' } });
      return {
        kind: 'send',
        status: 200,
        headers: { 'Content-Type': JSON_TYPE },
        body: whole.slice(0, Math.floor(whole.length / 2)),
      };
    }
    case 'no-job':
      return { kind: 'send', status: 200, headers: { 'Content-Type': JSON_TYPE }, body: '{}' };
    case 'big':
      return { kind: 'send', status: 200, headers: { 'Content-Type': JSON_TYPE }, body: bigBody(jobId, fault.bytes) };
    case 'raw':
      return { kind: 'send', status: fault.status, headers: { ...fault.headers }, body: fault.body };
  }
}

/** RDS's own shape for a server-side error; the code is made up but plausible (`DBS.` + status). */
function defaultErrorBody(status: number): { error_code: string; error_msg: string } {
  return { error_code: `DBS.${status}`, error_msg: `${STATUS_CODES[status] ?? 'Error'}.` };
}

/** What an nginx in front of the API shows when its upstream is down. */
function proxyPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
  );
}

/** A well-formed job padded to exactly `bytes` bytes (or just filler when that is too small for a job). */
function bigBody(jobId: string, bytes: number): Buffer {
  const size = Math.max(0, Math.floor(bytes));
  const head = Buffer.from(JSON.stringify({ job: { id: jobId, status: 'Running', padding: '' } }).slice(0, -3));
  const tail = Buffer.from('"}}');
  if (size < head.length + tail.length) return Buffer.alloc(size, 0x20);
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x78), tail]);
}
