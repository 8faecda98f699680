// The runs of the commands that call the API (get, wait, list) and the API opener they all use, as one module that
// their definitions and command-line.ts load with one `import()`. Why one: esbuild makes a file (a chunk) of every
// set of lazily loaded modules that share a module, and on Node each file loaded costs a read and a module of its
// own; when each run and the opener were loaded apart, the small modules they share (outcome, pacing, limits, the
// RDS service…) became ~15 files of a few hundred bytes each on every `get` and `wait` (docs/performance.md). A run
// carrying the others' code costs less than those files. What only some runs need (chalk, cli-table3, the live
// view, ora, the JMESPath library) stays behind its own `import()`; test/unit/bundle.test.ts holds both to it.
export { openApi } from '../api/open.js';
export { runGet } from './get/run.js';
export { runList } from './list/run.js';
export { runWait, runWaitInstance } from './wait/run.js';
