// Each command's run, loaded once that command is chosen: parsing and `--help` need only the definitions. Kept
// apart from lazy.ts (the runs' own seams) so that the definitions share no module with the runs: on Node each
// module file a run loads costs ~2 ms, and a module both used would be one more.
export const runs = {
  get: () => import('./get/run.js'),
  wait: () => import('./wait/run.js'),
  list: () => import('./list/run.js'),
  configSet: () => import('./config/set.js'),
  configGet: () => import('./config/get.js'),
  configList: () => import('./config/list.js'),
  configPath: () => import('./config/path.js'),
  completion: () => import('./completion/run.js'),
};
