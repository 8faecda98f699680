// The lines both progress displays print (the TTY one without timestamps), so they read the same everywhere.
import type { Paint } from '../render/paint.js';
import { sanitize } from '../render/text.js';
import { errorText, jobName, ownEnding, reasonText, stateText, tookText } from './item-text.js';
import { OUTCOME_LABELS } from '../outcome.js';
import { formatDelay, formatElapsed } from '../duration.js';
import { noWindowTask } from './instance.js';
import type { ItemResult, ProgressItem } from './result.js';

/** `2026-11-27T09:45:00Z`: UTC to the second, what CI log viewers line up with. */
export function timestamp(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function label(short: string, job: ProgressItem | undefined): string {
  const name = jobName(job);
  return name === undefined ? short : `${short} ${name}`;
}

/** `a9767ede… CreateMysqlSingleHAInstance Running 60%`. */
export function stateLine(short: string, job: ProgressItem): string {
  return `${label(short, job)} ${stateText(job)}`;
}

/** Whatever said so: RDS's 404 or 400, GeminiDB's empty list. */
export function notVisibleLine(short: string): string {
  return `${short} not visible yet; new jobs take a few seconds to appear, still looking`;
}

/**
 * Who a line is about: a job or task by its short id; the instance of `wait --instance` (its own looks, keyed by the
 * REF the user gave) as the user named it: `instance orders-db`.
 */
export function subjectOf(id: string, short: string, instance?: string): string {
  return instance !== undefined && id === instance ? `instance ${sanitize(instance)}` : short;
}

export function retryLine(short: string, error: unknown, delayMs: number): string {
  return `${short} ${errorText(error)}; retrying in ${formatDelay(delayMs)}`;
}

export interface SymbolLine {
  symbol: string;
  text: string;
}

/** The ✔/✖ line for a job that reached a final status; undefined for every other outcome. */
export function outcomeLine(result: ItemResult, short: string, chalk: Paint): SymbolLine | undefined {
  if (result.outcome === 'completed') {
    // `Completed in 15s`; `Completed (before the wait began)` for a task nobody saw run (--since).
    const took = result.endedBeforeWait ? `(${tookText(result)})` : `in ${tookText(result)}`;
    return { symbol: chalk.green('✔'), text: `${label(short, result.item)} ${OUTCOME_LABELS.completed} ${took}` };
  }
  if (result.outcome === 'failed') {
    const reason = reasonText(result.item);
    // A service's own ending (TaurusDB's Canceled) is named as the service says it, its reason when it has one.
    const own = ownEnding(result.item);
    const text = own === undefined ? `Failed: ${reason}` : reason === own ? own : `${own}: ${reason}`;
    return { symbol: chalk.red('✖'), text: `${label(short, result.item)} ${text}` };
  }
  return undefined;
}

/** What a wait waits on: jobs (`wait <ids>`), or an instance's tasks (`wait --instance`). */
export type ItemNoun = 'job' | 'task';

export function heartbeatLine(elapsedMs: number, running: number, noun: ItemNoun = 'job'): string {
  return stillWaitingLine(elapsedMs, `${running} ${running === 1 ? noun : `${noun}s`} running`);
}

/** `still waiting (5m elapsed): …`, what a quiet wait says now and then so CI watchdogs see life. */
export function stillWaitingLine(elapsedMs: number, what: string): string {
  return `still waiting (${formatElapsed(elapsedMs)} elapsed): ${what}`;
}

/** The plain and live line while the `--since` window is still empty, like a job's "not visible yet". */
export function noWindowTaskLine(ref: string, sinceMs: number): string {
  return `${noWindowTask(ref, sinceMs)} yet; a change just started takes a few seconds to appear, still looking`;
}
