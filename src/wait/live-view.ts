// What the live view shows, as lines: pure, so every terminal size is a table test. One line per job or task —
// spinner or ✔/✖, id, name, bar and percentage, status, elapsed — fitted to the terminal: never wider than its
// columns (by display width), never more lines than its rows. reporter-live.ts draws these lines in place.
import { formatDuration, formatElapsed } from '../duration.js';
import type { Paint } from '../render/paint.js';
import { formatProgress } from '../render/progress.js';
import { paintStatus } from '../render/status.js';
import { sanitize, scalarText } from '../render/text.js';
import { displayWidth, padStartToWidth, padToWidth, truncateToWidth } from '../render/width.js';
import { OUTCOME_LABELS } from '../outcome.js';
import { instanceStateOf, liveProgress } from '../status.js';
import { formatLeft } from './estimate.js';
import { errorText, jobName, ownEnding, reasonText, tookText } from './item-text.js';
import type { ProgressItem } from './reporter.js';
import { hasEnded, type ItemResult } from './result.js';

/** The `dots` spinner (cli-spinners), advanced once per frame: at most 10 frames a second. */
const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;
export const FRAME_MS = 100;
const BAR_CELLS = 10;
/** Names are cut to this many columns only after the bar, the id and a redundant "Running" have given way. */
const NAME_MIN = 12;

export type LiveState =
  | { kind: 'checking' }
  | { kind: 'not-visible' }
  | { kind: 'running'; item: ProgressItem }
  | { kind: 'ended'; result: ItemResult };

export interface LiveItem {
  id: string;
  /** The id as progress lines show it (`a9767ede…`). */
  short: string;
  /** When this wait started following it: its elapsed time counts from here. */
  since: number;
  state: LiveState;
}

export interface LiveFrame {
  items: readonly LiveItem[];
  now: number;
  /** Which spinner frame running lines show. */
  tick: number;
  /**
   * `wait --instance`: a first line about the instance, whose tasks are the items; `windowEmptyMs`, the `--since`
   * window while no task of it is listed yet.
   */
  instance?: { short: string; startedAt: number; status?: string; windowEmptyMs?: number };
  /** The estimated time left of an item (estimate.ts), when there is one. */
  leftMs?: (id: string) => number | undefined;
}

export interface Screen {
  columns: number;
  rows: number;
}

/** A line's parts, plain; colour is added once the layout has cut what does not fit. */
interface Cells {
  symbol: string;
  paintSymbol: (s: string) => string;
  id: string;
  name: string;
  bar: string;
  percent: string;
  /** `~4m left`, or '': the first part to go when lines do not fit. */
  eta: string;
  status: string;
  /** A status the percentage already says ("Running" next to "70%"): the first to go on a narrow terminal. */
  statusImplied: boolean;
  time: string;
  /** The fail reason (or error) shown under a finished line. */
  reason?: string;
}

export function progressBar(percent: number): string {
  const filled = Math.min(BAR_CELLS, Math.max(0, Math.floor(percent / (100 / BAR_CELLS))));
  return '█'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}

const ENDED_STATUS = OUTCOME_LABELS;

const leftText = (ms: number | undefined) => (ms === undefined ? '' : `${formatLeft(ms)} left`);

function cellsOf(item: LiveItem, frame: LiveFrame, chalk: Paint): Cells {
  const spinner = SPINNER_FRAMES[frame.tick % SPINNER_FRAMES.length]!;
  const base = {
    id: item.short,
    name: '',
    bar: '',
    percent: '',
    eta: '',
    statusImplied: false,
    time: formatElapsed(frame.now - item.since),
  };
  const state = item.state;
  switch (state.kind) {
    case 'checking':
      return { ...base, symbol: spinner, paintSymbol: chalk.cyan, status: 'checking' };
    case 'not-visible':
      return { ...base, symbol: spinner, paintSymbol: chalk.cyan, status: 'not visible yet' };
    case 'running': {
      const progress = liveProgress(state.item);
      const status = scalarText(state.item.status) ?? 'no status';
      return {
        ...base,
        symbol: spinner,
        paintSymbol: chalk.cyan,
        name: jobName(state.item) ?? '',
        bar: progress === undefined ? '' : progressBar(progress),
        percent: progress === undefined ? '' : formatProgress(progress),
        eta: leftText(frame.leftMs?.(item.id)),
        status,
        statusImplied: progress !== undefined && status === 'Running',
      };
    }
    case 'ended': {
      const { result } = state;
      const ok = result.outcome === 'completed';
      // A service's own ending (TaurusDB's Canceled) is shown as received; its reason, unless that only repeats it.
      const own = result.outcome === 'failed' ? ownEnding(result.item) : undefined;
      const failed = result.outcome === 'failed' ? reasonText(result.item) : undefined;
      const reason =
        failed !== undefined
          ? failed === own
            ? undefined
            : failed
          : result.outcome === 'error' || result.outcome === 'not-found'
            ? errorText(result.error)
            : undefined;
      return {
        ...base,
        symbol: ok ? '✔' : '✖',
        paintSymbol: ok ? chalk.green : chalk.red,
        name: jobName(result.item) ?? '',
        status: own ?? ENDED_STATUS[result.outcome],
        time: tookText(result),
        reason,
      };
    }
  }
}

