// A rough time left, from the rate at which a job's percentage has been observed to advance. RDS reports a
// percentage and nothing else; an estimate is shown only once the percentage has advanced at least twice (one step
// says nothing about a rate), never while the rate is unknown or zero. Pure, and table-tested.
import { liveProgress, type StatusItem } from '../status.js';

export interface Sample {
  at: number;
  percent: number;
}

/**
 * The history after one more observation: a new percentage is added (the first time it is seen), a repeated one
 * changes nothing, and one that went backwards starts the history again (the job restarted a phase).
 */
export function withSample(history: readonly Sample[], sample: Sample): Sample[] {
  const last = history.at(-1);
  if (last === undefined || sample.percent < last.percent) return [sample];
  return sample.percent === last.percent ? [...history] : [...history, sample];
}

/**
 * Milliseconds left at `now`, from the average rate since the first sample — the time since the last advance
 * included, so a job that stalls sees its estimate grow instead of a stale one. Undefined before two advances, at
 * a rate of zero, or at 100%.
 */
export function estimateLeftMs(history: readonly Sample[], now: number): number | undefined {
  if (history.length < 3) return undefined;
  const first = history[0]!;
  const last = history.at(-1)!;
  if (last.percent >= 100 || now <= first.at) return undefined;
  const rate = (last.percent - first.percent) / (now - first.at);
  if (!(rate > 0)) return undefined;
  return Math.round((100 - last.percent) / rate);
}

/** The time left as formatLeft shows it: rounded up to 10 s (at least 10 s) under a minute, else to the minute. */
export function shownLeftMs(ms: number): number {
  return ms < 60_000 ? Math.max(10, Math.ceil(ms / 10_000) * 10) * 1000 : Math.ceil(ms / 60_000) * 60_000;
}

/** `~40s`, `~4m`, `~1h5m`: rounded up, the two largest units at most — an estimate, not a promise. */
export function formatLeft(ms: number): string {
  const shown = shownLeftMs(ms);
  const minutes = shown / 60_000;
  if (ms < 60_000) return `~${shown / 1000}s`;
  if (minutes < 60) return `~${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return `~${hours}h${minutes % 60 === 0 ? '' : `${minutes % 60}m`}`;
}

/** Every item's history, fed by the progress reporters; asked by the displays and the timeout summary. */
export class Estimates {
  private readonly histories = new Map<string, Sample[]>();

  observe(id: string, item: StatusItem, at: number): void {
    const percent = liveProgress(item);
    if (percent === undefined) return;
    this.histories.set(id, withSample(this.histories.get(id) ?? [], { at, percent }));
  }

  leftMs(id: string, now: number): number | undefined {
    const history = this.histories.get(id);
    return history === undefined ? undefined : estimateLeftMs(history, now);
  }
}
