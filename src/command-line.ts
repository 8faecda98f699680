// Everything a run needs once it is more than `--version`: the parser (program.ts) and the context each command
// runs in — configuration and the API client opened on first use, the command's signal and time bound.
import type { Api } from './api/types.js';
import type { CommandContext, OutputFormat } from './commands/context.js';
import type { ResolvedConfig } from './config/types.js';
import type { Deps } from './deps.js';
import type { ExitCode } from './exit-codes.js';
import { timeBound, type TimeBound } from './deadline.js';
import { settingFlags, type GlobalOptions } from './flags.js';
import { apiBoundMs, PRINT_AND_EXIT_MS } from './limits.js';
import { colorLevel } from './render/color-level.js';
import type { Query } from './query.js';
import { formatError } from './render/error.js';
import { terminalWidth } from './render/terminal-width.js';

/** How main() renders errors: from this chunk, so the one `--version` loads stays without it. */
export { formatError };

export { parseCommandLine } from './program.js';

/** The config files and their resolution (with the config commands' runs): only commands that read settings. */
const loadConfigLoader = () => import('./commands/config/runs.js');
/** got, hpagent and the signer (with the runs of get, wait and list): only commands that send requests. */
const loadApiOpener = () => import('./commands/api-runs.js');

/** The context a command runs in: resolved lazily (configuration, API client), closed by main() after the run. */
export function createContext(
  globals: GlobalOptions,
  output: OutputFormat,
  deps: Deps,
  version: string,
  query?: Query,
): CommandContext & { close(exitCode: ExitCode): Promise<void> } {
  const debug = globals.debug === true;
  const noColorFlag = globals.color === false;
  const flags = settingFlags(globals);
  let config: Promise<ResolvedConfig> | undefined;
  let api: Promise<Api> | undefined;
  const atEnd: ((exitCode: ExitCode) => Promise<void>)[] = [];

  // The command's signal: a stop signal, or the time bound the command sets (limit) running out.
  const bound = new AbortController();
  const signal = AbortSignal.any([deps.signal, bound.signal]);
  let boundTimer: TimeBound | undefined;
  let boundEndsAt = Infinity;
  const limit = (boundMs: number, what: string, options: { wholeRun?: boolean; from?: number } = {}) => {
    boundTimer?.cancel();
    // get and list promise the whole run, start to exit: start-up is spent already, and printing and exiting need
    // a moment after the last request. A wait's bound runs from where its clock started (`from`).
    const spent =
      options.from !== undefined
        ? deps.now() - options.from
        : options.wholeRun && deps.startedAt !== undefined
          ? deps.now() - deps.startedAt + PRINT_AND_EXIT_MS
          : 0;
    boundEndsAt = deps.now() + boundMs - spent;
    const timer = (boundTimer = timeBound(deps.sleep, boundMs, what, boundMs - spent));
    timer.signal.addEventListener('abort', () => bound.abort(timer.signal.reason), { once: true });
  };

  const readConfig = async () => {
    const loaded = await (await loadConfigLoader()).loadConfig(flags, deps.env, deps.homedir);
    for (const warning of loaded.warnings) deps.stderr.write(warning);
    return loaded.config;
  };
  const openApi = async (taskCenter: boolean) => {
    const resolved = await (config ??= readConfig());
    const open = deps.openApi ?? (await loadApiOpener()).openApi;
    return open(resolved, {
      debug: debug ? (line) => deps.stderr.write(`debug: ${line}\n`) : undefined,
      now: deps.now,
      homedir: deps.homedir,
      env: deps.env,
      signal,
      requestBoundMs: apiBoundMs(deps.env),
      timeLeft: () => boundEndsAt - deps.now(),
      sleep: deps.sleep,
      random: deps.random,
      userAgent: `rdsjob/${version}`,
      taskCenter,
    });
  };

  return {
    deps,
    output,
    query,
    printResult: (text) => void deps.stdout.write(query === undefined ? text : query.answer(text)),
    debug,
    flags,
    color: colorLevel({ isTTY: deps.stdout.isTTY === true, env: deps.env, noColorFlag }) > 0,
    stderrColor: colorLevel({ isTTY: deps.stderr.isTTY === true, env: deps.env, noColorFlag }) > 0,
    // Measured when the result is printed: the terminal may have been resized since the start (a long wait).
    get width() {
      return terminalWidth(deps.stdout, deps.env);
    },
    signal,
    limit,
    // The same lines main() prints (render/error.ts), for the errors a command reports itself, one per item.
    errorLines: (error, jobId) => formatError(error, debug, jobId),
    apiBoundMs: () => apiBoundMs(deps.env),
    // Promises, not values, are cached: two callers at once still share one configuration and one client.
    config: () => (config ??= readConfig()),
    api: (options) => (api ??= openApi(options?.taskCenter === true)),
    atEnd: (report) => void atEnd.push(report),
    close: async (exitCode) => {
      boundTimer?.cancel();
      (await api?.catch(() => undefined))?.close();
      for (const report of atEnd) await report(exitCode);
    },
  };
}
