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

/** The chunk built for a source module (an entry point, or a module behind a lazy seam). */
function chunkOf(source: string): string {
  if (source === 'entry')
    return Object.keys(outputs).find((key) => outputs[key]!.entryPoint === 'bin-entry:rdsjob-entry')!;
  const found = Object.keys(outputs).find((key) => outputs[key]!.entryPoint === source);
  if (found === undefined) throw new Error(`no chunk for ${source}: is it still loaded lazily?`);
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
