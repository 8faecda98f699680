// RDS's documented limit, 60 requests per minute per user, as one budget every request of a command shares.

/**
 * RDS counts requests per user per minute, as they arrive. A request leaves a little after the slot it was given
 * (the first one opens a connection, a retry may need a new one), so the budget's window is this much longer than
 * the gateway's: arrivals can be up to this late without ever putting more than the budget in one minute.
 */
export const WINDOW_MARGIN_MS = 1_000;
const WINDOW_MS = 60_000 + WINDOW_MARGIN_MS;

/**
 * One request budget shared by every caller: at most `limit` slots in any window of a minute (plus the margin) and,
 * when `smooth`, at least window / limit between two slots, so a long wait polls steadily instead of in bursts.
 */
export class RequestBudget {
  readonly #recent: number[] = [];
  #next = -Infinity;

  constructor(
    readonly limit: number,
    readonly spacingMs: number,
  ) {}

  /** `smooth`: spaced evenly (wait's polls); otherwise as fast as the window allows (get's one look at many ids). */
  static perMinute(requests: number, { smooth }: { smooth: boolean }): RequestBudget {
    const limit = requests > 0 && Number.isFinite(requests) ? Math.floor(requests) : Infinity;
    // Whole milliseconds, rounded up: never a hair over the budget, and no fractional clocks.
    return new RequestBudget(limit, smooth && limit !== Infinity ? Math.ceil(WINDOW_MS / limit) : 0);
  }

  /** The earliest slot free at or after `now`, without booking it. */
  earliest(now: number): number {
    const slot = Math.max(now, this.#next);
    return this.#recent.length >= this.limit
      ? Math.max(slot, this.#recent[this.#recent.length - this.limit]! + WINDOW_MS)
      : slot;
  }

  /** Books the earliest free slot at or after `now`; undefined (nothing booked) when that is after `notAfter`. */
  reserve(now: number, notAfter = Infinity): number | undefined {
    const slot = this.earliest(now);
    if (slot > notAfter) return undefined;
    this.#recent.push(slot);
    if (this.#recent.length > this.limit) this.#recent.shift();
    this.#next = slot + this.spacingMs;
    return slot;
  }

  /** Nobody sends before `until` (the API said 429 with Retry-After: the budget is per user, not per job). */
  pauseUntil(until: number): void {
    this.#next = Math.max(this.#next, until);
  }

  /** The least time `count` requests take within this budget (0 up to one window's worth). */
  spanMs(count: number): number {
    if (this.limit === Infinity || count <= this.limit) return this.spacingMs * Math.max(0, count - 1);
    return Math.floor((count - 1) / this.limit) * WINDOW_MS + this.spacingMs * ((count - 1) % this.limit);
  }
}
