// The terminal model the live-view tests read their screens from: if it renders wrongly, they prove nothing.
import { describe, expect, it } from 'vitest';
import { TerminalScreen } from '../support/screen.js';

describe('TerminalScreen', () => {
  it('writes text, a newline goes to the start of the next line, colour is dropped', () => {
    const s = new TerminalScreen(20, 5).write('\u001b[31mred\u001b[39m\nnext');
    expect(s.lines()).toEqual(['red', 'next']);
  });

  it('wraps at the last column and counts it', () => {
    const s = new TerminalScreen(5, 5).write('abcdefg');
    expect(s.lines()).toEqual(['abcde', 'fg']);
    expect(s.softWraps).toBe(1);
    expect(new TerminalScreen(5, 5).write('abcde\n').softWraps).toBe(0);
  });

  it('CJK and emoji take two columns; one that does not fit wraps whole', () => {
    const s = new TerminalScreen(5, 5).write('ab创建');
    expect(s.lines()).toEqual(['ab创', '建']);
    expect(s.softWraps).toBe(1);
  });

  it('cursor up, erase line and erase below redraw in place', () => {
    const s = new TerminalScreen(20, 5).write('one\ntwo\n\u001b[2K\u001b[1A\u001b[2K\u001b[1A\u001b[2K\u001b[Gnew\n');
    expect(s.lines()).toEqual(['new']);
    const t = new TerminalScreen(20, 5).write('one\ntwo\nthree\n\u001b[3A\u001b[J');
    expect(t.lines()).toEqual([]);
    const u = new TerminalScreen(20, 5).write('abcdef\r\u001b[3C\u001b[K!');
    expect(u.lines()).toEqual(['abc!']);
  });

  it('scrolls; a cursor-up past the top of the screen stops there and is counted', () => {
    const s = new TerminalScreen(10, 3).write('1\n2\n3\n4\n');
    expect(s.visible()).toEqual(['3', '4', '']);
    expect(s.lines()).toEqual(['1', '2', '3', '4']);
    s.write('\u001b[5Ax');
    expect(s.clampedUps).toBe(1);
    expect(s.visible()[0]).toBe('x');
  });

  it('cursor visibility and synchronised output', () => {
    const s = new TerminalScreen(10, 3).write('\u001b[?25l\u001b[?2026hx\u001b[?2026l');
    expect(s.cursorVisible).toBe(false);
    s.write('\u001b[?25h');
    expect(s.cursorVisible).toBe(true);
  });

  it('throws on escapes and control characters it does not know, so none slips through unseen', () => {
    expect(() => new TerminalScreen(10, 3).write('\u001b]0;title\u0007')).toThrow(/unknown escape/);
    expect(() => new TerminalScreen(10, 3).write('\u001b[?1049h')).toThrow(/unknown mode/);
    expect(() => new TerminalScreen(10, 3).write('a\u0007')).toThrow(/control character/);
  });

  it('a resize re-wraps lines as VTE and tmux do, and the cursor keeps its place', () => {
    const s = new TerminalScreen(10, 10).write('0123456789ab\nxyz\n');
    expect(s.lines()).toEqual(['0123456789', 'ab', 'xyz']);
    s.resize(20);
    expect(s.lines()).toEqual(['0123456789ab', 'xyz']);
    s.resize(4);
    expect(s.lines()).toEqual(['0123', '4567', '89ab', 'xyz']);
    s.write('end');
    expect(s.lines()).toEqual(['0123', '4567', '89ab', 'xyz', 'end']);
  });
});