/** Which optional parts a layout keeps; tried in order until every line fits. */
interface Level {
  /** The estimated time left: the first part to go. */
  eta: boolean;
  bar: boolean;
  /** The id in a column of its own (without it, a line with no name yet shows its id as the name). */
  id: boolean;
  /** "Running" next to a percentage, which says as much. */
  impliedStatus: boolean;
  /** Any status: ✔, ✖ and the percentage still tell how each line stands. */
  status: boolean;
  /** The narrowest a name may be cut to at this level. */
  nameMin: number;
}

/**
 * Names stay whole while the bar, the id column and an implied "Running" can give way (docs/live-view.md):
 * what a job is matters more than how it is drawn. Then names are cut, and only then do statuses go.
 */
const WHOLE = Number.POSITIVE_INFINITY;

const LEVELS: readonly Level[] = [
  { eta: true, bar: true, id: true, impliedStatus: true, status: true, nameMin: WHOLE },
  { eta: false, bar: true, id: true, impliedStatus: true, status: true, nameMin: WHOLE },
  { eta: false, bar: false, id: true, impliedStatus: true, status: true, nameMin: WHOLE },
  { eta: false, bar: false, id: false, impliedStatus: true, status: true, nameMin: WHOLE },
  { eta: false, bar: false, id: false, impliedStatus: false, status: true, nameMin: NAME_MIN },
  { eta: false, bar: false, id: false, impliedStatus: false, status: false, nameMin: NAME_MIN },
  { eta: false, bar: false, id: false, impliedStatus: false, status: false, nameMin: 4 },
  { eta: false, bar: false, id: false, impliedStatus: false, status: false, nameMin: 1 },
];

const maxWidth = (texts: readonly string[]) => texts.reduce((w, t) => Math.max(w, displayWidth(t)), 0);

/** Aligned lines for `cells`, no wider than `width` columns. */
function layoutLines(all: readonly Cells[], width: number, chalk: Paint): string[] {
  for (const [index, level] of LEVELS.entries()) {
    const last = index === LEVELS.length - 1;
    const lines = tryLevel(all, level, width, chalk, last);
    if (lines !== undefined) return lines;
  }
  return []; // unreachable: the last level always fits (it cuts whole lines if it must)
}

function tryLevel(
  all: readonly Cells[],
  level: Level,
  width: number,
  chalk: Paint,
  last: boolean,
): string[] | undefined {
  const status = (c: Cells) => (!level.status || (c.statusImplied && !level.impliedStatus) ? '' : c.status);
  const nameOf = (c: Cells) => (level.id || c.name !== '' ? c.name : c.id);
  const eta = (c: Cells) => (level.eta && c.eta !== '' ? ` ${c.eta}` : '');
  const progress = (c: Cells, paintBar = (bar: string) => bar) =>
    c.percent === ''
      ? ''
      : `${level.bar ? `${paintBar(c.bar)} ${c.percent.padStart(4)}` : c.percent.padStart(4)}${eta(c)}`;
  const widths = {
    symbol: 1,
    id: level.id ? maxWidth(all.map((c) => c.id)) : 0,
    progress: maxWidth(all.map((c) => progress(c))),
    status: maxWidth(all.map(status)),
    time: maxWidth(all.map((c) => c.time)),
  };
  const longestName = maxWidth(all.map(nameOf));
  const fixed = Object.values(widths).filter((w) => w > 0);
  const used = fixed.reduce((a, b) => a + b, 0) + fixed.length - 1;
  const room = width - used - (longestName > 0 ? 1 : 0);
  const nameWidth = Math.min(longestName, room);
  if (longestName > 0 && nameWidth < Math.min(longestName, level.nameMin) && !last) return undefined;
  return all.map((c) => {
    const parts: string[] = [c.paintSymbol(c.symbol)];
    if (widths.id > 0) parts.push(padToWidth(c.id, widths.id));
    if (longestName > 0 && nameWidth > 0) parts.push(padToWidth(truncateToWidth(nameOf(c), nameWidth), nameWidth));
    if (widths.progress > 0) {
      parts.push(progress(c, chalk.cyan) + ' '.repeat(widths.progress - displayWidth(progress(c))));
    }
    if (widths.status > 0) {
      const s = status(c);
      parts.push(paintStatus(s, chalk) + ' '.repeat(widths.status - displayWidth(s)));
    }
    parts.push(chalk.dim(padStartToWidth(c.time, widths.time)));
    return truncateToWidth(parts.join(' '), width);
  });
}

