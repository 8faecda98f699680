import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTING_KEYS, SETTINGS } from '../../src/config/settings.js';
import { EXIT } from '../../src/exit-codes.js';
import { EXIT_ROWS as EXIT_MEANINGS } from '../../src/exit-meanings.js';
import { helpEpilog } from '../../src/help.js';

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
