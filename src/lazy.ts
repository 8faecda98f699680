// The modules a command's run loads only when it needs them: the seams of start-up time (README § Performance,
// measured by `npm run bench`). The runs themselves load through commands/runs.ts, and the configuration and API
// client through command-line.ts. test/unit/bundle.test.ts checks from the bundle's metafile that what `--version`,
// `--help` and `get` load stays free of what they do not need.

/** chalk: the one-job view (padded rows; it does not need cli-table3's cell machinery, ~15 ms). */
export const loadJobView = () => import('./render/job-view.js');

/** chalk and cli-table3: tables of several rows. */
export const loadJobsTable = () => import('./render/jobs-table.js');

/** string-width and cli-truncate: a Failed row's reason cut to a terminal's width (~60 ms to load). */
export const loadReasonFit = () => import('./render/fit-reasons.js');

/** chalk and cli-table3: the task center's rows. */
export const loadTasksTable = () => import('./render/tasks-table.js');

/** cli-table3: `config list`'s columns. */
export const loadSettingsTable = () => import('./render/settings-table.js');

/** log-update, string-width and chalk: the live view, only on a terminal. */
export const loadLiveView = () => import('./wait/reporter-live.js');

/** The locked writer: only `config set` and `config unset` write. */
export const loadConfigWriter = () => import('./config/write.js');

/** The completion script generators: only `rdsjob completion`. */
export const loadCompletion = () => import('./completion/script.js');
