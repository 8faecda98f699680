// The API gateway's brute-force guard: after more than 5 consecutive signature failures an access key is locked for
// 5 minutes, and every request with it is refused, correctly signed or not. This is what makes retrying a 401
// dangerous, and what the end-to-end tests use to prove rdsjob never does.
import type { AuthResult } from './gateway-auth.js';

export interface LockoutPolicy {
  /** Consecutive signature failures tolerated; the next one locks the key. */
  maxFailures: number;
  lockMs: number;
}

export const GATEWAY_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 5 * 60 * 1000 };

export const LOCKED_MESSAGE =
  'Incorrect IAM authentication information: the access key is locked for 5 minutes ' +
  'after more than 5 consecutive signature failures';

export class AccessKeyLockout {
  private readonly failures = new Map<string, number>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly policy: LockoutPolicy = GATEWAY_LOCKOUT,
  ) {}

  /** Passes the signature check's verdict through the lockout: a locked key is refused whatever it signed. */
  judge(result: AuthResult): AuthResult {
    const accessKey = result.accessKey;
    if (accessKey === undefined) return result;
    const time = this.now();
    const until = this.lockedUntil.get(accessKey);
    if (until !== undefined && time < until) return { ok: false, message: LOCKED_MESSAGE, accessKey };
    if (until !== undefined) this.lockedUntil.delete(accessKey);

    if (result.ok) {
      this.failures.delete(accessKey);
      return result;
    }
    if (result.badSignature !== true) return result;
    const count = (this.failures.get(accessKey) ?? 0) + 1;
    if (count > this.policy.maxFailures) {
      this.lockedUntil.set(accessKey, time + this.policy.lockMs);
      this.failures.delete(accessKey);
    } else {
      this.failures.set(accessKey, count);
    }
    return result;
  }

  isLocked(accessKey: string): boolean {
    const until = this.lockedUntil.get(accessKey);
    return until !== undefined && this.now() < until;
  }

  clear(): void {
    this.failures.clear();
    this.lockedUntil.clear();
  }
}
