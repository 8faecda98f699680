// What stderr says after a wait that did not end cleanly: why each job stopped and how to pick the wait up again.
import { NotFoundError, RdsjobError } from '../errors.js';
import { jobNotFound } from '../job-not-found.js';
import { hintsOnce } from '../render/error.js';
import { sanitize } from '../render/text.js';
import { formatLeft, shownLeftMs } from './estimate.js';
import { errorText, jobName, stateText } from './item-text.js';
import { DEFAULT_REQUESTS_PER_MINUTE, DEFAULT_WAIT_MS } from './defaults.js';
import { formatDuration } from '../duration.js';
import type { ItemResult } from './result.js';
import { isUnfinished, type WaitResult } from './result.js';
import { OUTCOME_LABELS } from '../outcome.js';

/** `timed out after 10s`: how a wait that ran out of --timeout says so, for jobs and instances alike. */
export function timedOutAfter(timeoutMs: number): string {
  return `${OUTCOME_LABELS.timeout} after ${formatDuration(timeoutMs)}`;
}

/** `interrupted`, `terminated (SIGTERM)`, … as the signal's InterruptedError says it. */
export function interruption(error: unknown): string {
  return error instanceof RdsjobError ? errorText(error) : OUTCOME_LABELS.interrupted;
}

/** ` (last attempt failed: …)` after a timeout whose last attempt failed (nobody knows whether it still runs). */
export function lastFailure(error: unknown): string {
  return error === undefined ? '' : ` (last attempt failed: ${errorText(error)})`;
}

/** What --fail-fast did, for jobs and instances alike. */
export const FAIL_FAST_STOP = 'stopped at the first failure (--fail-fast)';

export interface ResumeOptions {
  timeoutMs: number;
  intervalMs: number;
  notFoundGraceMs: number;
  quiet: boolean;
  json: boolean;
  /** --query EXPR as given: repeated instead of --json. */
  query?: string;
  /** Requests per minute, when not the default. */
  requestsPerMinute?: number;
  /** The global options as given (`--profile prod --region eu-west-101`): the resumed wait must ask the same account. */
  globalArgs?: readonly string[];
  /** An instance wait: resumed with `--instance REF`, and what it lists are the instance's tasks. */
  instance?: string;
  /** `--since`, repeated as given (the resumed wait keeps its window). */
  sinceMs?: number;
  failFast?: boolean;
  /** The estimated time left of an unfinished item, when there is one (estimate.ts). */
  leftMs?: (id: string) => number | undefined;
}

