import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILE_ENV, SETTING_KEYS, SETTINGS } from '../../src/config/settings.js';
import { EXIT } from '../../src/exit-codes.js';
import { SETTING_FLAGS } from '../../src/flags.js';
import { EXIT_ROWS as EXIT_MEANINGS } from '../../src/exit-meanings.js';
import { helpEpilog } from '../../src/help.js';
import { main } from '../../src/main.js';
import { fakeDeps, scriptedApi } from '../support/fakes.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of the README's § Exit codes table, as [code, meaning]. */
function readmeExitRows(): Array<[number, string]> {
  const section = readme.slice(readme.indexOf('## Exit codes'));
  const lines = section.split('\n').filter((line) => /^\|\s*\d+\s*\|/.test(line));
  const end = section.indexOf('\n## ', 1);
  return lines
    .filter((line) => section.indexOf(line) < end)
    .map((line) => {
      const [, code, meaning] = line.split('|').map((cell) => cell.trim());
      return [Number(code), meaning!];
    });
}

describe('exit codes: one table', () => {
  it('the README table is EXIT_MEANINGS, row for row', () => {
    expect(readmeExitRows()).toEqual(EXIT_MEANINGS.map(([code, meaning]) => [code, meaning]));
  });

  it('every code rdsjob can exit with has a meaning', () => {
    expect(EXIT_MEANINGS.map(([code]) => code).sort()).toEqual(Object.values(EXIT).sort());
  });

  it('--help lists every code', () => {
    const help = helpEpilog();
    for (const [code] of EXIT_MEANINGS) expect(help).toMatch(new RegExp(`^ {2}[\\d, ]*\\b${code}\\b`, 'm'));
  });
});

describe('--help Environment: every setting from SETTINGS, in one aligned column', () => {
  const block = helpEpilog().split('Environment:\n')[1]!.split('\n\n')[0]!.split('\n');

  it('names every environment variable of every setting', () => {
    for (const key of SETTING_KEYS)
      expect(block.some((line) => line.includes(SETTINGS[key].env.join(', ')))).toBe(true);
  });

  it('each description starts in the same column', () => {
    const columns = block.map((line) => /^ {2}\S.*?\S {2,}(?=\S)/.exec(line)![0].length);
    expect(new Set(columns).size).toBe(1);
  });
});

/** The README's § Configuration table: one row per setting, as [setting, flag, environment, profile key, otherwise]. */
function readmeSettingRows(): string[][] {
  const start = readme.indexOf('\n## Configuration\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1) // the header
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

const code = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(', ');

describe("the README's environment variables: SETTINGS, row for row", () => {
  const rows = readmeSettingRows();

  it('one row per setting, plus the profile that chooses them', () => {
    expect(rows).toHaveLength(SETTING_KEYS.length + 1);
    expect(rows.find((row) => row[0] === 'profile')?.slice(1, 3)).toEqual(['`--profile`', code([PROFILE_ENV])]);
  });

  it.each(SETTING_KEYS)('%s: its variables in order (first set wins), its flag and its profile key', (key) => {
    const row = rows.find((cells) => cells[3] === `\`${key}\``);
    expect(row, `no README row with profile key \`${key}\``).toBeDefined();
    expect(row![2]).toBe(code(SETTINGS[key].env));
    const flag = SETTING_FLAGS.find((f) => f.key === key)?.flag;
    expect(row![1]).toBe(flag === undefined ? '—' : `\`${flag}\``);
  });
});

describe('usage errors in the two lines every error has: error, then hint', () => {
  it.each([
    [['get', 'x', '--jsn'], "error: unknown option '--jsn'\nhint: did you mean --json?\n"],
    [['gte', 'x'], "error: unknown command 'gte'\nhint: did you mean get?\n"],
    [['nope'], "error: unknown command 'nope'\nhint: run `rdsjob --help` for the commands\n"],
    [['help', 'nope'], "error: unknown command 'nope'\nhint: run `rdsjob --help` for the commands\n"],
    [['wait', 'x', '--timout', '5s'], "error: unknown option '--timout'\nhint: did you mean --timeout?\n"],
  ])('%j', async (argv, stderr) => {
    const deps = fakeDeps(scriptedApi(() => new Error('no request expected')));
    expect(await main(argv, deps)).toBe(2);
    expect(deps.stderr.text).toBe(stderr);
    expect(deps.stdout.text).toBe('');
  });
});
