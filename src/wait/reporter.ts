// What the engine tells whoever shows progress. The engine never writes; reporters never decide.
import type { OutStream } from '../deps.js';
import type { ItemResult, ProgressItem, WaitResult } from './result.js';

export type { ProgressItem };

export interface WaitReporter {
  /** How often the engine calls `tick` (heartbeats, elapsed-time refresh); undefined = never. */
  readonly tickMs?: number;
  /** The ids known at the start (none for an instance wait: its tasks are found as it goes). */
  start(ids: readonly string[], at: number): void;
  /** Every successful poll of a job or task, changed or not; an id not seen before is added. */
  observed(id: string, item: ProgressItem, at: number): void;
  /** 404 within the grace period: the job may not be visible yet. */
  notVisible(id: string, at: number): void;
  /** A transient failure; the next attempt for this id is in `delayMs`. */
  retrying(id: string, error: unknown, delayMs: number, at: number): void;
  /** `wait --instance`: the instance's status at each look (shown while it is not ACTIVE). */
  instanceStatus?(status: string | undefined, at: number): void;
  /**
   * `wait --instance --since`: at each look, whether a task of the window has been listed yet (RDS lists a change
   * just started only after seconds: until then the wait looks for one, within the not-found grace).
   */
  sinceWindow?(sinceMs: number, seen: boolean, at: number): void;
  /** One job's or task's wait ended (any outcome), as soon as it does. */
  finished(result: ItemResult, at: number): void;
  tick(at: number): void;
  /** Always called last, also on timeout, errors and Ctrl-C: clears the spinner and restores the cursor. */
  stop(result: Pick<WaitResult, 'elapsedMs'> & { results: ItemResult[] }, at: number): void;
}

export const quietReporter: WaitReporter = {
  start() {},
  observed() {},
  notVisible() {},
  retrying() {},
  finished() {},
  tick() {},
  stop() {},
};

/**
 * A terminal the live view can draw on. A pty without a size (`script` in CI, `docker -t`) reports 0 columns and
 * 0 rows: nothing can be fitted to it, so it gets plain lines.
 */
export function canDrawLive(stream: OutStream): boolean {
  return stream.isTTY === true && positive(stream.columns) && positive(stream.rows);
}

const positive = (n: number | undefined) => typeof n === 'number' && n > 0;
