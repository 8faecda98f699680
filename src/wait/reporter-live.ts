// Progress on a terminal: the live view (live-view.ts) drawn in place on stderr by log-update, which rewrites only
// the lines that changed and wraps each frame in synchronised output. Redrawn on the engine's tick, at most 10
// times a second, however many polls arrive in between. The cursor is hidden while drawing and always shown again.
import { sanitize } from '../render/text.js';
import type { Estimates } from './estimate.js';
import { createLogUpdate } from 'log-update';
import type { OutStream } from '../deps.js';
import { paint } from '../render/color.js';
import { displayWidth } from '../render/width.js';
import { shortIds } from './item-text.js';
import { retryLine, subjectOf } from './lines.js';
import { finalLines, FRAME_MS, liveLines, type LiveItem, type Screen } from './live-view.js';
import type { WaitReporter } from './reporter.js';

const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';

export interface LiveReporterOptions {
  stream: OutStream;
  color: boolean;
  /**
   * `wait --instance`: the instance as the user named it (`orders-db`, an id) — the engine's one target, keyed by
   * that REF, and how its line names it; the items are its tasks.
   */
  instance?: string;
  /** The estimated time left of each item, where it fits. */
  estimates?: Estimates;
  /** Deps.onExit: the cursor comes back even when a second signal exits at once, without the engine's stop(). */
  onExit?: (hook: () => void) => () => void;
}

export function liveReporter(options: LiveReporterOptions): WaitReporter {
  const { stream } = options;
  const chalk = paint(options.color);
  // log-update would hide the cursor through cli-cursor on process.stderr whatever stream it draws on: we do it.
  const draw = createLogUpdate(stream as unknown as NodeJS.WriteStream, { showCursor: true });
  const items = new Map<string, LiveItem>();
  let short = new Map<string, string>();
  let startedAt = 0;
  let now = 0;
  let instance: { short: string; startedAt: number; status?: string; windowEmptyMs?: number } | undefined;
  let drawn: string[] = [];
  let drawnColumns = 0;
  let live = false;

  const screen = (): Screen => ({ columns: stream.columns ?? 80, rows: stream.rows ?? 24 });
  const shortOf = (id: string) => short.get(id) ?? shortIds([id]).get(id)!;
  const item = (id: string): LiveItem => {
    let entry = items.get(id);
    if (entry === undefined) {
      // A task found during an instance wait: its time counts from when it was first seen.
      entry = { id, short: shortOf(id), since: now, state: { kind: 'checking' } };
      items.set(id, entry);
    }
    return entry;
  };

  function render() {
    if (!live) return;
    const size = screen();
    if (size.columns !== drawnColumns) clearFrame();
    drawn = liveLines(
      {
        items: [...items.values()],
        now,
        tick: Math.floor((now - startedAt) / FRAME_MS),
        instance,
        leftMs: (id) => options.estimates?.leftMs(id, now),
      },
      size,
      chalk,
    );
    drawnColumns = size.columns;
    draw(drawn.join('\n'));
  }

  /**
   * Erases the frame on screen. After a resize the terminal has re-wrapped it (a line that fitted 100 columns takes
   * three rows of 40), so log-update's count of lines to erase is short: go up over every row the frame now takes
   * and clear to the end of the screen. (A terminal that cuts lines instead of re-wrapping them, like xterm, loses
   * a few lines above the view when it narrows: less harm than a copy of the view left behind.)
   */
  function clearFrame() {
    const columns = screen().columns;
    if (drawn.length > 0 && columns !== drawnColumns) {
      const rows = drawn.reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / columns)), 0);
      draw.done(); // forget the previous frame; with showCursor it writes nothing
      stream.write(`\r\u001b[${rows}A\u001b[J`);
    } else {
      draw.clear();
    }
    drawn = [];
  }

  const onResize = () => render();
  const restoreOnExit = () => stream.write(SHOW_CURSOR);
  let removeExitHook: () => void = () => undefined;

  return {
    tickMs: FRAME_MS,
    start(ids, at) {
      startedAt = at;
      now = at;
      if (options.instance !== undefined) {
        // As the user named it (`orders-db`, an id whole), as every other line names it.
        instance = { short: sanitize(options.instance), startedAt: at };
      } else {
        short = shortIds(ids);
        for (const id of ids) item(id);
      }
      live = true;
      stream.write(HIDE_CURSOR);
      stream.on?.('resize', onResize);
      // A second Ctrl-C exits at once, without the engine's stop(): the cursor must come back then too.
      removeExitHook = options.onExit?.(restoreOnExit) ?? (() => undefined);
      render();
    },
    observed(id, job, at) {
      now = at;
      item(id).state = { kind: 'running', item: job };
    },
    instanceStatus(status, at) {
      now = at;
      if (instance !== undefined) instance.status = status;
      render();
    },
    sinceWindow(sinceMs, seen, at) {
      now = at;
      if (instance !== undefined) instance.windowEmptyMs = seen ? undefined : sinceMs;
    },
    notVisible(id, at) {
      now = at;
      item(id).state = { kind: 'not-visible' };
    },
    retrying(id, error, delayMs, at) {
      now = at;
      // Kept above the view, like a log line: what went wrong stays readable after the view moved on.
      clearFrame();
      const subject = subjectOf(id, shortOf(id), options.instance);
      stream.write(`${chalk.yellow('⚠')} ${retryLine(subject, error, delayMs)}\n`);
      render();
    },
    finished(result, at) {
      now = at;
      if (options.instance !== undefined && result.id === options.instance) return; // the instance's own end
      item(result.id).state = { kind: 'ended', result };
    },
    tick(at) {
      now = at;
      render();
    },
    stop(_result, at) {
      now = at;
      if (!live) return;
      live = false;
      stream.off?.('resize', onResize);
      removeExitHook();
      clearFrame();
      draw.done();
      const lines = finalLines([...items.values()], screen().columns, chalk);
      stream.write(`${lines.map((line) => `${line}\n`).join('')}${SHOW_CURSOR}`);
    },
  };
}
