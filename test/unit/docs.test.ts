// The documentation the code and the docs point at exists: comments' `docs/….md` and `README § Heading`, and every
// relative link in the README, CONTRIBUTING and docs/ (a moved section must not leave a reference dangling).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const files = (dir: string, ext: RegExp): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => ext.test(name))
    .map((name) => join(dir, name));

const headings = (markdown: string) => markdown.split('\n').filter((line) => /^#{1,4} /.test(line));

describe('documentation references', () => {
  const sources = [
    ...files('src', /\.ts$/),
    ...files('scripts', /\.js$/),
    ...files('test', /\.ts$/),
    'action.yml',
  ].filter((path) => !path.endsWith('docs.test.ts'));

  it('no comment points at the product contract, which users never see: each names a doc in the repository', () => {
    expect(sources.filter((path) => read(path).includes('contract \u00a7'))).toEqual([]);
  });

  it('every docs/….md a source file names exists', () => {
    const named = new Set(sources.flatMap((path) => read(path).match(/docs\/[\w-]+\.md/g) ?? []));
    expect(named.size).toBeGreaterThan(0);
    for (const doc of named) expect(existsSync(join(root, doc)), `${doc} is named but missing`).toBe(true);
  });

  it('every README § Heading a source file names is a heading of the README', () => {
    const readme = headings(read('README.md')).join('\n');
    const named = new Set(
      sources.flatMap((path) => [...read(path).matchAll(/README § ([A-Z][\w ]+)/g)].map((m) => m[1]!)),
    );
    for (const heading of named) expect(readme, `README § ${heading}`).toMatch(new RegExp(`^#+ ${heading}`, 'm'));
  });

  it('every relative link of the README, CONTRIBUTING and docs/ reaches a file', () => {
    for (const doc of ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...files('docs', /\.md$/)]) {
      for (const [, target] of read(doc).matchAll(/\]\(((?!https?:|#)[^)#\s]+)(#[^)]*)?\)/g)) {
        expect(existsSync(join(root, dirname(doc), target!)), `${doc} links to ${target}`).toBe(true);
      }
    }
  });

  it('the README fits a screen or two: at most 250 lines', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(250);
  });
});
