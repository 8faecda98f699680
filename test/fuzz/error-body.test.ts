// Whatever an API, a gateway or a proxy in between answers, turning it into an error never throws, and the message
// the user reads stays one short printable line: no terminal escapes, no echoed signature, the request id kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, AuthError, NotFoundError, RdsjobError } from '../../src/errors.js';
import { exitCodeFor } from '../../src/exit-codes.js';
import { formatError } from '../../src/render/error.js';
import { errorFromNetwork, errorFromResponse, parseErrorBody, retryAfterMsOf } from '../../src/http/api-error.js';

const RUNS = { seed: 42, numRuns: 400 } as const;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Error bodies of every shape the reference names, with anything in each field, plus plain garbage. */
const errorJson = fc.oneof(
  fc.record({ error_code: fc.anything(), error_msg: fc.anything(), request_id: fc.anything() }, { requiredKeys: [] }),
  fc.record({ errCode: fc.anything(), externalMessage: fc.anything() }, { requiredKeys: [] }),
  fc.record({ code: fc.anything(), message: fc.anything() }, { requiredKeys: [] }),
  fc.record({
    error: fc.oneof(
      fc.record(
        { code: fc.anything(), message: fc.anything(), request_id: fc.anything(), title: fc.anything() },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
  }),
  fc.anything(),
);
const body = fc.oneof(
  errorJson.map((value) => JSON.stringify(value) ?? ''),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ maxLength: 80 }).map((title) => `<html><head><title>${title}</title></head><body>${title}</body></html>`),
  fc.constant(''),
);
const requestId = fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.string({ maxLength: 40 }));
const headers = fc.record(
  {
    'x-request-id': requestId,
    'retry-after': fc.oneof(fc.string({ maxLength: 30 }), fc.nat().map(String)),
    'content-type': fc.string({ maxLength: 20 }),
  },
  { requiredKeys: [] },
);
const status = fc.integer({ min: 100, max: 599 });

function expectOneSafeLine(text: string): void {
  expect(text).not.toMatch(/[\r\n]/);
  expect(text).not.toMatch(CONTROL);
  expect(text.length).toBeLessThan(600);
}

describe('error bodies: any status, any body, any headers', () => {
  it('errorFromResponse never throws and gives one short printable line of the right class', () => {
    fc.assert(
      fc.property(status, body, headers, (code, text, hdrs) => {
        const error = errorFromResponse({ status: code, body: text, headers: hdrs, now: 0 });
        expect(error).toBeInstanceOf(RdsjobError);
        expectOneSafeLine(error.message);
        if (code === 401 || code === 403) expect(error).toBeInstanceOf(AuthError);
        else if (code === 404) expect(error).toBeInstanceOf(NotFoundError);
        else expect(error).toBeInstanceOf(ApiError);
        expect([3, 4, 5]).toContain(exitCodeFor(error));
        const id = hdrs['x-request-id'];
        if (id !== undefined && /^[0-9a-f]{32}$/.test(id)) expect(error.message).toContain(`request id ${id}`);
        const printed = formatError(error, false);
        expect(printed.startsWith('error: ')).toBe(true);
        expect(printed).not.toMatch(/\n\s+at /);
      }),
      RUNS,
    );
  });

  it('hostile text in any field (newlines, terminal escapes, 5000 characters) stays inert (found by this fuzz)', () => {
    const field = fc.constantFrom(
      'error_code',
      'error_msg',
      'request_id',
      'errCode',
      'externalMessage',
      'code',
      'message',
    );
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constant('x\n\u001b[2J'),
      fc.constant('y'.repeat(5000)),
    );
    fc.assert(
      fc.property(field, hostile, status, (name, value, code) => {
        const error = errorFromResponse({ status: code, body: JSON.stringify({ [name]: value }), headers: {}, now: 0 });
        expectOneSafeLine(error.message);
      }),
      RUNS,
    );
  });

  it('a signature or a long token echoed back by a proxy is never repeated', () => {
    const signature = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(
        signature,
        status,
        fc.constantFrom('error_msg', 'error_code', 'request_id', 'message'),
        (sig, code, field) => {
          const echoed = JSON.stringify({
            [field]: `bad request: Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=${sig}`,
          });
          expect(errorFromResponse({ status: code, body: echoed, headers: {}, now: 0 }).message).not.toContain(sig);
        },
      ),
      RUNS,
    );
  });

  it('parseErrorBody never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(body, fc.string({ unit: 'binary' })), (text) => {
        const parsed = parseErrorBody(text);
        if (parsed.message !== undefined) expectOneSafeLine(parsed.message);
      }),
      RUNS,
    );
  });

  it('retryAfterMsOf is never negative nor NaN', () => {
    fc.assert(
      fc.property(
        fc.option(
          fc.oneof(
            fc.string(),
            fc.nat().map(String),
            fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
          ),
        ),
        fc.nat(),
        (value, now) => {
          const ms = retryAfterMsOf(value ?? undefined, now);
          if (ms !== undefined) expect(Number.isFinite(ms) && ms >= 0).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('errorFromNetwork never throws on anything thrown', () => {
    fc.assert(
      fc.property(fc.anything(), fc.option(fc.string()), (thrown, url) => {
        const error = errorFromNetwork(thrown, url ?? undefined);
        expect(exitCodeFor(error)).toBe(5);
        expectOneSafeLine(error.message);
      }),
      RUNS,
    );
  });
});