const SAFE_WORD = /^[A-Za-z0-9_.:/=@%+-]+$/;
const shellWord = (word: string) => (SAFE_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** `rdsjob wait <ids> --timeout 60m`, repeating every non-default choice so the resumed wait behaves the same. */
export function resumeCommand(ids: readonly string[], options: ResumeOptions): string {
  const what = options.instance === undefined ? ids : ['--instance', options.instance];
  // What the user gave, and nothing more: a default repeated here would read as a choice (and pin it).
  const words = ['rdsjob', ...(options.globalArgs ?? []), 'wait', ...what];
  if (options.timeoutMs !== DEFAULT_WAIT_MS.timeoutMs) words.push('--timeout', formatDuration(options.timeoutMs));
  if (options.intervalMs !== DEFAULT_WAIT_MS.intervalMs) words.push('--interval', formatDuration(options.intervalMs));
  if (options.sinceMs !== undefined) words.push('--since', formatDuration(options.sinceMs));
  // The grace applies to job ids, and to --instance with --since.
  const graceApplies = options.instance === undefined || options.sinceMs !== undefined;
  if (graceApplies && options.notFoundGraceMs !== DEFAULT_WAIT_MS.notFoundGraceMs) {
    words.push('--not-found-grace', formatDuration(options.notFoundGraceMs));
  }
  if (options.requestsPerMinute !== undefined && options.requestsPerMinute !== DEFAULT_REQUESTS_PER_MINUTE) {
    words.push('--rate-limit', String(options.requestsPerMinute));
  }
  if (options.failFast) words.push('--fail-fast');
  if (options.query !== undefined) words.push('--query', options.query);
  else if (options.json) words.push('--json');
  if (options.quiet) words.push('--quiet');
  return words.map(shellWord).join(' ');
}

function errorLines(result: ItemResult, graceMs: number, noun: 'job' | 'task'): string[] {
  const error = result.error;
  const id = sanitize(result.id);
  if (result.outcome === 'not-found') {
    // The wait's not-found error says what the service answered, in the words `get` uses (job-not-found.ts).
    const e = error instanceof NotFoundError ? error : jobNotFound(result.id, {});
    return [
      `error: ${errorText(e)}, still after ${formatDuration(graceMs)}`,
      ...(e.hint ? [`hint: ${sanitize(e.hint)}`] : []),
    ];
  }
  const lines = [`error: ${noun} ${id}: ${errorText(error)}`];
  if (error instanceof RdsjobError && error.hint && !(error instanceof NotFoundError))
    lines.push(`hint: ${sanitize(error.hint)}`);
  return lines;
}

/**
 * `, ~4m left (--timeout 1h5m would have covered it)`: how close a timed-out item was, so the next --timeout is not
 * a guess. Only on timeout, and only with an estimate.
 */
function leftText(result: ItemResult, options: ResumeOptions): string {
  const left = result.outcome === 'timeout' ? options.leftMs?.(result.id) : undefined;
  if (left === undefined) return '';
  // Covers the estimate as shown (rounded up), never less: `~6m left` after 5s is not covered by `--timeout 6m`.
  const covering = Math.ceil((options.timeoutMs + shownLeftMs(left)) / 60_000) * 60_000;
  return `, ${formatLeft(left)} left (--timeout ${formatDuration(covering)} would have covered it)`;
}

export function unfinishedLine(result: ItemResult, options: ResumeOptions): string {
  const name = jobName(result.item);
  const state =
    result.item === undefined ? 'not seen yet' : `${name === undefined ? '' : `${name} `}${stateText(result.item)}`;
  const failure = result.outcome === 'timeout' ? lastFailure(result.error) : '';
  return `  ${sanitize(result.id)}  ${state}${failure}${leftText(result, options)}`;
}

/**
 * Lines for stderr, empty when every job (or task) reached Completed or Failed. `stoppedBy`: an instance wait cut
 * short (timeout, a signal) is resumed even when none of its tasks was seen.
 */
export function summaryLines(
  result: Pick<WaitResult, 'results'> | { results: ItemResult[] },
  options: ResumeOptions,
  stoppedBy?: ItemResult,
): string[] {
  const errors: string[] = [];
  const noun = options.instance === undefined ? 'job' : 'task';
  for (const r of result.results) {
    // A task that ended with the instance wait's own error (a refused request) is not reported a second time.
    if (stoppedBy?.error !== undefined && r.error === stoppedBy.error) continue;
    if (r.outcome === 'not-found' || r.outcome === 'error')
      errors.push(...errorLines(r, options.notFoundGraceMs, noun));
  }
  const lines = hintsOnce(errors);
  const unfinished = result.results.filter(isUnfinished);
  const cut = unfinished[0] ?? (stoppedBy !== undefined && isUnfinished(stoppedBy) ? stoppedBy : undefined);
  if (cut === undefined) return lines;
  const state = options.instance === undefined ? 'unfinished' : 'still running';
  const count = `${unfinished.length} ${unfinished.length === 1 ? noun : `${noun}s`} ${state}`;
  const on = options.instance === undefined ? '' : ` on instance ${sanitize(options.instance)}`;
  lines.push(
    cut.outcome === 'interrupted'
      ? `${interruption(cut.error)} with ${count}${on}:`
      : cut.outcome === 'stopped'
        ? `${FAIL_FAST_STOP} with ${count}${on}:`
        : `error: ${timedOutAfter(options.timeoutMs)} with ${count}${on}:`,
  );
  lines.push(...unfinished.map((r) => unfinishedLine(r, options)));
  if (unfinished.length === 0 && cut.outcome === 'timeout' && cut.error !== undefined)
    lines.push(` ${lastFailure(cut.error)}`);
  lines.push(
    `resume with: ${resumeCommand(
      unfinished.map((r) => r.id),
      options,
    )}`,
  );
  return lines;
}
