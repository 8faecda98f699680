// The gateway's AK lockout: more than 5 consecutive signature failures lock the key for 5 minutes of gateway time.
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/types.js';
import { createInstanceCompleted } from '../../emulator/sample-jobs.js';
import { always } from '../../emulator/scripts.js';
import { AK, NOW, signedCall, type SignedCall } from './client.js';
import { startTestEmulator } from './fixture.js';

const JOB = createInstanceCompleted.id!;
const MINUTE = 60_000;
const wrongKey: SignedCall = { credentials: { accessKey: AK, secretKey: 'not-the-secret' } };

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** An emulator whose clock the test moves; requests are signed at the gateway's time so only the lock matters. */
async function start(akLockout?: boolean) {
  let now = NOW;
  emulator = await startTestEmulator({
    now: () => now,
    jobs: { [JOB]: always(createInstanceCompleted) },
    ...(akLockout === undefined ? {} : { akLockout }),
  });
  const emu = emulator;
  return {
    emu,
    advance: (ms: number) => {
      now += ms;
    },
    call: (extra: SignedCall = {}) => signedCall(emu.url, JOB, { time: now, ...extra }),
  };
}

async function failTimes(call: (extra?: SignedCall) => Promise<{ status: number }>, times: number): Promise<void> {
  for (let i = 0; i < times; i++) expect((await call(wrongKey)).status).toBe(401);
}

describe('AK lockout', () => {
  it('5 consecutive failures do not lock; the 6th does, and then even a correct signature is refused, saying so', async () => {
    const { emu, call } = await start();
    await failTimes(call, 5);
    expect(emu.isLocked(AK)).toBe(false);
    expect((await call()).status).toBe(200);

    await failTimes(call, 6);
    expect(emu.isLocked(AK)).toBe(true);
    const refused = await call();
    expect(refused.status).toBe(401);
    expect(refused.json()).toMatchObject({ error_code: 'APIGW.0301' });
    expect(refused.json().error_msg).toMatch(/locked for 5 minutes/);
  });

  it('a success in between resets the count', async () => {
    const { emu, call } = await start();
    await failTimes(call, 5);
    expect((await call()).status).toBe(200);
    await failTimes(call, 5);
    expect(emu.isLocked(AK)).toBe(false);
  });

  it('the lock lasts 5 minutes of gateway time', async () => {
    const { emu, call, advance } = await start();
    await failTimes(call, 6);
    advance(5 * MINUTE - 1000);
    expect((await call()).status).toBe(401);
    advance(1000);
    expect(emu.isLocked(AK)).toBe(false);
    expect((await call()).status).toBe(200);
  });

  it('only signature mismatches count (an expired date does not), and reset() lifts a lock', async () => {
    const { emu, call } = await start();
    for (let i = 0; i < 7; i++) expect((await call({ time: NOW - 20 * MINUTE })).status).toBe(401);
    expect(emu.isLocked(AK)).toBe(false);
    await failTimes(call, 6);
    emu.reset();
    expect((await call()).status).toBe(200);
  });

  it('akLockout: false turns it off', async () => {
    const { emu, call } = await start(false);
    await failTimes(call, 8);
    expect(emu.isLocked(AK)).toBe(false);
    expect((await call()).status).toBe(200);
  });
});