/**
 * The live lines for one frame. At most `rows - 1` lines (the cursor waits on the line below) and each at most
 * `columns - 1` wide (a character in the last column leaves some terminals about to wrap). When the lines do not
 * fit, the reasons under Failed lines go first, then finished items fold into one count, then running ones beyond
 * what fits are counted as `… and N more`.
 */
export function liveLines(frame: LiveFrame, screen: Screen, chalk: Paint): string[] {
  const width = Math.max(1, screen.columns - 1);
  const budget = Math.max(1, screen.rows - 1);
  const header = frame.instance === undefined ? [] : [instanceLine(frame, width, chalk)];
  const room = Math.max(0, budget - header.length);
  const cells = frame.items.map((item) => cellsOf(item, frame, chalk));
  if (cells.length === 0) return header.slice(0, budget);

  const full = layoutLines(cells, width, chalk);
  const explained = withReasons(full, cells, (reason) => truncateToWidth(`  ${chalk.red(reason)}`, width));
  if (explained.length <= room) return [...header, ...explained];
  if (full.length <= room) return [...header, ...full];

  const open = cells.filter((_, i) => frame.items[i]!.state.kind !== 'ended');
  const ended = frame.items.filter((item) => item.state.kind === 'ended');
  const folded = ended.length > 0 ? [countLine(ended, chalk, width)] : [];
  if (room <= folded.length)
    return [...header, ...(folded.length > 0 ? folded : [moreLine(cells.length, width, chalk)])].slice(0, budget);
  const shown = room - folded.length;
  if (open.length <= shown) return [...header, ...folded, ...layoutLines(open, width, chalk)];
  const visible = layoutLines(open.slice(0, shown - 1), width, chalk);
  return [...header, ...folded, ...visible, moreLine(open.length - (shown - 1), width, chalk)];
}

function countLine(ended: readonly LiveItem[], chalk: Paint, width: number): string {
  const count = (outcome: ItemResult['outcome']) =>
    ended.filter((i) => i.state.kind === 'ended' && i.state.result.outcome === outcome).length;
  const completed = count('completed');
  const other = ended.length - completed;
  const parts = [
    completed > 0 ? `${chalk.green('✔')} ${completed} completed` : '',
    other > 0 ? `${chalk.red('✖')} ${other} ${other === count('failed') ? 'failed' : 'failed or ended'}` : '',
  ].filter(Boolean);
  return truncateToWidth(parts.join('  '), width);
}

function moreLine(count: number, width: number, chalk: Paint): string {
  return truncateToWidth(chalk.dim(`… and ${count} more`), width);
}

function instanceLine(frame: LiveFrame, width: number, chalk: Paint): string {
  const instance = frame.instance!;
  const open = frame.items.filter((i) => i.state.kind !== 'ended').length;
  const tasks =
    frame.items.length > 0
      ? `${open} ${open === 1 ? 'task' : 'tasks'} running`
      : instance.windowEmptyMs === undefined
        ? 'looking for running tasks'
        : `looking for a task started in the last ${formatDuration(instance.windowEmptyMs)}`;
  // The instance's status while it keeps the instance from being free.
  const what =
    instance.status === undefined || instanceStateOf(instance.status) === 'free'
      ? tasks
      : `${sanitize(instance.status)}, ${tasks}`;
  const spinner = SPINNER_FRAMES[frame.tick % SPINNER_FRAMES.length]!;
  const elapsed = chalk.dim(formatElapsed(frame.now - instance.startedAt));
  return truncateToWidth(`${chalk.cyan(spinner)} instance ${instance.short}: ${what} ${elapsed}`, width);
}

/**
 * What stays on the screen once the wait ends: a ✔/✖ line for every item that Completed or Failed (each once; a
 * reason whole, under its line), laid out for the width. Timeouts, errors and Ctrl-C are the summary's to explain.
 */
export function finalLines(items: readonly LiveItem[], columns: number, chalk: Paint): string[] {
  const ended = items.filter((item) => item.state.kind === 'ended' && hasEnded(item.state.result));
  // An ended item's time is its own duration: the frame's clock and spinner do not show.
  const cells = ended.map((item) => cellsOf(item, { items, now: 0, tick: 0 }, chalk));
  const lines = layoutLines(cells, Math.max(1, columns - 1), chalk);
  // Reasons whole, not cut: the screen is not redrawn any more, and the reason is what the user needs to read.
  return withReasons(lines, cells, (reason) => `  ${chalk.red(reason)}`);
}

/** Each line, followed by its item's reason line when it has one. */
function withReasons(
  lines: readonly string[],
  cells: readonly Cells[],
  reasonLine: (reason: string) => string,
): string[] {
  return lines.flatMap((line, i) => {
    const reason = cells[i]!.reason;
    return reason === undefined ? [line] : [line, reasonLine(reason)];
  });
}
