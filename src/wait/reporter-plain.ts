// Progress for logs and CI (stderr is not a TTY): one line per observed change, never an escape code.
import { type Estimates, formatLeft } from './estimate.js';
import type { OutStream } from '../deps.js';
import { instanceStateOf, isFinished } from '../status.js';
import { type Paint, PLAIN } from '../render/paint.js';
import { sanitize } from '../render/text.js';
import { shortIds } from './item-text.js';
import { DEFAULT_HEARTBEAT_MS } from './defaults.js';
import {
  heartbeatLine,
  noWindowTaskLine,
  notVisibleLine,
  outcomeLine,
  retryLine,
  stateLine,
  stillWaitingLine,
  subjectOf,
  timestamp,
} from './lines.js';
import { noWindowTask } from './instance.js';
import type { ProgressItem, WaitReporter } from './reporter.js';

export interface PlainReporterOptions {
  stream: OutStream;
  /** A "still waiting" line this often, so CI watchdogs that kill silent jobs see life. */
  heartbeatMs?: number;
  /** The estimated time left of each item, added to its progress lines. */
  estimates?: Estimates;
  /** Colour for the ✔/✖ symbols (FORCE_COLOR on a pipe); default none. */
  chalk?: Paint;
  /**
   * `wait --instance`: the instance as the user named it (`orders-db`, an id) — the engine's one target, keyed by
   * that REF, and how its status lines name it; what the wait waits on are its tasks.
   */
  instance?: string;
}

export function plainReporter(options: PlainReporterOptions): WaitReporter {
  const { stream } = options;
  const chalk = options.chalk ?? PLAIN;
  let short = new Map<string, string>();
  /** Every id heard of: those known at the start, and tasks found during an instance wait. */
  const known = new Set<string>();
  let start = 0;
  const shown = new Map<string, string>();
  const ended = new Set<string>();
  /** `--since`: the window, while no task of it is listed yet. */
  let windowEmpty: number | undefined;
  const instanceName = () => sanitize(options.instance ?? '');
  const write = (at: number, text: string) => stream.write(`${timestamp(at)} ${text}\n`);
  const shortOf = (id: string) => short.get(id) ?? id;

  return {
    tickMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    start(ids, at) {
      short = shortIds(ids);
      // An instance is no task: its tasks are heard of as they are found.
      if (options.instance === undefined) for (const id of ids) known.add(id);
      start = at;
    },
    observed(id: string, job: ProgressItem, at: number) {
      known.add(id);
      if (isFinished(job)) return; // `finished` prints the ✔/✖ line
      const line = stateLine(shortOf(id), job);
      if (shown.get(id) === line) return;
      shown.set(id, line);
      // The estimate goes with a change of percentage, never a line of its own.
      const left = options.estimates?.leftMs(id, at);
      write(at, left === undefined ? line : `${line} … ${formatLeft(left)} left`);
    },
    instanceStatus(status, at) {
      // Said once per change, while it keeps the instance from being free (and when it becomes ACTIVE again).
      const line = `instance ${instanceName()}: ${instanceStateOf(status) !== 'busy' ? status : `${status ?? 'without a status'} (not free yet)`}`;
      if (shown.get('\u0000instance') === line || (instanceStateOf(status) === 'free' && !shown.has('\u0000instance')))
        return;
      shown.set('\u0000instance', line);
      write(at, line);
    },
    sinceWindow(sinceMs, seen, at) {
      windowEmpty = seen ? undefined : sinceMs;
      // Said once, at the first look, as a job's "not visible yet" is: the heartbeat repeats it while it lasts.
      if (seen || shown.has('\u0000window')) return;
      shown.set('\u0000window', '');
      write(at, noWindowTaskLine(instanceName(), sinceMs));
    },
    notVisible(id, at) {
      const line = notVisibleLine(shortOf(id));
      if (shown.get(id) === line) return;
      shown.set(id, line);
      write(at, line);
    },
    retrying(id, error, delayMs, at) {
      write(at, retryLine(subjectOf(id, shortOf(id), options.instance), error, delayMs));
    },
    finished(result, at) {
      ended.add(result.id);
      const line = outcomeLine(result, shortOf(result.id), chalk);
      if (line !== undefined) write(at, `${line.symbol} ${line.text}`);
    },
    tick(at) {
      const running = known.size - ended.size;
      // Never "0 tasks running" while what the wait is for has not shown up yet.
      if (windowEmpty !== undefined && running === 0) {
        write(at, stillWaitingLine(at - start, `${noWindowTask(instanceName(), windowEmpty)} yet`));
      } else write(at, heartbeatLine(at - start, running, options.instance === undefined ? 'job' : 'task'));
    },
    stop() {},
  };
}
