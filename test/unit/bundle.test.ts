// What each path of the CLI loads, read from esbuild's metafile of the very bundle bin/rdsjob.js runs: the start-up
// budget (docs/performance.md) depends on each lazy `import()` staying at its call site.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS build script, no types
import { bundle } from '../../scripts/bundle.js';

interface Output {
  entryPoint?: string;
  bytes: number;
  imports: { path: string; kind: string }[];
  inputs: Record<string, unknown>;
}

let outdir: string;
let outputs: Record<string, Output>;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'rdsjob-bundle-'));
  outputs = (await bundle({ outdir, metafile: true })).outputs;
}, 60_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/**
 * The chunk that loads a source module: the one built for it (an entry point, or a module behind a lazy seam), or
 * the lazily loaded chunk it is part of (get's run arrives with commands/api-runs.ts).
 */
function chunkOf(source: string): string {
  if (source === 'entry')
    return Object.keys(outputs).find((key) => outputs[key]!.entryPoint === 'bin-entry:rdsjob-entry')!;
  const found =
    Object.keys(outputs).find((key) => outputs[key]!.entryPoint === source) ??
    Object.keys(outputs).find((key) => outputs[key]!.entryPoint !== undefined && source in outputs[key]!.inputs);
  if (found === undefined) throw new Error(`no chunk loads ${source}: is it still loaded lazily?`);
  return found;
}

/** The chunks a process loads once it has run these: their static imports, transitively. */
function chunksLoadedBy(...sources: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = sources.map(chunkOf);
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const edge of outputs[key]!.imports)
      if (edge.kind === 'import-statement' && edge.path in outputs) queue.push(edge.path);
  }
  return seen;
}

/** The source files (and package files) in those chunks. */
function inputsLoadedBy(...sources: string[]): Set<string> {
  return new Set([...chunksLoadedBy(...sources)].flatMap((key) => Object.keys(outputs[key]!.inputs)));
}

/** The npm packages a process loads once it has run these chunks: their static imports, transitively. */
function packagesLoadedBy(...sources: string[]): Set<string> {
  const packages = new Set<string>();
  for (const key of chunksLoadedBy(...sources)) {
    for (const input of Object.keys(outputs[key]!.inputs)) {
      const name = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      if (name !== undefined) packages.add(name);
    }
  }
  return packages;
}

const START = ['entry'];

describe('what each path of the bundle loads', () => {
  it('--version: none of the dependencies', () => {
    expect([...packagesLoadedBy(...START)]).toEqual([]);
  });

  it('--help: commander only, no got, log-update, chalk or cli-table3', () => {
    expect([...packagesLoadedBy(...START, 'src/command-line.ts')].sort()).toEqual(['commander']);
  });

  it('get <id> (table): got and chalk, but neither log-update nor cli-table3', () => {
    const loaded = packagesLoadedBy(...START, 'src/command-line.ts', 'src/api/open.ts', 'src/render/job-view.ts');
    expect(loaded).toContain('got');
    expect(loaded).toContain('chalk');
    expect(loaded).not.toContain('log-update');
    expect(loaded).not.toContain('cli-table3');
  });

  it('get and list: ora only behind the slow spinner’s own import() (a fast run never loads it)', () => {
    const loaded = packagesLoadedBy(
      ...START,
      'src/command-line.ts',
      'src/api/open.ts',
      'src/commands/get/run.ts',
      'src/commands/list/run.ts',
    );
    expect(loaded).not.toContain('ora');
    // …and ora is a chunk of its own, reached only by that import().
    expect(Object.values(outputs).some((output) => output.entryPoint?.startsWith('node_modules/ora/'))).toBe(true);
  });

  it('get <id> --json: no chalk, cli-table3 or log-update', () => {
    const loaded = packagesLoadedBy(...START, 'src/command-line.ts', 'src/api/open.ts');
    for (const heavy of ['chalk', 'cli-table3', 'log-update']) expect(loaded).not.toContain(heavy);
  });

  it('get A B (the multi-job table): cli-table3, but no display-width measuring unless a terminal table needs it', () => {
    const loaded = packagesLoadedBy(
      ...START,
      'src/command-line.ts',
      'src/api/open.ts',
      'src/commands/get/run.ts',
      'src/render/jobs-table.ts',
    );
    expect(loaded).toContain('cli-table3');
    for (const heavy of ['string-width', 'cli-truncate', 'log-update']) expect(loaded).not.toContain(heavy);
  });

  it('a table on a terminal: display width only behind measure.ts’s import(), for text that is not all ASCII', () => {
    const fitting = packagesLoadedBy(
      ...START,
      'src/command-line.ts',
      'src/api/open.ts',
      'src/commands/get/run.ts',
      'src/commands/list/run.ts',
      'src/render/fit-table.ts',
      'src/render/fit-fields.ts',
    );
    for (const heavy of ['string-width', 'cli-truncate']) expect(fitting).not.toContain(heavy);
    expect(packagesLoadedBy('src/render/width.ts')).toContain('string-width');
  });

  it('--query alone brings the JMESPath library: get, wait and list without it never load it', () => {
    const loaded = packagesLoadedBy(
      ...START,
      'src/command-line.ts',
      'src/api/open.ts',
      'src/commands/get/run.ts',
      'src/commands/wait/run.ts',
      'src/commands/list/run.ts',
      'src/render/job-view.ts',
      'src/render/jobs-table.ts',
      'src/render/tasks-table.ts',
    );
    expect(loaded).not.toContain('@jmespath-community/jmespath');
    expect(packagesLoadedBy('src/query.ts')).toContain('@jmespath-community/jmespath');
  });

  it('the live view alone brings log-update and string-width', () => {
    const loaded = packagesLoadedBy('src/wait/reporter-live.ts');
    expect(loaded).toContain('log-update');
    expect(loaded).toContain('string-width');
  });

  it('wait with plain lines (stderr not a terminal): no log-update, string-width or cli-table3', () => {
    const loaded = packagesLoadedBy(...START, 'src/command-line.ts', 'src/api/open.ts', 'src/commands/wait/run.ts');
    for (const heavy of ['log-update', 'string-width', 'cli-truncate', 'cli-table3'])
      expect(loaded).not.toContain(heavy);
  });

  it('get and wait with RDS (the default): no other service’s file; each is a chunk of its own, loaded when chosen', () => {
    const siblings = ['taurusdb', 'gaussdb', 'dds', 'geminidb'].map((name) => `src/services/${name}.ts`);
    const loaded = inputsLoadedBy(
      ...START,
      'src/command-line.ts',
      'src/config/load.ts',
      'src/api/open.ts',
      'src/commands/get/run.ts',
      'src/commands/wait/run.ts',
    );
    expect(loaded).toContain('src/services/rds.ts');
    for (const sibling of siblings) {
      expect(loaded).not.toContain(sibling);
      expect(inputsLoadedBy(sibling)).not.toContain(siblings.find((other) => other !== sibling));
    }
  });
});

