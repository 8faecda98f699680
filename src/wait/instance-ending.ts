// How a `wait --instance` ended, said as it happened (docs/instances.md): a status no wait fixes
// is the reason (never --fail-fast unless that flag ended it), a timeout names what kept the instance from being free,
// a deleted instance stops its tasks rather than making them "not found". Pure: stderr, the step summary and the
// GitHub annotation all say it in these words.
import { sanitize } from '../render/text.js';
import { instanceStateOf } from '../status.js';
import { type InstanceFacts, noWindowTask } from './instance.js';
import { errorText } from './item-text.js';
import type { ItemResult } from './result.js';
import { isUnfinished, type WaitOutcome } from './result.js';
import { OUTCOME_LABELS } from '../outcome.js';
import {
  FAIL_FAST_STOP,
  interruption,
  lastFailure,
  type ResumeOptions,
  resumeCommand,
  timedOutAfter,
  unfinishedLine,
} from './summary.js';

/** Everything an ending is said from: the instance's own result, its tasks' results and what the looks found. */
export interface InstanceEnd {
  /** As the user named it. */
  ref: string;
  outcome: WaitOutcome;
  /** Why the instance's wait ended (error, not-found), or the last attempt's failure (timeout). */
  error?: unknown;
  facts: InstanceFacts;
  tasks: readonly ItemResult[];
  failFast: boolean;
  timeoutMs: number;
  sinceMs?: number;
}

export interface InstanceEnding {
  /** A few words for a heading: `free`, `FROZEN`, `1 Failed`, `timed out`, `deleted`… */
  short: string;
  /** The ending as one sentence: `STORAGE FULL: no wait makes it free`, `timed out after 10s: …`. */
  sentence: string;
  /** Why tasks still running were stopped (`instance FROZEN`, `--fail-fast`), when the instance's ending did it. */
  stoppedBy?: string;
}

const tasks = (n: number) => `${n} ${n === 1 ? 'task' : 'tasks'}`;

/** `2 tasks still running on instance orders-db`: the heading's sentence and the lines after it alike. */
function stillRunning(end: InstanceEnd): string {
  return `${tasks(end.tasks.filter(isUnfinished).length)} still running on instance ${sanitize(end.ref)}`;
}

/** The instance's status made the wait end Failed (FAILED, FROZEN, STORAGE FULL). */
export function brokenStatus(end: Pick<InstanceEnd, 'outcome' | 'facts'>): string | undefined {
  const status = end.facts.status;
  return end.outcome === 'failed' && instanceStateOf(status) === 'broken' ? status : undefined;
}

/**
 * What kept the instance from being free when the wait was cut short with no task still running: no answer, no
 * task of the --since window yet, or its status.
 */
function blocker(end: InstanceEnd): string {
  const ref = sanitize(end.ref);
  const { facts } = end;
  // A timeout's error is its last attempt's failure; a signal's is the signal, said before this.
  const failure = end.outcome === 'timeout' ? lastFailure(end.error) : '';
  if (!facts.looked) return `no look at instance ${ref} was answered${failure}`;
  if (end.sinceMs !== undefined && !facts.windowSeen) {
    return `${noWindowTask(ref, end.sinceMs)} yet${failure}`;
  }
  const status = facts.status === undefined ? 'without a status' : `is ${sanitize(facts.status)}`;
  return `instance ${ref} ${status}, no task running${failure}`;
}

/** How the wait for the instance ended, in the words every view uses. */
export function instanceEnding(end: InstanceEnd): InstanceEnding {
  const running = end.tasks.filter(isUnfinished).length;
  const cutWith = running > 0 ? stillRunning(end) : blocker(end);
  switch (end.outcome) {
    case 'completed':
      return { short: 'free', sentence: 'free (no running task, ACTIVE)' };
    case 'failed': {
      const broken = brokenStatus(end);
      if (broken !== undefined) {
        const status = sanitize(broken);
        return { short: status, sentence: `${status}: no wait makes it free`, stoppedBy: `instance ${status}` };
      }
      const failed = tasks(end.tasks.filter((t) => t.outcome === 'failed').length);
      if (end.failFast && running > 0) {
        return {
          short: 'stopped at a Failed task (--fail-fast)',
          sentence: `${failed} Failed: ${FAIL_FAST_STOP}`,
          stoppedBy: '--fail-fast',
        };
      }
      return { short: `${failed} Failed`, sentence: `${failed} Failed` };
    }
    case 'not-found':
      return {
        short: end.facts.gone ? 'deleted' : 'no task in the --since window',
        sentence: errorText(end.error),
        stoppedBy: end.facts.gone ? 'instance deleted' : undefined,
      };
    case 'timeout':
      return { short: OUTCOME_LABELS.timeout, sentence: `${timedOutAfter(end.timeoutMs)}: ${cutWith}` };
    case 'interrupted':
      return { short: OUTCOME_LABELS.interrupted, sentence: `${interruption(end.error)}: ${cutWith}` };
    default:
      return { short: OUTCOME_LABELS.error, sentence: errorText(end.error), stoppedBy: 'error' };
  }
}

/**
 * What stderr says after the instance's own ending (its error lines are main's): the tasks still running, what kept
 * the instance from being free, and the command that resumes the wait when waiting more can help.
 */
export function instanceEndLines(end: InstanceEnd, options: ResumeOptions): string[] {
  const unfinished = end.tasks.filter(isUnfinished);
  const list = unfinished.map((r) => unfinishedLine(r, options));
  const running = stillRunning(end);
  const resume = `resume with: ${resumeCommand([], options)}`;
  const cut = (how: string) =>
    unfinished.length === 0 ? [`${how}: ${blocker(end)}`, resume] : [`${how} with ${running}:`, ...list, resume];
  if (end.outcome === 'timeout') return cut(`error: ${timedOutAfter(end.timeoutMs)}`);
  if (end.outcome === 'interrupted') return cut(interruption(end.error));
  if (unfinished.length === 0) return [];
  const broken = brokenStatus(end);
  if (broken !== undefined) return [`${running} when it became ${sanitize(broken)}:`, ...list];
  if (end.outcome === 'failed') return [`${FAIL_FAST_STOP} with ${running}:`, ...list, resume];
  return [`${running} when ${end.facts.gone ? 'it disappeared' : 'the wait ended'}:`, ...list];
}
