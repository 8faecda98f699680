// Progress on a terminal: one ora spinner on stderr, a ✔/✖ line as each job ends, the cursor always restored.
import ora, { type Ora, type Options as OraOptions } from 'ora';
import type { OutStream } from '../deps.js';
import { formatProgress } from '../render/progress.js';
import { paint } from '../render/color.js';
import { jobName, progressOf, shortIds, stateText } from './describe.js';
import { formatElapsed } from '../duration.js';
import { outcomeLine, retryLine } from './lines.js';
import type { ProgressItem, WaitReporter } from './reporter.js';

export interface TtyReporterOptions {
  stream: OutStream;
  color: boolean;
  /** How often the elapsed time is refreshed. */
  refreshMs?: number;
  /** Makes the spinner; tests may wrap ora to watch it. */
  spinner?: (options: OraOptions) => Ora;
}

type Seen = { kind: 'pending' } | { kind: 'not-visible' } | { kind: 'job'; job: ProgressItem };

export function ttyReporter(options: TtyReporterOptions): WaitReporter {
  const chalk = paint(options.color);
  const spinner = (options.spinner ?? ora)({
    stream: options.stream as unknown as NodeJS.WritableStream,
    discardStdin: false, // raw stdin would swallow Ctrl-C's SIGINT
    hideCursor: true,
    isEnabled: true,
    color: options.color ? 'cyan' : false,
  });
  let ids: readonly string[] = [];
  let short = new Map<string, string>();
  let start = 0;
  let now = 0;
  const seen = new Map<string, Seen>();
  const ended = new Set<string>();
  let done = 0;

  function describe(id: string): string {
    const state = seen.get(id) ?? { kind: 'pending' };
    const shortId = short.get(id) ?? id;
    if (state.kind === 'pending') return `${shortId} checking`;
    if (state.kind === 'not-visible') return `${shortId} not visible yet`;
    const name = jobName(state.job) ?? shortId;
    const progress = progressOf(state.job);
    // With several jobs the status is implied by a percentage; alone, it is spelt out.
    if (ids.length > 1 && progress !== undefined) return `${name} ${formatProgress(progress)}`;
    return `${name} ${stateText(state.job)}`;
  }

  function text(): string {
    const open = ids.filter((id) => !ended.has(id));
    const parts = ids.length > 1 ? [`${done}/${ids.length} done`, ...open.map(describe)] : open.map(describe);
    // The elapsed time is what moves: when the line is too long for the terminal, the job list gives way.
    const head = parts.join(' · ');
    const tail = ` · ${formatElapsed(now - start)}`;
    const width = Math.max(30, (options.stream.columns ?? 80) - 3) - tail.length;
    return (head.length > width ? `${head.slice(0, width - 1)}…` : head) + tail;
  }

  // Drawn at once rather than on the spinner's next frame, so what is shown is never a poll behind.
  const refresh = () => {
    if (!spinner.isSpinning) return;
    spinner.text = text();
    spinner.render();
  };

  /** A permanent line above the spinner, which keeps spinning while jobs remain. */
  function persist(symbol: string, line: string) {
    spinner.stopAndPersist({ symbol, text: line });
    if (ended.size < ids.length) spinner.start(text());
  }

  return {
    tickMs: options.refreshMs ?? 1000,
    start(waitIds, at) {
      ids = waitIds;
      short = shortIds(waitIds);
      start = at;
      now = at;
      spinner.start(text());
    },
    observed(id, job, at) {
      now = at;
      if (!ids.includes(id)) ids = [...ids, id]; // a task found during an instance wait
      seen.set(id, { kind: 'job', job });
      refresh();
    },
    notVisible(id, at) {
      now = at;
      seen.set(id, { kind: 'not-visible' });
      refresh();
    },
    retrying(id, error, delayMs, at) {
      now = at;
      persist(chalk.yellow('⚠'), retryLine(short.get(id) ?? id, error, delayMs));
    },
    finished(result, at) {
      now = at;
      ended.add(result.id);
      if (result.outcome !== 'timeout' && result.outcome !== 'interrupted') done += 1;
      const line = outcomeLine(result, short.get(result.id) ?? result.id, chalk);
      // Only Completed/Failed get a line here; timeouts, errors and Ctrl-C are explained after the spinner stops.
      if (line !== undefined) persist(line.symbol, line.text);
      else refresh();
    },
    tick(at) {
      now = at;
      refresh();
    },
    stop() {
      spinner.stop();
    },
  };
}