/** The lazily loaded parts each measured path (`npm run bench`) loads, in the order a run loads them. */
const CONFIG_AND_API = ['src/command-line.ts', 'src/config/load.ts', 'src/api/open.ts'];
const PATHS: Record<string, string[]> = {
  '--version': START,
  '--help': [...START, 'src/command-line.ts'],
  'get <id>': [...START, ...CONFIG_AND_API, 'src/commands/get/run.ts', 'src/render/job-view.ts'],
  'get <id> --json': [...START, ...CONFIG_AND_API, 'src/commands/get/run.ts'],
  'get A B C': [...START, ...CONFIG_AND_API, 'src/commands/get/run.ts', 'src/render/jobs-table.ts'],
  // A wait ends by printing its jobs on stdout: the one-job view.
  'wait <id> (plain lines)': [...START, ...CONFIG_AND_API, 'src/commands/wait/run.ts', 'src/render/job-view.ts'],
  'wait <id> (live view)': [
    ...START,
    ...CONFIG_AND_API,
    'src/commands/wait/run.ts',
    'src/wait/reporter-live.ts',
    'src/render/job-view.ts',
  ],
};

/**
 * Files each path loads at most, and how many of them may be under 1 KB. On Node every file is one more read and
 * module (docs/performance.md); esbuild makes a file of every set of lazily loaded parts that share a module, so a
 * small module imported by two of them becomes a file of a few hundred bytes on every run. These budgets are today's
 * counts: 43 files for `get <id>`, 19 of them under 1 KB, was the start-up regression of issue 22.
 */
const BUDGETS: Record<string, { files: number; small: number }> = {
  '--version': { files: 4, small: 0 },
  '--help': { files: 11, small: 1 },
  'get <id>': { files: 26, small: 7 },
  'get <id> --json': { files: 22, small: 5 },
  'get A B C': { files: 28, small: 8 },
  'wait <id> (plain lines)': { files: 26, small: 7 },
  'wait <id> (live view)': { files: 30, small: 7 },
};

describe('how many files each path loads', () => {
  for (const [name, sources] of Object.entries(PATHS)) {
    it(`${name}: at most ${BUDGETS[name]!.files} files, ${BUDGETS[name]!.small} of them under 1 KB`, () => {
      const chunks = [...chunksLoadedBy(...sources)];
      // Named by what they hold, so a failure says which modules to bring into a chunk the path loads anyway.
      const described = (keys: string[]) =>
        keys.map((key) => `${Object.keys(outputs[key]!.inputs).join(' + ') || key} (${outputs[key]!.bytes} B)`);
      const small = chunks.filter((key) => outputs[key]!.bytes < 1024);
      expect(chunks.length, described(chunks).join('\n')).toBeLessThanOrEqual(BUDGETS[name]!.files);
      expect(small.length, described(small).join('\n')).toBeLessThanOrEqual(BUDGETS[name]!.small);
    });
  }
});
