// The configuration loader (every command that reads settings needs it) and the config commands' runs, as one
// module that command-line.ts and config's definition load with one `import()`: loaded apart, the small modules they
// share (paths, settings, the config files, RDS's endpoint rule…) were files of their own on every run
// (see commands/api-runs.ts, docs/performance.md). proper-lockfile, for `config set`, stays behind config/write.ts's
// own `import()`.
export { loadConfig } from '../../config/load.js';
export { runConfigGet } from './get.js';
export { runConfigList } from './list.js';
export { runConfigPath, runConfigProfiles } from './path.js';
export { runConfigSet, runConfigUnset } from './set.js';
