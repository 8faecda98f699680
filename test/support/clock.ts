// The controlled clock every in-process test runs on: time moves only when the code under test is asleep, to the
// earliest timer, so loops interleave exactly as in real time and a bound fires when its time comes, never sooner.
// Sleeps honour their signal, as deps.sleep must.

/** Resources of real I/O in flight (file system requests, DNS, sockets being opened). */
const IO = /^(FSReq|FileHandle|GetAddrInfo|GetNameInfo|TCPConnectWrap|FSEvent)/;

function ioPending(): boolean {
  return process.getActiveResourcesInfo().some((name) => IO.test(name));
}

export const T0 = Date.parse('2026-11-27T09:45:00Z');

interface Timer {
  at: number;
  seq: number;
  resolve(): void;
  cleanup(): void;
}

/**
 * Time only moves when every task is asleep: after the microtask queue drains (setImmediate), the earliest timer
 * fires and the clock jumps to it. Several concurrent loops therefore interleave exactly as they would in real time.
 */
export class FakeClock {
  t: number;
  /** Every sleep requested, in order, with the time it was requested. */
  readonly sleeps: { ms: number; at: number }[] = [];
  private timers: Timer[] = [];
  private seq = 0;
  private scheduled = false;

  constructor(start = T0) {
    this.t = start;
  }

  now = (): number => this.t;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      this.sleeps.push({ ms, at: this.t });
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(signal?.reason);
      };
      const timer: Timer = {
        at: this.t + Math.max(0, ms),
        seq: this.seq++,
        resolve,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.schedule();
    });

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.fire();
    });
  }

  private fire(): void {
    if (this.timers.length === 0) return;
    // Real I/O still under way (a config file read): the code is not asleep, it waits on the world. A bound must
    // not fire while a file is read in no time at all: look again after it.
    if (ioPending()) {
      this.schedule();
      return;
    }
    const next = this.timers.reduce((a, b) => (b.at < a.at || (b.at === a.at && b.seq < a.seq) ? b : a));
    this.timers = this.timers.filter((t) => t !== next);
    this.t = Math.max(this.t, next.at);
    next.cleanup();
    next.resolve();
    if (this.timers.length > 0) this.schedule();
  }
}
