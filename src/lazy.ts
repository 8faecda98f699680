// The modules a run loads only when it needs them: the seams of start-up time (README § Performance, measured
// by `npm run bench`). test/unit/bundle.test.ts checks from the bundle's metafile that what `--version`, `--help`
// and `get` load stays free of what they do not need.

/** commander and every command's definition: `rdsjob --version` needs neither. */
export const loadProgram = () => import('./program.js');

/** Each command's run, loaded once that command is chosen: parsing and `--help` need only the definitions. */
export const runs = {
  get: () => import('./commands/get/run.js'),
  wait: () => import('./commands/wait/run.js'),
  configSet: () => import('./commands/config/set.js'),
  configGet: () => import('./commands/config/get.js'),
  configList: () => import('./commands/config/list.js'),
  configPath: () => import('./commands/config/path.js'),
};

/** The config files and their resolution: only commands that read settings. */
export const loadConfigLoader = () => import('./config/load.js');

/** got, hpagent and the signer: only for commands that send requests. */
export const loadApiOpener = () => import('./api/open.js');

/** chalk: the one-job view (padded rows; it does not need cli-table3's cell machinery, ~15 ms). */
export const loadJobView = () => import('./render/job-view.js');

/** chalk and cli-table3: tables of several rows. */
export const loadJobsTable = () => import('./render/jobs-table.js');

/** cli-table3: `config list`'s columns. */
export const loadSettingsTable = () => import('./render/settings-table.js');

/** ora and chalk: only a spinner on a terminal. */
export const loadSpinner = () => import('./wait/reporter-tty.js');

/** The locked writer: only `config set` and `config unset` write. */
export const loadConfigWriter = () => import('./config/write.js');

/** The completion script generators: only `rdsjob completion`. */
export const loadCompletion = () => import('./completion/script.js');
