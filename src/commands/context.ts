// What every command receives from main(): injected dependencies plus the global choices already made.
import type { JobsApi } from '../api/types.js';
import type { GlobalFlags } from '../config/types.js';
import type { Deps } from '../deps.js';
import type { ExitCode } from '../exit-codes.js';

export type OutputFormat = 'table' | 'json';

export interface ApiOptions {
  /** HTTP-level retries per request; `wait` passes 0 because it retries on its own, within its rate budget. */
  retries?: number;
}

export interface CommandContext {
  deps: Deps;
  output: OutputFormat;
  /** Colour in the data on stdout, decided once from its TTY, NO_COLOR, FORCE_COLOR and --no-color. */
  color: boolean;
  /** The same decision for stderr (progress, spinner), which may be a terminal while stdout is redirected. */
  stderrColor: boolean;
  debug: boolean;
  /** The global options as given on the command line, to repeat in commands we suggest (e.g. resuming a wait). */
  globalArgs: readonly string[];
  /** Resolves configuration and builds the client on first use (after input checks, so bad input sends nothing). */
  api(options?: ApiOptions): Promise<JobsApi>;
}

/** The global options as commander parses them (valid before or after any command). */
export interface GlobalOptions extends GlobalFlags {
  debug?: boolean;
  color?: boolean; // commander's --no-color → false
}

export type Action = (ctx: CommandContext) => Promise<ExitCode>;

/** How a command definition hands its work to main(), which builds the context and owns the exit code. */
export type SelectAction = (run: Action, globals: GlobalOptions, output: OutputFormat) => void;
