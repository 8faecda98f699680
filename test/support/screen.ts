// A small terminal: renders a byte stream the way a VT100-style emulator would, so a test can look at the screen a
// user sees instead of at escape sequences. It knows what rdsjob and log-update emit (cursor moves, erases, SGR,
// cursor visibility, synchronised output) and throws on anything else, so a new kind of escape cannot slip by.
// It keeps what scrolled off the top (like a terminal's scrollback) and counts the things that betray a bad
// frame: a line wrapped because it was too wide, a cursor-up stopped at the top because a frame was too tall.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export class TerminalScreen {
  /** Every line ever shown, scrollback first; each cell one column (a wide character's second cell is ''). */
  private buffer: string[][] = [[]];
  /** wrapped[i]: line i runs on into line i + 1 (the terminal wrapped it), so a resize re-wraps them as one. */
  private wrapped: boolean[] = [false];
  private row = 0; // index into buffer
  private col = 0;
  cursorVisible = true;
  /** Lines the terminal wrapped because text reached the last column and went on. */
  softWraps = 0;
  /** Cursor-up moves that hit the top of the screen: whatever was to be redrawn above it is out of reach. */
  clampedUps = 0;

  constructor(
    public columns: number,
    public rows: number,
  ) {}

  private get top(): number {
    return Math.max(0, this.buffer.length - this.rows);
  }

  write(data: string): this {
    let i = 0;
    while (i < data.length) {
      const c = data[i]!;
      if (c === '\u001b') {
        i = this.escape(data, i);
        continue;
      }
      if (c === '\r') this.col = 0;
      else if (c === '\n') {
        // The tty driver's ONLCR (on by default) sends a newline as CR LF.
        this.col = 0;
        this.lineFeed();
      } else if (c === '\b') this.col = Math.max(0, this.col - 1);
      else if (c < ' ' || c === '\u007f')
        throw new Error(`TerminalScreen: control character U+${c.charCodeAt(0).toString(16)} written raw`);
      else {
        const grapheme = segmenter.segment(data.slice(i)).containing(0)!.segment;
        this.print(grapheme);
        i += grapheme.length;
        continue;
      }
      i += 1;
    }
    return this;
  }

  private lineFeed() {
    this.row += 1;
    if (this.row >= this.buffer.length) {
      this.buffer.push([]);
      this.wrapped.push(false);
    }
  }

  private print(grapheme: string) {
    const width = Math.max(1, stringWidth(grapheme));
    if (this.col + width > this.columns) {
      this.softWraps += 1;
      this.wrapped[this.row] = true;
      this.col = 0;
      this.lineFeed();
    }
    const line = this.buffer[this.row]!;
    while (line.length < this.col) line.push(' ');
    line[this.col] = grapheme;
    for (let k = 1; k < width; k++) line[this.col + k] = '';
    this.col += width;
  }

  private escape(data: string, start: number): number {
    const csi = /^\u001b\[([?]?)([0-9;]*)([A-Za-z])/.exec(data.slice(start));
    if (!csi) throw new Error(`TerminalScreen: unknown escape ${JSON.stringify(data.slice(start, start + 8))}`);
    const [all, privateMode, params, final] = csi;
    const n = params === '' || params === undefined ? undefined : Number(params.split(';')[0]);
    if (privateMode === '?') {
      if (params === '25') this.cursorVisible = final === 'h';
      else if (params !== '2026') throw new Error(`TerminalScreen: unknown mode ?${params}${final}`);
      return start + all.length;
    }
    switch (final) {
      case 'A': {
        const target = this.row - (n ?? 1);
        if (target < this.top) this.clampedUps += 1;
        this.row = Math.max(this.top, target);
        break;
      }
      case 'B':
        this.row = Math.min(this.buffer.length - 1, this.row + (n ?? 1));
        break;
      case 'C':
        this.col = Math.min(this.columns - 1, this.col + (n ?? 1));
        break;
      case 'D':
        this.col = Math.max(0, this.col - (n ?? 1));
        break;
      case 'G':
        this.col = Math.max(0, (n ?? 1) - 1);
        break;
      case 'K': {
        const line = this.buffer[this.row]!;
        if ((n ?? 0) === 0) line.length = Math.min(line.length, this.col);
        else if (n === 1) for (let k = 0; k <= this.col && k < line.length; k++) line[k] = ' ';
        else line.length = 0;
        break;
      }
      case 'J':
        if ((n ?? 0) !== 0) throw new Error(`TerminalScreen: unsupported erase ${all}`);
        this.buffer[this.row]!.length = Math.min(this.buffer[this.row]!.length, this.col);
        for (let r = this.row + 1; r < this.buffer.length; r++) this.buffer[r] = [];
        this.wrapped.fill(false, this.row);
        break;
      case 'm':
        break; // colour: the screen keeps text only
      default:
        throw new Error(`TerminalScreen: unknown escape ${JSON.stringify(all)}`);
    }
    return start + all.length;
  }

  /**
   * The window changes size, and the terminal re-wraps what it shows as VTE, iTerm2, kitty and tmux do: lines it
   * had wrapped join up again, and every line is wrapped anew at the new width. The cursor stays on its character.
   */
  resize(columns: number, rows = this.rows): void {
    const logical: { cells: string[]; cursorAt?: number }[] = [];
    let current: { cells: string[]; cursorAt?: number } = { cells: [] };
    this.buffer.forEach((cells, r) => {
      if (r === this.row) current.cursorAt = current.cells.length + this.col;
      const padded = this.wrapped[r] ? [...cells, ...Array(Math.max(0, this.columns - cells.length)).fill(' ')] : cells;
      current.cells.push(...padded);
      if (!this.wrapped[r]) {
        logical.push(current);
        current = { cells: [] };
      }
    });
    if (current.cells.length > 0 || current.cursorAt !== undefined) logical.push(current);
    this.columns = columns;
    this.rows = rows;
    this.buffer = [];
    this.wrapped = [];
    for (const line of logical) {
      let rowCells: string[] = [];
      const flush = (more: boolean) => {
        this.buffer.push(rowCells);
        this.wrapped.push(more);
        rowCells = [];
      };
      line.cells.forEach((cell, k) => {
        if (k === line.cursorAt) {
          this.row = this.buffer.length;
          this.col = rowCells.length;
        }
        const width = cell === '' ? 0 : Math.max(1, stringWidth(cell));
        if (width > 0 && rowCells.length + width > columns) flush(true);
        rowCells.push(cell);
      });
      if (line.cursorAt !== undefined && line.cursorAt >= line.cells.length) {
        if (rowCells.length >= columns) flush(true);
        this.row = this.buffer.length;
        this.col = line.cursorAt - (line.cells.length - rowCells.length);
        this.col = Math.min(this.col, columns - 1);
      }
      flush(false);
    }
    if (this.buffer.length === 0) {
      this.buffer.push([]);
      this.wrapped.push(false);
    }
  }

  /** Every line, scrollback included, right-trimmed; trailing empty lines dropped. */
  lines(): string[] {
    const text = this.buffer.map((cells) => cells.join('').replace(/\s+$/, ''));
    while (text.length > 0 && text.at(-1) === '') text.pop();
    return text;
  }

  /** What is on the screen now: the last `rows` lines. */
  visible(): string[] {
    return this.buffer.slice(this.top).map((cells) => cells.join('').replace(/\s+$/, ''));
  }
}
