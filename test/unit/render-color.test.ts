import { describe, expect, it } from 'vitest';
import { paint } from '../../src/render/color.js';
import { colorLevel } from '../../src/render/color-level.js';

type Env = Record<string, string | undefined>;
const cases: [string, { isTTY: boolean; env: Env; noColorFlag?: boolean }, number][] = [
  ['TTY, nothing set', { isTTY: true, env: {} }, 1],
  ['pipe, nothing set', { isTTY: false, env: {} }, 0],
  ['--no-color on a TTY', { isTTY: true, env: {}, noColorFlag: true }, 0],
  ['--no-color beats FORCE_COLOR', { isTTY: true, env: { FORCE_COLOR: '3' }, noColorFlag: true }, 0],
  ['NO_COLOR on a TTY', { isTTY: true, env: { NO_COLOR: '1' } }, 0],
  ['NO_COLOR beats FORCE_COLOR', { isTTY: false, env: { NO_COLOR: 'yes', FORCE_COLOR: '1' } }, 0],
  ['empty NO_COLOR is ignored', { isTTY: true, env: { NO_COLOR: '' } }, 1],
  ['empty NO_COLOR does not stop FORCE_COLOR', { isTTY: false, env: { NO_COLOR: '', FORCE_COLOR: '2' } }, 2],
  ['FORCE_COLOR=1 on a pipe', { isTTY: false, env: { FORCE_COLOR: '1' } }, 1],
  ['FORCE_COLOR=true', { isTTY: false, env: { FORCE_COLOR: 'true' } }, 1],
  ['FORCE_COLOR empty', { isTTY: false, env: { FORCE_COLOR: '' } }, 1],
  ['FORCE_COLOR=2', { isTTY: false, env: { FORCE_COLOR: '2' } }, 2],
  ['FORCE_COLOR=3', { isTTY: false, env: { FORCE_COLOR: '3' } }, 3],
  ['FORCE_COLOR=9 is capped', { isTTY: false, env: { FORCE_COLOR: '9' } }, 3],
  ['FORCE_COLOR=0 on a TTY', { isTTY: true, env: { FORCE_COLOR: '0' } }, 0],
  ['FORCE_COLOR=false on a TTY', { isTTY: true, env: { FORCE_COLOR: 'false' } }, 0],
  ['FORCE_COLOR=garbage means colour', { isTTY: false, env: { FORCE_COLOR: 'always' } }, 1],
  ['FORCE_COLOR=1 beats TERM=dumb', { isTTY: true, env: { FORCE_COLOR: '1', TERM: 'dumb' } }, 1],
  ['TTY with TERM=dumb', { isTTY: true, env: { TERM: 'dumb' } }, 0],
  ['TTY with 256 colours', { isTTY: true, env: { TERM: 'xterm-256color' } }, 2],
  ['TTY with truecolor', { isTTY: true, env: { TERM: 'xterm-256color', COLORTERM: 'truecolor' } }, 3],
  ['TTY with 24bit', { isTTY: true, env: { COLORTERM: '24bit' } }, 3],
  ['pipe ignores TERM', { isTTY: false, env: { TERM: 'xterm-256color', COLORTERM: 'truecolor' } }, 0],
];

describe('colorLevel', () => {
  for (const [name, input, level] of cases) {
    it(name, () => expect(colorLevel({ noColorFlag: false, ...input })).toBe(level));
  }
});

describe('paint', () => {
  it('emits no escapes when colour is off', () => expect(paint(false).red('x')).toBe('x'));
  it('emits escapes when colour is on, whatever the process supports', () =>
    expect(paint(true).red('x')).toBe('\u001b[31mx\u001b[39m'));
  it('accepts a level', () => expect(paint(0).green('x')).toBe('x'));
});
